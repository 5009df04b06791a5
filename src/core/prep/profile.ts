/**
 * Column profiles for the profile panel: missing share, distinct count, summary statistics,
 * a histogram or the top values, and warnings (constant, id-like, heavy skew, many missing,
 * leakage suspects), plus machine-readable flags the UI and defaults use.
 */
import type { Column, ColumnType, Table } from '../data/table';
import { cellString } from '../data/table';
import { inferNumericSummary, inferStringCounts, summariseNumbers } from './infer';
import { codeCounts, numericView, parseBoolean, parseDate, splitTokens } from './values';

export type ProfileFlag = 'constant' | 'id' | 'skew' | 'missing' | 'leak' | 'highCardinality';

export interface ColumnProfile {
  name: string;
  index: number;
  type: ColumnType;
  missing: number;
  missingShare: number;
  distinct: number;
  /** Numbers: in column units. Dates: fractional years. Booleans: 0/1. */
  min?: number;
  max?: number;
  mean?: number;
  /** Population standard deviation. */
  std?: number;
  /** Sample skewness (third standardised moment), numbers only. */
  skew?: number;
  histogram?: { x0: number; x1: number; count: number }[];
  /** Most frequent values (for multicategory: most frequent parts), at most 10. */
  topValues?: { value: string; count: number }[];
  warnings: string[];
  flags: ProfileFlag[];
  /** 'log1p' for heavy right tails of non-negative numbers (streams, duration). */
  suggestedScaling?: 'log1p' | 'standard';
}

const HIST_BINS = 20;
const TOP = 10;

/** Profile every column. `types` overrides inference per column index; `target` enables leakage checks. */
export function profileTable(
  table: Table,
  opts: { target?: string; types?: readonly (ColumnType | undefined)[] } = {},
): ColumnProfile[] {
  const target = opts.target === undefined ? undefined : leakTarget(table, opts.target);
  return table.columns.map((col, index) =>
    profileColumn(col, index, opts.types?.[index], table.rowCount, target),
  );
}

/** What the leakage check compares a column with: the target column, its index, and it as numbers. */
export interface LeakTarget {
  index: number;
  col: Column;
  y: Float64Array;
}

/** The LeakTarget of the column named `name` in `table` (undefined when there is none). */
export function leakTarget(table: Table, name: string): LeakTarget | undefined {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index < 0) return undefined;
  const col = table.columns[index]!;
  return { index, col, y: targetNumbers(col) };
}

/** The leakage check of one column's profile against `target` (none for the target itself). */
export function checkLeakage(p: ColumnProfile, col: Column, target: LeakTarget, n: number): void {
  if (p.index !== target.index) leakage(p, col, target.col, target.y, n);
}

function targetNumbers(col: Column): Float64Array {
  if (col.kind === 'number') return col.values;
  const asBool = numericView(col, undefined, parseBoolean);
  if (asBool.some((v) => !Number.isNaN(v))) return asBool;
  return Float64Array.from(col.codes, (k) => (k < 0 ? NaN : k));
}

/**
 * One column's profile: `index` is its position, `n` the table's row count, `given` a type that
 * overrides inference; with `target`, leakage suspects against it are flagged too.
 */
export function profileColumn(
  col: Column,
  index: number,
  given: ColumnType | undefined,
  n: number,
  target?: LeakTarget,
): ColumnProfile {
  const p: ColumnProfile = {
    name: col.name,
    index,
    type: given ?? 'constant',
    missing: 0,
    missingShare: 0,
    distinct: 0,
    warnings: [],
    flags: [],
  };
  if (col.kind === 'number') {
    const values = col.values.subarray(0, n);
    const m = summariseNumbers(values);
    p.type = given ?? inferNumericSummary(m);
    p.missing = n - m.count;
    p.distinct = m.distinct;
    if (m.count) numericStats(p, values, m.min, m.max, true, m);
  } else {
    const counts = codeCounts(col.codes.subarray(0, n), col.dict.length);
    p.type = given ?? inferStringCounts(col.dict, counts);
    let present = 0;
    for (let k = 0; k < counts.length; k++) {
      if (counts[k]! > 0) p.distinct++;
      present += counts[k]!;
    }
    p.missing = n - present;
    p.topValues = topValues(col.dict, counts, p.type === 'multicategory');
    if (p.type === 'boolean') dictStats(p, Float64Array.from(col.dict, parseBoolean), counts, false);
    else if (p.type === 'date')
      dictStats(
        p,
        Float64Array.from(col.dict, (s) => parseDate(s)?.value ?? NaN),
        counts,
        true,
      );
  }
  const type = p.type;
  p.missingShare = n ? p.missing / n : 0;
  if (type === 'constant' || p.distinct <= 1) {
    p.flags.push('constant');
    p.warnings.push(
      p.distinct === 0
        ? 'Every cell is empty.'
        : 'Constant column: every row has the same value, so it cannot help a model.',
    );
  }
  if (type === 'id') {
    p.flags.push('id');
    p.warnings.push('Identifier-like: unique per row. Useful to find duplicates, not as a feature.');
  }
  if (p.missingShare > 0.3) {
    p.flags.push('missing');
    p.warnings.push(`${(p.missingShare * 100).toFixed(0)}% of cells are missing.`);
  }
  if (type === 'category' && p.distinct > 50) {
    p.flags.push('highCardinality');
    p.warnings.push(
      `${p.distinct} distinct values: use target encoding or an embedding rather than one-hot.`,
    );
  }
  if (target) checkLeakage(p, col, target, n);
  return p;
}

/**
 * min/max/mean/std/histogram (and skew with a log1p suggestion) of the finite values. `known` (count
 * and sum of the finite values, from summariseNumbers) saves a pass; then one more pass gives the
 * second and third central moments and the histogram together.
 */
function numericStats(
  p: ColumnProfile,
  values: ArrayLike<number>,
  min: number,
  max: number,
  withSkew = true,
  known?: { count: number; sum: number },
): void {
  let n = known?.count ?? 0;
  let sum = known?.sum ?? 0;
  if (!known) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        n++;
        sum += v;
      }
    }
  }
  if (n === 0) return;
  const mean = sum / n;
  const bins = HIST_BINS;
  const counts = new Float64Array(bins);
  const width = (max - min) / bins;
  let ss = 0;
  let m3 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const d = v - mean;
    const d2 = d * d;
    ss += d2;
    m3 += d2 * d;
    if (width > 0) counts[Math.min(bins - 1, Math.floor((v - min) / width))]!++;
  }
  const std = Math.sqrt(ss / n);
  p.min = min;
  p.max = max;
  p.mean = mean;
  p.std = std;
  p.histogram = binsOf(counts, n, min, max);
  if (!withSkew || !(std > 0)) return;
  const m2 = ss / n;
  p.skew = m2 > 0 ? m3 / n / Math.pow(m2, 1.5) : 0;
  const numeric = p.type === 'number' || p.type === 'integer';
  if (numeric && min >= 0 && p.skew >= 1 && Math.abs(skewnessLog1p(values)) < p.skew) {
    p.flags.push('skew');
    p.suggestedScaling = 'log1p';
    p.warnings.push(`Heavy right tail (skewness ${p.skew.toFixed(1)}): a log1p transform is suggested.`);
  } else if (numeric && Math.abs(p.skew) > 2) {
    p.flags.push('skew');
    p.warnings.push(`Heavily skewed (skewness ${p.skew.toFixed(1)}): consider robust scaling or clipping.`);
  } else if (numeric) p.suggestedScaling = 'standard';
}

/**
 * min/max/mean/std/histogram of a text column read as one number per dictionary entry (booleans as
 * 0/1, dates as fractional years): `lut[k]` is entry k's number, `counts[k]` its rows. The same
 * figures as numericStats over a value per row, from the counts alone (no million-row array).
 * `ranged`: min and max of the values (dates); else the 0..1 range of booleans.
 */
function dictStats(p: ColumnProfile, lut: Float64Array, counts: Int32Array, ranged: boolean): void {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < lut.length; k++) {
    const c = counts[k]!;
    const v = lut[k]!;
    if (c === 0 || !Number.isFinite(v)) continue;
    n += c;
    sum += c * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return;
  if (!ranged) {
    min = 0;
    max = 1;
  }
  const mean = sum / n;
  const bins = new Float64Array(HIST_BINS);
  const width = (max - min) / HIST_BINS;
  let ss = 0;
  for (let k = 0; k < lut.length; k++) {
    const c = counts[k]!;
    const v = lut[k]!;
    if (c === 0 || !Number.isFinite(v)) continue;
    ss += c * (v - mean) * (v - mean);
    if (width > 0) bins[Math.min(HIST_BINS - 1, Math.floor((v - min) / width))]! += c;
  }
  p.min = min;
  p.max = max;
  p.mean = mean;
  p.std = Math.sqrt(ss / n);
  p.histogram = binsOf(bins, n, min, max);
}

/**
 * Sample skewness (third standardised moment) of log1p(x) over the finite values; 0 when undefined.
 * One pass of raw power sums (log1p is the costly part; the logs of real columns are small numbers,
 * so the raw-moment form loses nothing that matters to the comparison it serves).
 */
function skewnessLog1p(values: ArrayLike<number>): number {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const l = Math.log1p(v);
    n++;
    s1 += l;
    s2 += l * l;
    s3 += l * l * l;
  }
  if (n === 0) return 0;
  const mean = s1 / n;
  const m2 = s2 / n - mean * mean;
  const m3 = s3 / n - 3 * mean * (s2 / n) + 2 * mean * mean * mean;
  return m2 > 1e-12 * (s2 / n) ? m3 / Math.pow(m2, 1.5) : 0;
}

/** Histogram bins from per-bin counts (one bin holding all `total` values when min === max). */
function binsOf(
  counts: Float64Array,
  total: number,
  min: number,
  max: number,
): { x0: number; x1: number; count: number }[] {
  if (!(max > min)) return [{ x0: min, x1: max, count: total }];
  const bins = counts.length;
  const width = (max - min) / bins;
  return Array.from({ length: bins }, (_, b) => ({
    x0: min + b * width,
    x1: b === bins - 1 ? max : min + (b + 1) * width,
    count: counts[b]!,
  }));
}

/** Equal-width histogram of the finite values over [min, max]; one bin when min === max. */
export function histogram(
  values: ArrayLike<number>,
  min: number,
  max: number,
  bins = HIST_BINS,
): { x0: number; x1: number; count: number }[] {
  const counts = new Float64Array(bins);
  let total = 0;
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    total++;
    if (width > 0) counts[Math.min(bins - 1, Math.floor((v - min) / width))]!++;
  }
  return binsOf(counts, total, min, max);
}

function topValues(dict: string[], counts: Int32Array, tokens: boolean): { value: string; count: number }[] {
  let entries: [string, number][];
  if (tokens) {
    const m = new Map<string, number>();
    dict.forEach((s, k) => {
      if (counts[k]! > 0) for (const t of splitTokens(s)) m.set(t, (m.get(t) ?? 0) + counts[k]!);
    });
    entries = [...m];
  } else {
    // Keep a running top list instead of sorting a million distinct ids.
    entries = [];
    let floor = 0;
    for (let k = 0; k < dict.length; k++) {
      const c = counts[k]!;
      if (c === 0 || (entries.length >= TOP && c <= floor)) continue;
      entries.push([dict[k]!, c]);
      if (entries.length > 4 * TOP) {
        entries.sort(byCount);
        entries.length = TOP;
        floor = entries[TOP - 1]![1];
      }
    }
  }
  entries.sort(byCount);
  return entries.slice(0, TOP).map(([value, count]) => ({ value, count }));
}

const byCount = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Flag a feature that is a copy of the target or |Pearson r| >= 0.98 with it. */
function leakage(p: ColumnProfile, col: Column, target: Column, y: Float64Array, n: number): void {
  if (isCopy(col, target, n)) {
    p.flags.push('leak');
    p.warnings.push(`Leakage suspect: a copy of the target "${target.name}". Leave it out of the features.`);
    return;
  }
  if (p.type === 'constant' || p.type === 'id' || p.type === 'text') return;
  let r: number;
  if (col.kind === 'number') r = pearson(col.values, y, n);
  else if (p.type === 'boolean') r = pearsonCodes(col.codes, Float64Array.from(col.dict, parseBoolean), y, n);
  else return;
  if (Math.abs(r) >= 0.98) {
    p.flags.push('leak');
    p.warnings.push(`Leakage suspect: almost perfectly correlated with the target (r = ${r.toFixed(3)}).`);
  }
}

/**
 * Same value as the target in at least 99% of the rows where both are present. Stops as soon as the
 * mismatches already exceed 1% of every row that could still count (most columns: within a few
 * thousand rows), so the text comparison below is not paid a million times per column.
 */
function isCopy(col: Column, target: Column, n: number): boolean {
  let same = 0;
  let both = 0;
  if (col.kind === 'number' && target.kind === 'number') {
    const x = col.values;
    const y = target.values;
    for (let r = 0; r < n; r++) {
      const a = x[r]!;
      const b = y[r]!;
      if (a !== a || b !== b) continue;
      both++;
      if (a === b) same++;
      else if (both - same > 0.01 * (both + n - r - 1)) return false;
    }
  } else {
    // Compare text through per-dictionary lookups, not a string per row.
    const ta = textOf(col);
    const tb = textOf(target);
    for (let r = 0; r < n; r++) {
      const a = ta(r);
      const b = tb(r);
      if (a === '' || b === '') continue;
      both++;
      if (a === b) same++;
      else if (both - same > 0.01 * (both + n - r - 1)) return false;
    }
  }
  return both > 0 && same >= 0.99 * both;
}

function textOf(col: Column): (r: number) => string {
  if (col.kind === 'number') return (r) => cellString(col, r);
  return (r) => {
    const k = col.codes[r]!;
    return k < 0 ? '' : col.dict[k]!;
  };
}

/** pearson() of a text column read as lut[code] per row (-1: missing) against y. */
function pearsonCodes(codes: Int32Array, lut: Float64Array, y: ArrayLike<number>, n: number): number {
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0,
    m = 0;
  for (let i = 0; i < n; i++) {
    const k = codes[i]!;
    const a = k < 0 ? NaN : lut[k]!;
    const b = y[i]!;
    if (a !== a || b !== b) continue;
    m++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  return correlation(m, sx, sy, sxx, syy, sxy);
}

/** Pearson's r from the sums over m pairs; NaN when undefined. */
function correlation(m: number, sx: number, sy: number, sxx: number, syy: number, sxy: number): number {
  if (m < 3) return NaN;
  const cov = sxy - (sx * sy) / m;
  const vx = sxx - (sx * sx) / m;
  const vy = syy - (sy * sy) / m;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN;
}

/** Pearson correlation over rows where both are present; NaN when undefined. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0,
    m = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a !== a || b !== b) continue;
    m++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  return correlation(m, sx, sy, sxx, syy, sxy);
}
