/**
 * Flatten frame features into one named row of statistics (mean, std, p10, median, p90).
 */

/** The statistics computed for every frame-feature series, in column order. */
export const SUMMARY_STATS = ['mean', 'std', 'p10', 'p50', 'p90'] as const;

/**
 * k-th smallest value of `a` (0-based, k in [from, to)), partially reordering a[from, to) in place
 * (Hoare quickselect, median-of-three pivot): afterwards a[from, k) ≤ a[k] ≤ a(k, to). O(n)
 * instead of a full sort per statistic. NaN-free input.
 */
export function orderStat(a: Float64Array, k: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Minimum of a[from, to) (Infinity when empty). */
function minOf(a: Float64Array, from: number, to: number): number {
  let m = Infinity;
  for (let i = from; i < to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * p10, p50, p90 of `a` (into out[2], out[3], out[4]) with numpy's linear interpolation, reordering `a` in place. The median is
 * selected first (a[0, m) ≤ a[m] ≤ a(m, n)); p90 is then selected inside the right part and p10
 * inside the left part, each untouched by the other: about 2n work for all three.
 */
function percentilesInto(a: Float64Array, out: Float64Array): void {
  const n = a.length;
  const m = Math.floor(0.5 * (n - 1));
  const aMid = orderStat(a, m, 0, n);
  const rightMin = minOf(a, m + 1, n); // order statistic m + 1
  out[3] = percentileAround(a, 0.5, m, aMid, rightMin);
  out[4] = percentileAround(a, 0.9, m, aMid, rightMin);
  out[2] = percentileAround(a, 0.1, m, aMid, rightMin);
}

/**
 * Percentile p of `a` (numpy linear interpolation) once the median a[m] = aMid is in place and
 * rightMin = order statistic m + 1. A top-level function, not a closure: a closure made per call
 * gives V8 a new call target every time ("wrong call target" deopts while warming up).
 */
function percentileAround(a: Float64Array, p: number, m: number, aMid: number, rightMin: number): number {
  const n = a.length;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const frac = pos - lo;
  let v: number;
  let next: number;
  if (lo === m) {
    v = aMid;
    next = rightMin;
  } else if (lo > m) {
    v = orderStat(a, lo, m + 1, n);
    next = minOf(a, lo + 1, n);
  } else {
    v = orderStat(a, lo, 0, m);
    next = lo + 1 < m ? minOf(a, lo + 1, m) : aMid;
  }
  return frac > 0 && lo + 1 < n ? v + (next - v) * frac : v;
}

/** Work arrays of {@link seriesStats}, shared (grown only for longer series): nothing allocated per series. */
let scratch = new Float64Array(4096);
const stats = new Float64Array(SUMMARY_STATS.length);

/**
 * Mean, std (population), p10, p50, p90 of x[offset .. offset + n), in the order of
 * SUMMARY_STATS (NaN when n = 0). Returns a shared array, overwritten by the next call.
 */
function seriesStats(x: ArrayLike<number>, offset: number, n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  const s = scratch.subarray(0, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[offset + i]!;
    s[i] = v;
    sum += v;
  }
  const mean = n > 0 ? sum / n : NaN;
  let v = 0;
  for (let i = 0; i < n; i++) v += (s[i]! - mean) * (s[i]! - mean);
  stats[0] = mean;
  stats[1] = n > 0 ? Math.sqrt(v / n) : NaN;
  if (n > 0) percentilesInto(s, stats);
  else stats.fill(NaN, 2);
  return stats;
}

/** A flat named row: names[i] labels values[i]. */
export interface SummaryRow {
  names: string[];
  values: Float64Array;
}

/** Builder that appends series statistics and scalar features to a row. */
export class SummaryBuilder {
  private readonly names: string[] = [];
  /** Values so far: values[0 .. count). A typed array, so pushing NaN or doubles never changes its kind. */
  private values = new Float64Array(1024);
  private count = 0;

  private push(name: string, value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(2 * this.count);
      grown.set(this.values);
      this.values = grown;
    }
    this.names.push(name);
    this.values[this.count++] = value;
  }

  /** Append mean, std (population), p10, p50, p90 of `x[offset .. offset + n)` as `${name}_${stat}`. */
  series(name: string, x: ArrayLike<number>, offset = 0, n = x.length - offset): void {
    const st = seriesStats(x, offset, n);
    for (let i = 0; i < SUMMARY_STATS.length; i++) this.push(`${name}_${SUMMARY_STATS[i]}`, st[i]!);
  }

  /** Append every row of a row-major [rows, frames] matrix as a series named by `rowName(r)`. */
  matrix(rowName: (r: number) => string, data: ArrayLike<number>, rows: number, frames: number): void {
    for (let r = 0; r < rows; r++) this.series(rowName(r), data, r * frames, frames);
  }

  /** Append one scalar column (NaN = missing). */
  scalar(name: string, value: number): void {
    this.push(name, value);
  }

  /** The finished row. */
  build(): SummaryRow {
    return { names: [...this.names], values: this.values.slice(0, this.count) };
  }
}
