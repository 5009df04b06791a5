/**
 * Cell-level readers shared by profiling and the pipeline: numbers, booleans, dates and
 * multi-valued tokens from either column kind. String columns are read once per dictionary
 * entry (not per row), so a million-row column costs one pass over its codes.
 */
import type { Column } from '../data/table';
import { parseNumber } from '../ingest/numbers';

const TRUE = new Set(['true', 'yes', 'y', 't', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', 'f', '0', 'off']);

/** 1 for true-like text (true, yes, y, t, 1, on), 0 for false-like, NaN otherwise. */
export function parseBoolean(s: string): number {
  const t = s.trim().toLowerCase();
  return TRUE.has(t) ? 1 : FALSE.has(t) ? 0 : NaN;
}

/** A date cell as a fractional year (2019-07-01 -> 2019.4959), or NaN. Also returns month (1-12) or NaN. */
export function parseDate(s: string): { year: number; month: number; value: number } | null {
  const t = s.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+Z?)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1]!;
    mo = m[2] ? +m[2] : NaN;
    d = m[3] ? +m[3] : NaN;
  } else {
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (!m) return null;
    const a = +m[1]!;
    const b = +m[2]!;
    // 13/02/2020 must be day-first; otherwise assume month-first (US exports).
    [mo, d] = a > 12 ? [b, a] : [a, b];
    y = +m[3]!;
  }
  if (y < 1000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const frac = (Number.isNaN(mo) ? 0 : (mo - 1) / 12) + (Number.isNaN(d) ? 0 : (d - 1) / 365);
  return { year: y, month: mo, value: y + frac };
}

/** Split a multi-valued cell ("pop, R&B", "A; B", "x|y") into trimmed, non-empty tokens. */
export function splitTokens(s: string): string[] {
  return s
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Apply `f` to each dictionary entry once; returns a per-entry lookup. */
export function mapDict<T>(dict: string[], f: (s: string) => T): T[] {
  return dict.map(f);
}

/**
 * The column as numbers, one per requested row (all rows when `rows` is omitted). Number columns
 * are copied; string columns are parsed with `reader` per dictionary entry (default: as numbers).
 * Shape: [rows.length], NaN = missing or unreadable.
 */
export function numericView(
  col: Column,
  rows?: ArrayLike<number>,
  reader: (s: string) => number = (s) => parseNumber(s, false),
): Float64Array {
  const n = rows ? rows.length : col.kind === 'number' ? col.values.length : col.codes.length;
  const out = new Float64Array(n);
  if (col.kind === 'number') {
    if (!rows) out.set(col.values);
    else for (let i = 0; i < n; i++) out[i] = col.values[rows[i]!]!;
    return out;
  }
  const lut = mapDict(col.dict, reader);
  for (let i = 0; i < n; i++) {
    const k = col.codes[rows ? rows[i]! : i]!;
    out[i] = k < 0 ? NaN : lut[k]!;
  }
  return out;
}

/** Finite values of `a`, sorted ascending. */
export function sortedFinite(a: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/** Linear-interpolated quantile (q in [0,1]) of an ascending array (numpy's default); NaN when empty. */
export function quantileSorted(s: ArrayLike<number>, q: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Mean and population std of the finite values; NaN when there are none. */
export function meanStd(a: ArrayLike<number>): { mean: number; std: number; n: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: NaN, std: NaN, n };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(ss / n), n };
}

/** Occurrences of each dictionary code among the rows (all rows when omitted). Shape: [dict.length]. */
export function codeCounts(codes: Int32Array, dictSize: number, rows?: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(dictSize);
  const n = rows ? rows.length : codes.length;
  for (let i = 0; i < n; i++) {
    const k = codes[rows ? rows[i]! : i]!;
    if (k >= 0) counts[k] = counts[k]! + 1;
  }
  return counts;
}
