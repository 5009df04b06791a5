/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as scipy.stats.ks_2samp(reference, current) with its default
 * method='auto' (scipy/stats/_stats_py.py, SciPy 1.10): exact when both samples have at most 10,000 values,
 * otherwise the asymptotic kstwo.sf(D, round(n1 n2 / (n1 + n2))). Ties are handled as SciPy does: the ECDFs
 * are compared at every observed value with right-continuous steps (searchsorted side='right'), and the exact
 * p-value is the continuous-case one for that D (no tie correction).
 */

import { kolmogorovSf } from './kolmogorov';

/** SciPy's MAX_AUTO_N: 'auto' is exact when max(n1, n2) <= this. */
export const KS_MAX_EXACT_N = 10_000;

/** Result of {@link ksTwoSample}. */
export interface KsResult {
  /** D = sup |F_ref - F_cur|, in [0, 1]; in exact mode rounded to a multiple of 1/lcm(n1, n2) as SciPy does. */
  statistic: number;
  /** Two-sided p-value in [0, 1]. */
  pValue: number;
  /** Which p-value was computed ('exact' falls back to 'asymp' if the exact sum fails, as in SciPy). */
  method: 'exact' | 'asymp';
  /** The observed value (in the data's units) where the ECDF gap is largest. */
  location: number;
  /** +1 when F_ref - F_cur is largest there, -1 when F_cur - F_ref is. */
  sign: 1 | -1;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Number of entries of the sorted array <= v (np.searchsorted side='right'). */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** np.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** P(D_{n,n} >= h/n) for equal sizes (SciPy's _compute_prob_outside_square, a Horner form of the reflection sum). */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/**
 * P(D_{m,n} >= h / lcm(m, n)) for unequal sizes (SciPy's _compute_outer_prob_inside_method: Hodges' lattice
 * paths with Viehmann's recursion for 1 - p, one sliding column).
 */
export function probOutsideLattice(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}

/**
 * Two-sided two-sample KS test of `reference` against `current` (finite numbers, any order, both non-empty).
 * Cost O((n1 + n2) log(n1 + n2)) for D; the exact p-value costs O(n) (equal sizes) to O(max(n) · D · min(n)).
 */
export function ksTwoSample(reference: ArrayLike<number>, current: ArrayLike<number>): KsResult {
  const x = Float64Array.from(reference).sort();
  const y = Float64Array.from(current).sort();
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ksTwoSample: both samples need at least one value');
  let minDiff = Infinity;
  let maxDiff = -Infinity;
  let locMin = NaN;
  let locMax = NaN;
  // data_all = concat(sorted ref, sorted cur); argmin/argmax keep the first occurrence, as NumPy does.
  for (const sample of [x, y]) {
    for (const v of sample) {
      const diff = upperBound(x, v) / n1 - upperBound(y, v) / n2;
      if (diff < minDiff) [minDiff, locMin] = [diff, v];
      if (diff > maxDiff) [maxDiff, locMax] = [diff, v];
    }
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  let d = minS > maxDiff ? minS : maxDiff;
  const location = minS > maxDiff ? locMin : locMax;
  const sign: 1 | -1 = minS > maxDiff ? -1 : 1;
  let method: 'exact' | 'asymp' = Math.max(n1, n2) <= KS_MAX_EXACT_N ? 'exact' : 'asymp';
  let prob = NaN;
  if (method === 'exact') {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) prob = 1;
    else prob = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideLattice(n1, n2, g, h);
    if (!(prob >= 0 && prob <= 1)) method = 'asymp';
  }
  if (method === 'asymp') {
    const en = (Math.max(n1, n2) * Math.min(n1, n2)) / (n1 + n2);
    prob = kolmogorovSf(roundHalfEven(en), d);
  }
  return { statistic: d, pValue: Math.min(1, Math.max(0, prob)), method, location, sign };
}
