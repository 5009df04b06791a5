/**
 * Evidently's binning for the distance tests (get_binned_data in
 * evidently/calculations/stattests/utils.py, Evidently 0.4.x):
 *
 * - a numerical column whose reference has more than 20 distinct values is cut into NumPy 'sturges' bins
 *   computed on reference and current together (np.histogram_bin_edges), and each side's counts are divided
 *   by its own size;
 * - anything else (categories, numbers with few values) gets one bin per value seen on either side.
 *
 * With `fillZeroes` (PSI; Jensen-Shannon passes false) each empty bin gets a small share instead of 0, per side:
 * min(non-zero share) / 10^6 when that minimum is <= 0.0001, else 0.0001. The shares are not renormalised.
 */

import type { ColumnKind } from './types';
import { type CategoryKey, countValues, distinctCount, unionKeys } from './values';

/** Evidently's cut-over: above this many distinct reference values a numerical column is histogrammed. */
export const MAX_VALUES_AS_CATEGORIES = 20;

/** Binned shares of reference and current, same length, each in [0, 1]. */
export interface BinnedShares {
  /** Share of the reference sample per bin. */
  reference: Float64Array;
  /** Share of the current sample per bin. */
  current: Float64Array;
  /** Bin edges (data units, length bins + 1) when histogrammed. */
  edges?: Float64Array;
  /** The value of each bin (sorted) when binned per category. */
  keys?: CategoryKey[];
}

/**
 * np.histogram_bin_edges(data, bins='sturges'): width = ptp / (log2(n) + 1), ceil(range / width) equal bins
 * from min to max (±0.5 around a constant), edges as np.linspace builds them (start + i·step, last = max).
 */
export function sturgesEdges(data: ArrayLike<number>): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(data.length > 0)) throw new RangeError('sturgesEdges: no data');
  const width = (hi - lo) / (Math.log2(data.length) + 1);
  const first = lo === hi ? lo - 0.5 : lo;
  const last = lo === hi ? hi + 0.5 : hi;
  const bins = width ? Math.ceil((last - first) / width) : 1;
  const step = (last - first) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  return edges;
}

function bound(sorted: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (inclusive && sorted[mid]! === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** np.histogram(values, edges)[0]: bins [e_i, e_i+1), the last one closed; values outside are not counted. */
export function histogramCounts(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let prev = bound(sorted, edges[0]!, false);
  for (let i = 1; i <= bins; i++) {
    const next = bound(sorted, edges[i]!, i === bins);
    counts[i - 1] = next - prev;
    prev = next;
  }
  return counts;
}

/** Evidently's empty-bin share for one side: min non-zero / 1e6 if that is <= 1e-4, else 1e-4. In place. */
export function fillEmptyBins(shares: Float64Array): Float64Array {
  let min = Infinity;
  for (const s of shares) if (s !== 0 && s < min) min = s;
  const fill = min <= 0.0001 ? min / 10 ** 6 : 0.0001;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = fill;
  return shares;
}

/**
 * Reference and current shares per bin, as Evidently's get_binned_data (see the file comment). Both samples are
 * cleaned values; numbers are required on the histogram path.
 */
export function binnedShares(
  reference: readonly CategoryKey[],
  current: readonly CategoryKey[],
  kind: ColumnKind,
  fillZeroes: boolean,
): BinnedShares {
  if (reference.length === 0 || current.length === 0) throw new RangeError('binnedShares: an empty sample');
  let out: BinnedShares;
  const allNumbers =
    reference.every((v) => typeof v === 'number') && current.every((v) => typeof v === 'number');
  if (kind === 'numerical' && allNumbers && distinctCount(reference) > MAX_VALUES_AS_CATEGORIES) {
    const ref = reference as readonly number[];
    const cur = current as readonly number[];
    const edges = sturgesEdges([...ref, ...cur]);
    const r = histogramCounts(ref, edges).map((c) => c / ref.length);
    const c = histogramCounts(cur, edges).map((c) => c / cur.length);
    out = { reference: r, current: c, edges };
  } else {
    const rc = countValues(reference);
    const cc = countValues(current);
    const keys = unionKeys(rc, cc);
    const r = Float64Array.from(keys, (k) => (rc.get(k) ?? 0) / reference.length);
    const c = Float64Array.from(keys, (k) => (cc.get(k) ?? 0) / current.length);
    out = { reference: r, current: c, keys };
  }
  if (fillZeroes) {
    fillEmptyBins(out.reference);
    fillEmptyBins(out.current);
  }
  return out;
}
