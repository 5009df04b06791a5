/**
 * Stack several tables (e.g. the six hit_predictor decade files) into one dataset.
 */
import type { Column, Table } from '../data/table';

export interface ConcatOptions {
  /** Add a string column with this name telling which input each row came from. */
  sourceColumn?: string;
  /** Labels of the inputs for `sourceColumn` (default "1", "2", ...). */
  sourceLabels?: string[];
}

/**
 * Concatenate tables by column name (order of first appearance). A column missing from a table is
 * missing in its rows; a column that is numeric in one table and text in another becomes text.
 */
export function concatTables(tables: Table[], opts: ConcatOptions = {}): Table {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const t of tables) {
    for (const c of t.columns) {
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      names.push(c.name);
    }
  }
  const rowCount = tables.reduce((s, t) => s + t.rowCount, 0);
  const columns: Column[] = names.map((name) => {
    const parts = tables.map((t) => t.columns.find((c) => c.name === name));
    const allNumeric = parts.every((c) => c === undefined || c.kind === 'number');
    if (allNumeric) {
      const values = new Float64Array(rowCount).fill(NaN);
      let o = 0;
      tables.forEach((t, i) => {
        const c = parts[i];
        if (c && c.kind === 'number') values.set(c.values, o);
        o += t.rowCount;
      });
      return { name, kind: 'number', values };
    }
    const dict: string[] = [];
    const index = new Map<string, number>();
    const codeOf = (s: string): number => {
      let k = index.get(s);
      if (k === undefined) {
        k = dict.length;
        dict.push(s);
        index.set(s, k);
      }
      return k;
    };
    const codes = new Int32Array(rowCount).fill(-1);
    let o = 0;
    tables.forEach((t, i) => {
      const c = parts[i];
      if (c?.kind === 'string') {
        const remap = c.dict.map(codeOf);
        for (let r = 0; r < t.rowCount; r++) {
          const k = c.codes[r]!;
          codes[o + r] = k < 0 ? -1 : remap[k]!;
        }
      } else if (c?.kind === 'number') {
        for (let r = 0; r < t.rowCount; r++) {
          const v = c.values[r]!;
          codes[o + r] = Number.isNaN(v) ? -1 : codeOf(String(v));
        }
      }
      o += t.rowCount;
    });
    return { name, kind: 'string', codes, dict };
  });
  if (opts.sourceColumn) {
    const labels = tables.map((_, i) => opts.sourceLabels?.[i] ?? String(i + 1));
    const codes = new Int32Array(rowCount);
    let o = 0;
    tables.forEach((t, i) => {
      codes.fill(i, o, o + t.rowCount);
      o += t.rowCount;
    });
    columns.push({ name: opts.sourceColumn, kind: 'string', codes, dict: labels });
  }
  return { rowCount, columns };
}
