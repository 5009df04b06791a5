/**
 * The CSV writer of every download (skipped rows today): spreadsheet-safe and quote-aware.
 *
 * - Formulas: a cell beginning with = + - @, tab or CR would run as a formula in a spreadsheet
 *   (OWASP, "CSV Injection"); it gets an apostrophe in front ("'=1+1"). This is decided on the
 *   cell's value, before quoting, so a cell that is quoted (`=HYPERLINK("http://x/","y")` has quotes
 *   and commas) is neutralised too.
 * - Quoting: a cell is quoted, its quotes doubled, when it holds a quote, CR, LF or the delimiter,
 *   so it is read back as one value (`a,=cmd|x` stays one cell).
 * - Every other cell is written as it is: reading the text back with the ingest parser gives exactly
 *   the cells written, apart from the apostrophes.
 *
 * Rows that arrive as CSV text (SkippedRow.raw) are split with the tokenizer, never with
 * String.split, so quoted delimiters inside them are not cut.
 */
import { toCsvLine } from './csvLine';
import { CsvTokenizer } from './tokenizer';
import type { IngestReport } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a cell for export: "'=1+1" instead of "=1+1"; other cells unchanged. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows of cells as CSV text for a download: each cell neutralised, then quoted where needed; CRLF
 * after every row (RFC 4180). `delimiter` is one character (default ',').
 */
export function toSafeCsv(rows: Iterable<ArrayLike<string>>, delimiter = ','): string {
  let out = '';
  for (const row of rows) out += toCsvLine(Array.from(row, neutraliseFormula), delimiter) + '\r\n';
  return out;
}

/** The cells of one row of CSV text (as toCsvLine writes it, '"' quoting), read by the tokenizer. */
export function splitCsvLine(text: string, delimiter: string): string[] {
  let cells: string[] | null = null;
  const tok = new CsvTokenizer(delimiter.charCodeAt(0), {
    row(view) {
      cells ??= view.toArray();
    },
    badRow(fields) {
      cells ??= fields;
    },
  });
  tok.push(text);
  tok.finish();
  return cells ?? [''];
}

/**
 * CSV text: a header `line,reason,<the file's columns>`, then one row per reported skipped row with its
 * line number, the reason, and its cells (read from `raw` with the file's delimiter).
 */
export function skippedRowsCsv(report: IngestReport, columns: string[]): string {
  const d = report.delimiter;
  const rows: string[][] = [['line', 'reason', ...columns]];
  for (const s of report.skipped) rows.push([String(s.line), s.reason, ...splitCsvLine(s.raw, d)]);
  return toSafeCsv(rows, d);
}
