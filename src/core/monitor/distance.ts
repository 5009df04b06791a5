/**
 * Distance-based drift scores, as Evidently's legacy stat tests compute them (Evidently 0.4.x,
 * evidently/calculations/stattests/wasserstein_distance_norm.py, jensenshannon.py, psi.py), with SciPy's
 * definitions (scipy.stats.wasserstein_distance, scipy.spatial.distance.jensenshannon).
 */

import { type BinnedShares, binnedShares } from './binning';
import type { ColumnKind } from './types';
import { type CategoryKey, accurateSum } from './values';

/** Evidently's floor on the reference standard deviation used to normalise the Wasserstein distance. */
export const WASSERSTEIN_MIN_STD = 0.001;

/** Population standard deviation (np.std, ddof = 0), in the data's units. */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  const mean = accurateSum(values) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = (values[i]! - mean) ** 2;
  return Math.sqrt(accurateSum(sq) / n);
}

/**
 * First Wasserstein (earth mover's) distance between two samples, in the data's units:
 * the integral of |F_u - F_v| over the merged sorted values (scipy.stats.wasserstein_distance, unweighted).
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = Float64Array.from(u).sort();
  const b = Float64Array.from(v).sort();
  if (a.length === 0 || b.length === 0) throw new RangeError('wassersteinDistance: an empty sample');
  const all = new Float64Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  all.sort();
  const terms = new Float64Array(all.length - 1);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < all.length - 1; i++) {
    const x = all[i]!;
    while (ia < a.length && a[ia]! <= x) ia++;
    while (ib < b.length && b[ib]! <= x) ib++;
    terms[i] = Math.abs(ia / a.length - ib / b.length) * (all[i + 1]! - x);
  }
  return accurateSum(terms);
}

/**
 * Evidently's normed Wasserstein: wasserstein_distance(ref, cur) / max(np.std(ref), 0.001). Unitless
 * (reference standard deviations); Evidently's default drift threshold on it is 0.1.
 */
export function wassersteinNormed(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  return wassersteinDistance(reference, current) / Math.max(populationStd(reference), WASSERSTEIN_MIN_STD);
}

/** scipy.special.rel_entr(x, y): x log(x / y), 0 when x = 0, +Infinity when y = 0 < x. */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * Jensen-Shannon distance with base-2 logs, in [0, 1] (scipy.spatial.distance.jensenshannon(p, q, 2)): both
 * vectors are normalised to sum 1, then sqrt((KL(p‖m) + KL(q‖m)) / 2 / ln 2) with m = (p + q) / 2.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const sp = accurateSum(p);
  const sq = accurateSum(q);
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    const qi = q[i]! / sq;
    const m = (pi + qi) / 2;
    left.push(relEntr(pi, m));
    right.push(relEntr(qi, m));
  }
  const js = (accurateSum(left) + accurateSum(right)) / Math.LN2;
  return Math.sqrt(js / 2);
}

/** PSI = sum over bins of (r - c) ln(r / c) on already filled shares (no empty bins). Unitless, >= 0. */
export function psiFromShares(shares: BinnedShares): number {
  let value = 0;
  for (let i = 0; i < shares.reference.length; i++) {
    const r = shares.reference[i]!;
    const c = shares.current[i]!;
    value += (r - c) * Math.log(r / c);
  }
  return value;
}

/** Jensen-Shannon distance of two columns on Evidently's bins (no empty-bin fill, as Evidently). */
export function jensenShannonColumns(
  reference: readonly CategoryKey[],
  current: readonly CategoryKey[],
  kind: ColumnKind,
): number {
  const shares = binnedShares(reference, current, kind, false);
  return jensenShannonDistance(shares.reference, shares.current);
}

/** Population stability index of two columns on Evidently's bins with its empty-bin fill. */
export function psiColumns(
  reference: readonly CategoryKey[],
  current: readonly CategoryKey[],
  kind: ColumnKind,
): number {
  return psiFromShares(binnedShares(reference, current, kind, true));
}

/** The usual PSI bands: below 0.1 stable, 0.1 to 0.25 a moderate shift, 0.25 and above a significant shift. */
export type PsiBand = 'stable' | 'moderate' | 'significant';

/** PSI band of a value (0.1 and 0.25 belong to the higher band). */
export function psiBand(psi: number): PsiBand {
  if (psi >= 0.25) return 'significant';
  if (psi >= 0.1) return 'moderate';
  return 'stable';
}
