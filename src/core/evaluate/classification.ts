/**
 * Binary classification metrics from true labels (1 = positive, 0 = negative; any value >= 0.5
 * counts as positive) and predicted probabilities of the positive class.
 */
import { finitePairs, lowerBound } from './regression';

export interface ClassificationMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Area under the ROC curve (Mann-Whitney U / (nPos * nNeg)); NaN when one class is absent. */
  rocAuc: number;
  /** Area under the precision-recall curve as average precision; NaN without positives. */
  prAuc: number;
  /** Mean negative log-likelihood in nats, probabilities clipped to [1e-15, 1 - 1e-15]. */
  logLoss: number;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  /** Probability at or above which a row is predicted positive. */
  threshold: number;
  n: number;
}

const EPS = 1e-15;

/** True labels as 0/1. */
function labels(y: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = y[i]! >= 0.5 ? 1 : 0;
  return out;
}

/**
 * Operating points at every distinct probability, highest first: cumulative true and false
 * positives when predicting positive at or above that probability. Shape: [k] each. Built with
 * the native typed-array sort and binary search (it runs in every bootstrap resample).
 */
export function thresholdSweep(yTrue: ArrayLike<number>, prob: ArrayLike<number>) {
  const y = labels(yTrue);
  const sorted = Float64Array.from(prob).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  const pos = new Float64Array(distinct.length);
  const neg = new Float64Array(distinct.length);
  for (let i = 0; i < y.length; i++) {
    const k = lowerBound(distinct, prob[i]!);
    if (y[i]) pos[k] = pos[k]! + 1;
    else neg[k] = neg[k]! + 1;
  }
  const m = distinct.length;
  const thresholds = new Array<number>(m);
  const tps = new Array<number>(m);
  const fps = new Array<number>(m);
  /** Positives and negatives at exactly each threshold (for tie handling). */
  const tiedPos = new Array<number>(m);
  const tiedNeg = new Array<number>(m);
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < m; j++) {
    const k = m - 1 - j;
    tp += pos[k]!;
    fp += neg[k]!;
    thresholds[j] = distinct[k]!;
    tps[j] = tp;
    fps[j] = fp;
    tiedPos[j] = pos[k]!;
    tiedNeg[j] = neg[k]!;
  }
  return { thresholds, tps, fps, tiedPos, tiedNeg, positives: tp, negatives: fp };
}

/**
 * ROC AUC as the Mann-Whitney statistic: the share of (positive, negative) pairs where the
 * positive scores higher, ties counted as one half. NaN when one class is absent.
 */
export function rocAuc(yTrue: ArrayLike<number>, prob: ArrayLike<number>): number {
  return aucFromSweep(thresholdSweep(yTrue, prob));
}

function aucFromSweep(s: ReturnType<typeof thresholdSweep>): number {
  if (s.positives === 0 || s.negatives === 0) return NaN;
  let u = 0;
  for (let j = 0; j < s.thresholds.length; j++) {
    const posAbove = s.tps[j]! - s.tiedPos[j]!;
    u += s.tiedNeg[j]! * (posAbove + s.tiedPos[j]! / 2);
  }
  return u / (s.positives * s.negatives);
}

/** Average precision: sum over thresholds of (recall step) x precision; NaN without positives. */
export function averagePrecision(yTrue: ArrayLike<number>, prob: ArrayLike<number>): number {
  return apFromSweep(thresholdSweep(yTrue, prob));
}

function apFromSweep(s: ReturnType<typeof thresholdSweep>): number {
  if (s.positives === 0) return NaN;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < s.thresholds.length; k++) {
    const recall = s.tps[k]! / s.positives;
    const precision = s.tps[k]! / (s.tps[k]! + s.fps[k]!);
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return ap;
}

/**
 * Accuracy, precision, recall, F1 (at `threshold`, default 0.5), ROC AUC, PR AUC (average
 * precision), log loss and the confusion counts. Shapes: [n] labels and [n] probabilities.
 * Precision, recall or F1 with an empty denominator are 0. Pairs with a NaN are skipped.
 */
export function classificationMetrics(
  yTrue: ArrayLike<number>,
  prob: ArrayLike<number>,
  threshold = 0.5,
): ClassificationMetrics {
  const [t, p] = finitePairs(yTrue, prob);
  const y = labels(t);
  const n = y.length;
  const sweep = thresholdSweep(y, p);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let ll = 0;
  for (let i = 0; i < n; i++) {
    const pred = p[i]! >= threshold;
    if (y[i]) {
      if (pred) tp++;
      else fn++;
    } else if (pred) fp++;
    else tn++;
    const q = Math.min(1 - EPS, Math.max(EPS, p[i]!));
    ll -= y[i] ? Math.log(q) : Math.log(1 - q);
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    accuracy: n ? (tp + tn) / n : NaN,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    rocAuc: aucFromSweep(sweep),
    prAuc: apFromSweep(sweep),
    logLoss: n ? ll / n : NaN,
    confusion: { tp, fp, tn, fn },
    threshold,
    n,
  };
}

/**
 * The probability threshold that maximises F1 on validation data. Returned halfway between the
 * best cut's probability and the next lower distinct probability, so that new probabilities
 * between the two fall on the same side as the validation rows did. 0.5 without positives.
 */
export function chooseThreshold(yTrue: ArrayLike<number>, prob: ArrayLike<number>): number {
  const [t, p] = finitePairs(yTrue, prob);
  const s = thresholdSweep(t, p);
  if (s.positives === 0 || s.thresholds.length === 0) return 0.5;
  let best = 0;
  let bestF1 = -1;
  for (let k = 0; k < s.thresholds.length; k++) {
    const tp = s.tps[k]!;
    const f1 = (2 * tp) / (tp + s.fps[k]! + s.positives);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = k;
    }
  }
  const at = s.thresholds[best]!;
  const below = s.thresholds[best + 1];
  return below === undefined ? at : (at + below) / 2;
}
