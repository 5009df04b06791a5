/**
 * Feature binning as scikit-learn's _BinMapper (1.2) does it: per feature, up to maxBins bins for
 * the present values, with edges at the midpoints between distinct values when there are at most
 * maxBins of them, else at numpy's 'midpoint' percentiles; missing values (NaN) get bin maxBins.
 */
import { mulberry32, permutation } from '../random';

/** Rows used to find the edges, as scikit-learn's _BinMapper(subsample=2e5). */
const BIN_SUBSAMPLE = 200_000;
/** Edges are clipped below +inf; +inf thresholds only mean "split on missing" (common.pxd ALMOST_INF). */
const ALMOST_INF = 1e300;

/**
 * Bin edges of one feature from its values (NaN ignored). A value v falls in bin b when
 * edges[b-1] < v <= edges[b]. Returns at most maxBins - 1 increasing edges.
 */
export function featureThresholds(values: ArrayLike<number>, maxBins: number): number[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) present.push(values[i]!);
  const sorted = Float64Array.from(present).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  let edges: number[];
  if (distinct.length <= maxBins) {
    edges = [];
    for (let i = 0; i + 1 < distinct.length; i++) edges.push((distinct[i]! + distinct[i + 1]!) * 0.5);
  } else {
    edges = midpointPercentiles(sorted, maxBins);
  }
  return edges.map((e) => Math.min(e, ALMOST_INF));
}

/**
 * numpy.percentile(sorted, linspace(0, 100, maxBins + 1)[1:-1], method='midpoint'), with numpy's
 * own arithmetic (linspace's i * step, the virtual index, and _lerp's b - (b - a) * 0.5), so edges
 * match scikit-learn bit for bit.
 */
function midpointPercentiles(sorted: Float64Array, maxBins: number): number[] {
  const n = sorted.length;
  const step = 100 / maxBins;
  const out: number[] = [];
  for (let i = 1; i < maxBins; i++) {
    const q = (i * step) / 100;
    const raw = (n - 1) * q;
    const virtual = 0.5 * (Math.floor(raw) + Math.ceil(raw));
    const lo = Math.min(n - 1, Math.max(0, Math.floor(virtual)));
    const hi = Math.min(n - 1, lo + 1);
    const a = sorted[lo]!;
    const b = sorted[hi]!;
    const gamma = virtual % 1 === 0 ? 0 : virtual - lo;
    out.push(gamma >= 0.5 ? b - (b - a) * (1 - gamma) : a + (b - a) * gamma);
  }
  return out;
}

/**
 * Edges for every feature of X [n, d] (row major), found on all rows, or on a seeded sample of
 * 200,000 when there are more. Returns d arrays of increasing edges.
 */
export function fitBinThresholds(
  X: Float32Array,
  n: number,
  d: number,
  maxBins: number,
  seed: number,
): number[][] {
  let rows: ArrayLike<number> | null = null;
  if (n > BIN_SUBSAMPLE) rows = permutation(n, mulberry32(seed)).subarray(0, BIN_SUBSAMPLE);
  const m = rows ? rows.length : n;
  const col = new Float64Array(m);
  const out: number[][] = [];
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < m; i++) col[i] = X[(rows ? rows[i]! : i) * d + j]!;
    out.push(featureThresholds(col, maxBins));
  }
  return out;
}

/** Bin of value v among increasing edges (binary search: the number of edges below v). */
export function binOf(v: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + ((hi - lo - 1) >> 1);
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Binned X, column major: out[j * n + i] is row i's bin for feature j; NaN -> missingBin.
 * Column major because histograms are built one feature at a time. Shape: Uint8Array [d * n].
 */
export function binMatrix(
  X: Float32Array,
  n: number,
  d: number,
  thresholds: readonly (readonly number[])[],
  missingBin: number,
): Uint8Array {
  const out = new Uint8Array(d * n);
  for (let j = 0; j < d; j++) {
    const edges = thresholds[j]!;
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const v = X[i * d + j]!;
      out[base + i] = Number.isNaN(v) ? missingBin : binOf(v, edges);
    }
  }
  return out;
}
