/**
 * Chart-ready data for the results panel and the model card: plain arrays of small objects,
 * downsampled so a chart never holds more than a few thousand points. Errors are signed as
 * predicted - actual (positive = over-prediction) everywhere in Encore.
 */
import { mulberry32, permutation } from '../random';
import { thresholdSweep } from './classification';
import { finitePairs } from './regression';

export interface HistogramBin {
  /** Bin edges (x0 inclusive, x1 exclusive except for the last bin) and its count. */
  x0: number;
  x1: number;
  count: number;
}

/** Equal-width histogram of values (NaN skipped). Shape: [bins]. */
export function histogram(values: ArrayLike<number>, bins = 30): HistogramBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [];
  if (hi === lo) return [{ x0: lo, x1: hi, count: values.length }];
  const k = Math.max(1, Math.floor(bins));
  const w = (hi - lo) / k;
  const out = Array.from({ length: k }, (_, b) => ({
    x0: lo + b * w,
    x1: b === k - 1 ? hi : lo + (b + 1) * w,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[Math.min(k - 1, Math.floor((v - lo) / w))]!.count++;
  }
  return out;
}

/** Histogram of the errors predicted - actual. */
export function residualHistogram(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  bins = 30,
): HistogramBin[] {
  const [t, p] = finitePairs(yTrue, yPred);
  return histogram(
    p.map((v, i) => v - t[i]!),
    bins,
  );
}

/** Indices 0..n-1, or a seeded sample of `max` of them in ascending order. */
export function sampleIndices(n: number, max: number, seed = 0): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return permutation(n, mulberry32(seed)).slice(0, max).sort();
}

/** A seeded sample of (actual, predicted) points, at most maxPoints (default 2000). */
export function predictedVsActual(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  opts: { maxPoints?: number; seed?: number } = {},
): { actual: number; predicted: number }[] {
  const [t, p] = finitePairs(yTrue, yPred);
  return Array.from(sampleIndices(t.length, opts.maxPoints ?? 2000, opts.seed), (i) => ({
    actual: t[i]!,
    predicted: p[i]!,
  }));
}

export interface ResidualVsFeature {
  /** A seeded sample of points (feature value, error). */
  points: { x: number; residual: number }[];
  /** Mean error in equal-count bins of the feature: shows a trend the cloud hides. */
  trend: { x: number; meanResidual: number; count: number }[];
}

/** Errors against a feature's values (raw units). Shapes: [n] each; rows with a NaN are skipped. */
export function residualVsFeature(
  feature: ArrayLike<number>,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  opts: { maxPoints?: number; bins?: number; seed?: number } = {},
): ResidualVsFeature {
  const xs: number[] = [];
  const rs: number[] = [];
  for (let i = 0; i < feature.length; i++) {
    const x = feature[i]!;
    const r = yPred[i]! - yTrue[i]!;
    if (Number.isNaN(x) || Number.isNaN(r)) continue;
    xs.push(x);
    rs.push(r);
  }
  const points = Array.from(sampleIndices(xs.length, opts.maxPoints ?? 2000, opts.seed), (i) => ({
    x: xs[i]!,
    residual: rs[i]!,
  }));
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const bins = Math.max(1, Math.min(opts.bins ?? 20, order.length));
  const trend: ResidualVsFeature['trend'] = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(
      Math.floor((b * order.length) / bins),
      Math.floor(((b + 1) * order.length) / bins),
    );
    if (part.length === 0) continue;
    trend.push({
      x: part.reduce((s, i) => s + xs[i]!, 0) / part.length,
      meanResidual: part.reduce((s, i) => s + rs[i]!, 0) / part.length,
      count: part.length,
    });
  }
  return { points, trend };
}

export interface CalibrationBin {
  /** Mean predicted probability in the bin, and the observed positive rate with its 95% Wilson interval. */
  meanPredicted: number;
  observedRate: number;
  lo: number;
  hi: number;
  count: number;
}

/** Wilson score interval for k successes in n trials (95%). */
export function wilson(k: number, n: number, z = 1.96): { lo: number; hi: number } {
  if (n === 0) return { lo: NaN, hi: NaN };
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Reliability diagram: equal-width probability bins (default 10); empty bins are left out. */
export function calibrationBins(
  yTrue: ArrayLike<number>,
  prob: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const [t, p] = finitePairs(yTrue, prob);
  const k = Math.max(1, Math.floor(bins));
  const sumP = new Float64Array(k);
  const pos = new Float64Array(k);
  const cnt = new Float64Array(k);
  for (let i = 0; i < t.length; i++) {
    const b = Math.min(k - 1, Math.max(0, Math.floor(p[i]! * k)));
    sumP[b] = sumP[b]! + p[i]!;
    pos[b] = pos[b]! + (t[i]! >= 0.5 ? 1 : 0);
    cnt[b] = cnt[b]! + 1;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < k; b++) {
    const n = cnt[b]!;
    if (n === 0) continue;
    out.push({ meanPredicted: sumP[b]! / n, observedRate: pos[b]! / n, ...wilson(pos[b]!, n), count: n });
  }
  return out;
}

/** Keep at most max points of a curve, always keeping the first and last. */
function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}

/** ROC curve points from (0, 0) to (1, 1), one per distinct probability, thinned to maxPoints. */
export function rocCurve(
  yTrue: ArrayLike<number>,
  prob: ArrayLike<number>,
  maxPoints = 200,
): { fpr: number; tpr: number; threshold: number }[] {
  const [t, p] = finitePairs(yTrue, prob);
  const s = thresholdSweep(t, p);
  const pts = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  s.thresholds.forEach((th, k) =>
    pts.push({
      fpr: s.negatives ? s.fps[k]! / s.negatives : 0,
      tpr: s.positives ? s.tps[k]! / s.positives : 0,
      threshold: th,
    }),
  );
  return thin(pts, maxPoints);
}

/** Precision-recall curve points by decreasing threshold, thinned to maxPoints. */
export function prCurve(
  yTrue: ArrayLike<number>,
  prob: ArrayLike<number>,
  maxPoints = 200,
): { recall: number; precision: number; threshold: number }[] {
  const [t, p] = finitePairs(yTrue, prob);
  const s = thresholdSweep(t, p);
  const pts = s.thresholds.map((th, k) => ({
    recall: s.positives ? s.tps[k]! / s.positives : 0,
    precision: s.tps[k]! / (s.tps[k]! + s.fps[k]!),
    threshold: th,
  }));
  return thin(pts, maxPoints);
}
