/**
 * Flatten frame features into one named row of statistics (mean, std, p10, median, p90).
 */

/** The statistics computed for every frame-feature series, in column order. */
export const SUMMARY_STATS = ['mean', 'std', 'p10', 'p50', 'p90'] as const;

/**
 * k-th smallest value of `a` (0-based), partially reordering `a` in place (Hoare quickselect
 * with a median-of-three pivot): O(n) instead of a full sort per statistic. NaN-free input.
 */
export function orderStat(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
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

/** A flat named row: names[i] labels values[i]. */
export interface SummaryRow {
  names: string[];
  values: Float64Array;
}

/** Builder that appends series statistics and scalar features to a row. */
export class SummaryBuilder {
  private readonly names: string[] = [];
  private readonly values: number[] = [];
  private scratch = new Float64Array(0);

  /** Append mean, std (population), p10, p50, p90 of `x[offset .. offset + n)` as `${name}_${stat}`. */
  series(name: string, x: ArrayLike<number>, offset = 0, n = x.length - offset): void {
    if (this.scratch.length < n) this.scratch = new Float64Array(n);
    const s = this.scratch.subarray(0, n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      s[i] = x[offset + i]!;
      sum += s[i]!;
    }
    const mean = n > 0 ? sum / n : NaN;
    let v = 0;
    for (let i = 0; i < n; i++) v += (s[i]! - mean) * (s[i]! - mean);
    const q = (p: number): number => {
      if (n === 0) return NaN;
      // numpy's default linear interpolation between order statistics.
      const pos = p * (n - 1);
      const lo = Math.floor(pos);
      const a = orderStat(s, lo);
      if (pos === lo || lo + 1 >= n) return a;
      // After selection everything right of lo is ≥ s[lo]: the next order statistic is their minimum.
      let b = Infinity;
      for (let i = lo + 1; i < n; i++) if (s[i]! < b) b = s[i]!;
      return a + (b - a) * (pos - lo);
    };
    const stats = [mean, n > 0 ? Math.sqrt(v / n) : NaN, q(0.1), q(0.5), q(0.9)];
    for (let i = 0; i < SUMMARY_STATS.length; i++) {
      this.names.push(`${name}_${SUMMARY_STATS[i]}`);
      this.values.push(stats[i]!);
    }
  }

  /** Append every row of a row-major [rows, frames] matrix as a series named by `rowName(r)`. */
  matrix(rowName: (r: number) => string, data: ArrayLike<number>, rows: number, frames: number): void {
    for (let r = 0; r < rows; r++) this.series(rowName(r), data, r * frames, frames);
  }

  /** Append one scalar column (NaN = missing). */
  scalar(name: string, value: number): void {
    this.names.push(name);
    this.values.push(value);
  }

  /** The finished row. */
  build(): SummaryRow {
    return { names: [...this.names], values: Float64Array.from(this.values) };
  }
}
