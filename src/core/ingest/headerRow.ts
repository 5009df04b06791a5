/**
 * Which row of the head is the header, and how its width relates to the data rows'. Decided once,
 * from the rows of the head tokenized with the chosen dialect:
 *
 * - Preamble: rows above the real header (a title, "Created by ...", `,,,,` filler) are skipped.
 *   A row is preamble when it is empty, or holds one value in a table of three or more columns, or
 *   belongs to a run of rows narrower or wider than the data that ends in a row of the data's width
 *   that reads as a header (text where the data below has numbers).
 * - A header with one extra, empty field (`a,b,c,` above `1,2,3`): the trailing delimiter is dropped.
 * - A header one field narrower than the data, whose rows do not just end in an empty field: R's
 *   write.table with row names; the first column is the row names.
 * - A header narrower still than the data's filled fields (a broken header line): it is widened with
 *   generated names, so that the data rows are kept rather than skipped as too long.
 */
import { parseNumber } from './numbers';
import type { SampleRow } from './dialect';

/** What the table builder does with the header row. */
export type HeaderFix = 'none' | 'dropTrailing' | 'rowNames' | 'widen';

/**
 * The header's place and shape. `dataWidth`: the modal field count of the rows below it. `alone`: the
 * header row is the only row of the whole file.
 */
export interface HeaderLayout {
  headerLine: number;
  dataWidth: number;
  fix: HeaderFix;
  alone?: boolean;
}

/** Rows above the header that may be skipped (more means the head has no table shape). */
const MAX_PREAMBLE = 50;
/** Rows below a candidate header used to type its columns. */
const TYPE_ROWS = 20;

const blank = (s: string) => s.trim() === '';
const isNum = (s: string) =>
  !Number.isNaN(parseNumber(s.trim(), false)) || !Number.isNaN(parseNumber(s.trim(), true));
const nonEmpty = (r: string[]) => r.reduce((n, s) => n + (blank(s) ? 0 : 1), 0);
/** Field count without trailing empty fields. */
const trimmedWidth = (r: string[]) => {
  let w = r.length;
  while (w > 0 && blank(r[w - 1]!)) w--;
  return w;
};

/** The most frequent value (ties: the larger). */
function mode(values: number[]): number {
  const freq = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const v of values) {
    const n = (freq.get(v) ?? 0) + 1;
    freq.set(v, n);
    if (n > bestN || (n === bestN && v > best)) [best, bestN] = [v, n];
  }
  return best;
}

/** Columns of `row` that are numeric in the rows below (80% of their non-empty cells). */
function numericColumns(row: string[], below: string[][]): number[] {
  const out: number[] = [];
  for (let k = 0; k < row.length; k++) {
    let filled = 0;
    let nums = 0;
    for (const r of below) {
      const c = r[k];
      if (c === undefined || blank(c)) continue;
      filled++;
      if (isNum(c)) nums++;
    }
    if (filled > 0 && nums >= 0.8 * filled) out.push(k);
  }
  return out;
}

/** True when `row` reads as a header above `below`: text in every column that is numeric below (one at least). */
function headerLike(row: string[], below: string[][]): boolean {
  const cols = numericColumns(row, below);
  return cols.length > 0 && cols.every((k) => !blank(row[k]!) && !isNum(row[k]!));
}

/** True when `row` reads as data above `below`: numbers in half or more of the columns numeric below. */
function dataLike(row: string[], below: string[][]): boolean {
  const cols = numericColumns(row, below);
  return cols.length > 0 && cols.filter((k) => isNum(row[k]!)).length >= 0.5 * cols.length;
}

/**
 * Find the header among `rows` (the head's rows with their lines, blank lines left out). Returns
 * line 1 (`startLine`) and no fix for an empty head.
 */
export function findHeader(rows: SampleRow[], startLine = 1): HeaderLayout {
  const content = rows.filter((r) => !(r.fields.length === 1 && blank(r.fields[0]!)));
  if (content.length === 0) return { headerLine: startLine, dataWidth: 0, fix: 'none' };
  const f = content.map((r) => r.fields);
  const width = mode(f.map((r) => r.length));
  const tWidth = mode(f.map(trimmedWidth));
  const limit = Math.min(content.length - 1, MAX_PREAMBLE);
  /**
   * An empty row, or one value in a table of three or more columns (a title, a note) that is not
   * directly above data (then it is a header broken onto one field, and is kept).
   */
  const sparse = (h: number): boolean => {
    const filled = nonEmpty(f[h]!);
    if (filled === 0) return true;
    if (filled > 1 || tWidth < 3) return false;
    let j = h + 1;
    while (j < f.length && nonEmpty(f[j]!) <= 1) j++;
    return j >= f.length || !dataLike(f[j]!, f.slice(j + 1, j + 1 + TYPE_ROWS));
  };
  /** After a run of rows of other widths from h: the row of the data's width, if it reads as a header. */
  const headerAfterRun = (h: number): number => {
    let j = h;
    while (j < limit && f[j]!.length !== width) j++;
    const ok = j > h && f[j]!.length === width && headerLike(f[j]!, f.slice(j + 1, j + 1 + TYPE_ROWS));
    return ok ? j : h;
  };
  let h = 0;
  for (;;) {
    while (h < limit && sparse(h)) h++;
    const j = h < limit ? headerAfterRun(h) : h;
    if (j === h) break;
    h = j;
  }
  // No header within MAX_PREAMBLE rows: the head has no table shape; read it from the top.
  if (h >= MAX_PREAMBLE) h = 0;
  return layoutAt(f, h, content[h]!.line);
}

/** The layout when row `h` of `f` is the header on line `headerLine`. */
export function layoutAt(f: string[][], h: number, headerLine: number): HeaderLayout {
  const header = f[h] ?? [];
  const data = f.slice(h + 1);
  const dataWidth = data.length ? mode(data.map((r) => r.length)) : header.length;
  // How far the data rows are filled (their trailing empty fields do not count).
  const filledWidth = data.length ? mode(data.map(trimmedWidth)) : 0;
  let fix: HeaderFix = 'none';
  if (data.length && header.length === dataWidth + 1 && blank(header[header.length - 1]!))
    fix = 'dropTrailing';
  else if (data.length && header.length === dataWidth - 1 && filledWidth === dataWidth) fix = 'rowNames';
  else if (data.length && header.length < Math.min(dataWidth, filledWidth)) fix = 'widen';
  return { headerLine, dataWidth, fix };
}
