/**
 * Binary classification metrics from true labels (1 = positive, 0 = negative; any value >= 0.5
 * counts as positive) and predicted probabilities of the positive class.
 */
import { averageRanks, finitePairs } from './regression';

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

/** ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted as one half. */
export function rocAuc(yTrue: ArrayLike<number>, prob: ArrayLike<number>): number {
  const y = labels(yTrue);
  const ranks = averageRanks(prob);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]) {
      nPos++;
      rankSum += ranks[i]!;
    }
  }
  const nNeg = y.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Operating points at every distinct probability, highest first: cumulative true and false
 * positives when predicting positive at or above that probability. Shape: [k] each.
 */
export function thresholdSweep(yTrue: ArrayLike<number>, prob: ArrayLike<number>) {
  const y = labels(yTrue);
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => prob[b]! - prob[a]!);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (y[i]) tp++;
    else fp++;
    const next = idx[k + 1];
    if (next === undefined || prob[next]! !== prob[i]!) {
      thresholds.push(prob[i]!);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps, positives: tp, negatives: fp };
}

/** Average precision: sum over thresholds of (recall step) x precision; NaN without positives. */
export function averagePrecision(yTrue: ArrayLike<number>, prob: ArrayLike<number>): number {
  const s = thresholdSweep(yTrue, prob);
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
    rocAuc: rocAuc(y, p),
    prAuc: averagePrecision(y, p),
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
