/**
 * Skipped rows as a downloadable CSV, so a user can fix and re-load them. Cells that a spreadsheet
 * would run as a formula (= + - @, tab, CR at the start) are prefixed with an apostrophe (OWASP advice
 * against CSV injection).
 */
import { toCsvLine } from './tokenizer';
import type { IngestReport } from './types';

/** Neutralise a cell for export: "'=1+1" instead of "=1+1". */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV text: a header `line,reason,<the file's columns>`, then one row per reported skipped row with its
 * line number, the reason, and its raw cells (re-split with the file's delimiter).
 */
export function skippedRowsCsv(report: IngestReport, columns: string[]): string {
  const d = report.delimiter;
  const lines = [toCsvLine(['line', 'reason', ...columns].map(neutraliseFormula), d)];
  for (const s of report.skipped) {
    lines.push(`${s.line}${d}${toCsvLine([neutraliseFormula(s.reason)], d)}${d}${neutraliseRaw(s.raw, d)}`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** The raw row is already CSV; neutralise each unquoted cell that starts like a formula. */
function neutraliseRaw(raw: string, d: string): string {
  return raw
    .split(d)
    .map((cell) => (cell.startsWith('"') ? cell : neutraliseFormula(cell)))
    .join(d);
}
