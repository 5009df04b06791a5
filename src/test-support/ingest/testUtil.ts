/**
 * Test helpers (used by *.test.ts only): read testdata files and compare a typed table with
 * expected string rows (numbers compare by value, '' means missing).
 */
import type { Table } from '../../core/data/table';
import { cellString, isMissing } from '../../core/data/table';
import { parseNumber } from '../../core/ingest/numbers';

/** Mismatches between `table` and `expected` (rows of header -> text); [] when they agree. */
export function compareRows(
  table: Table,
  expected: Record<string, string>[],
  rename: (key: string) => string = (k) => k,
): string[] {
  const problems: string[] = [];
  if (table.rowCount !== expected.length)
    problems.push(`rows: got ${table.rowCount}, expected ${expected.length}`);
  expected.forEach((row, r) => {
    if (r >= table.rowCount) return;
    const keys = Object.keys(row);
    if (keys.length !== table.columns.length)
      problems.push(`row ${r}: ${table.columns.length} columns, expected ${keys.length}`);
    for (const key of keys) {
      const want = row[key]!;
      const col = table.columns.find((c) => c.name === rename(key));
      if (!col) {
        problems.push(`missing column ${JSON.stringify(key)}`);
        continue;
      }
      if (want === '') {
        if (!isMissing(col, r))
          problems.push(`row ${r} ${key}: expected missing, got ${JSON.stringify(cellString(col, r))}`);
      } else if (col.kind === 'number') {
        const w = parseNumber(want, false);
        if (w !== col.values[r]) problems.push(`row ${r} ${key}: got ${col.values[r]}, expected ${want}`);
      } else if (cellString(col, r) !== want) {
        problems.push(
          `row ${r} ${key}: got ${JSON.stringify(cellString(col, r))}, expected ${JSON.stringify(want)}`,
        );
      }
    }
  });
  return problems;
}
