/**
 * Permutation importance: how much worse the model scores on the test set when one source
 * column's values are shuffled across rows, breaking its link to the target. All encoded columns
 * of one source column (every one-hot column of "genre") are shuffled together, with the same row
 * order, so the encoded rows stay valid.
 */
import { mulberry32, permutation } from '../random';
import { classificationMetrics } from './classification';
import { regressionMetrics } from './regression';

/** A predictor over row-major X [m, nFeatures], returning [m] values or probabilities. */
export type PredictFn = (X: Float32Array) => Promise<Float32Array> | Float32Array;

/** A named score; importance is the loss of score, so its direction matters. */
export interface MetricSpec {
  name: string;
  fn: (yTrue: Float64Array, yPred: Float64Array) => number;
  higherIsBetter: boolean;
}

export type MetricName =
  'mse' | 'rmse' | 'mae' | 'r2' | 'spearman' | 'accuracy' | 'f1' | 'rocAuc' | 'prAuc' | 'logLoss';

const LOWER_IS_BETTER = new Set<MetricName>(['mse', 'rmse', 'mae', 'logLoss']);
const REGRESSION = new Set<MetricName>(['mse', 'rmse', 'mae', 'r2', 'spearman']);

/** The MetricSpec for a built-in metric name (classification metrics at a 0.5 threshold). */
export function metricSpec(metric: MetricName | MetricSpec): MetricSpec {
  if (typeof metric !== 'string') return metric;
  const reg = REGRESSION.has(metric);
  return {
    name: metric,
    higherIsBetter: !LOWER_IS_BETTER.has(metric),
    fn: (t, p) =>
      reg
        ? regressionMetrics(t, p)[metric as 'mse']
        : classificationMetrics(t, p)[
            metric as Exclude<MetricName, 'mse' | 'rmse' | 'mae' | 'r2' | 'spearman'>
          ],
  };
}

export interface FeatureGroup {
  /** The source column's name, e.g. "genre". */
  name: string;
  /** Its encoded column indices in X, e.g. every "genre=..." one-hot column. */
  columns: number[];
}

export interface ImportanceEntry {
  name: string;
  /** Mean loss of score over repeats (positive = the model relies on it; near 0 = unused). */
  importance: number;
  /** 95% t-interval of the mean over repeats (equal to importance with one repeat). */
  lo: number;
  hi: number;
  /** The loss of score in each repeat. */
  repeats: number[];
}

export interface ImportanceResult {
  metric: string;
  higherIsBetter: boolean;
  /** The score without any shuffling. */
  baseline: number;
  /** Sorted by importance, largest first. */
  features: ImportanceEntry[];
}

/** Two-sided 97.5% Student t quantiles for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Mean with a 95% Student t-interval. */
export function meanInterval(values: number[]): { mean: number; lo: number; hi: number } {
  const r = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / r;
  if (r < 2) return { mean, lo: mean, hi: mean };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (r - 1));
  const half = (T975[r - 2] ?? 1.96) * (sd / Math.sqrt(r));
  return { mean, lo: mean - half, hi: mean + half };
}

export interface ImportanceOptions {
  /** Shuffles per feature group (default 5). */
  repeats?: number;
  seed?: number;
  /** Called after each prediction with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Stops between predictions with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Permutation importance of each feature group. X: row-major [n, nFeatures] test features,
 * y: [n] test targets. Calls predict 1 + groups * repeats times, each on a fresh copy of X.
 * Deterministic for a seed (given a deterministic predict).
 */
export async function permutationImportance(
  predict: PredictFn,
  X: Float32Array,
  nFeatures: number,
  y: ArrayLike<number>,
  groups: FeatureGroup[],
  metric: MetricName | MetricSpec,
  opts: ImportanceOptions = {},
): Promise<ImportanceResult> {
  const d = nFeatures;
  const n = y.length;
  if (X.length !== n * d)
    throw new Error(`X holds ${X.length} numbers, which is not ${n} rows x ${d} features.`);
  for (const g of groups) {
    for (const c of g.columns) {
      if (!(c >= 0 && c < d))
        throw new Error(`Feature "${g.name}" points at column ${c}, outside 0..${d - 1}.`);
    }
  }
  const spec = metricSpec(metric);
  const repeats = Math.max(1, Math.floor(opts.repeats ?? 5));
  const total = 1 + groups.length * repeats;
  const yt = Float64Array.from(y);
  let done = 0;
  const score = async (Xs: Float32Array) => {
    if (opts.signal?.aborted) throw new DOMException('Permutation importance was cancelled.', 'AbortError');
    const p = await predict(Xs);
    if (p.length !== n) throw new Error(`The model returned ${p.length} predictions for ${n} rows.`);
    opts.onProgress?.(++done, total);
    return spec.fn(yt, Float64Array.from(p));
  };
  const baseline = await score(X.slice());
  const rng = mulberry32(opts.seed ?? 0);
  const features: ImportanceEntry[] = [];
  for (const g of groups) {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const perm = permutation(n, rng);
      const Xs = X.slice();
      for (let i = 0; i < n; i++) {
        const src = perm[i]! * d;
        for (const c of g.columns) Xs[i * d + c] = X[src + c]!;
      }
      const s = await score(Xs);
      drops.push(spec.higherIsBetter ? baseline - s : s - baseline);
    }
    const ci = meanInterval(drops);
    features.push({ name: g.name, importance: ci.mean, lo: ci.lo, hi: ci.hi, repeats: drops });
  }
  features.sort((a, b) => b.importance - a.importance);
  return { metric: spec.name, higherIsBetter: spec.higherIsBetter, baseline, features };
}

/**
 * Feature groups from the source column of each encoded column (a fitted pipeline's
 * `sourceColumn`): every encoded column of "genre" forms one group, in first-seen order.
 */
export function featureGroups(sourceColumn: string[]): FeatureGroup[] {
  const bySource = new Map<string, number[]>();
  sourceColumn.forEach((source, i) => {
    const list = bySource.get(source);
    if (list) list.push(i);
    else bySource.set(source, [i]);
  });
  return [...bySource].map(([name, columns]) => ({ name, columns }));
}
