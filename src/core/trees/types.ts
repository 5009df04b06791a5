/**
 * Shapes of Encore's histogram gradient-boosted trees: the hyperparameters (scikit-learn's
 * HistGradientBoosting defaults) and the fitted model, which is plain JSON (bin thresholds and
 * trees as parallel number arrays) so an exported bundle can carry it.
 */
import type { Task } from '../data/task';

/** Hyperparameters; every field has scikit-learn 1.2's HistGradientBoosting default. */
export interface GbtParams {
  /** Boosting iterations (trees), default 100. */
  maxIter: number;
  /** Shrinkage applied to every leaf value, default 0.1. */
  learningRate: number;
  /** Leaves per tree (trees grow best-first until they have this many), default 31. */
  maxLeafNodes: number;
  /** Fewest training rows in a leaf, default 20. */
  minSamplesLeaf: number;
  /** L2 penalty on leaf values, default 0. */
  l2Regularization: number;
  /** Bins for non-missing values per feature (at most 255; missing values get a bin of their own). */
  maxBins: number;
  /**
   * 'auto' (default): on when the caller passes validation rows, else (as scikit-learn) when the
   * training rows number more than 10,000. true / false force it.
   */
  earlyStopping: 'auto' | boolean;
  /** Share of the training rows held out when early stopping has no caller validation rows, default 0.1. */
  validationFraction: number;
  /** Stop when the last this many iterations did not beat the score before them by `tol`, default 10. */
  nIterNoChange: number;
  /** Improvement (in mean loss) that counts, default 1e-7. */
  tol: number;
  /** Seed for the internal validation split and the binning subsample, default 0. */
  seed: number;
}

/** scikit-learn 1.2's defaults (HistGradientBoostingRegressor / Classifier). */
export const GBT_DEFAULTS: Readonly<GbtParams> = Object.freeze({
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxBins: 255,
  earlyStopping: 'auto',
  validationFraction: 0.1,
  nIterNoChange: 10,
  tol: 1e-7,
  seed: 0,
});

/**
 * One tree as parallel arrays over its nodes (node 0 is the root). A leaf has feature -1 and
 * left = right = -1. A split sends a row left when its value is <= threshold, or, when the value
 * is NaN, when missingLeft is 1. threshold null is a "split on missing": every present value goes left.
 */
export interface GbtTree {
  feature: number[];
  /** Raw-value threshold (a bin edge), null for a split on missing. */
  threshold: (number | null)[];
  /** Bin index of the threshold: rows with bin <= this go left. */
  bin: number[];
  /** 1 where missing values go left. */
  missingLeft: number[];
  left: number[];
  right: number[];
  /** Leaf value (learning rate applied) in raw-score units; 0 on internal nodes. */
  value: number[];
  /** Loss reduction of the split (sum over rows of the second-order gain); 0 on leaves. */
  gain: number[];
  /** Training rows that reached the node. */
  count: number[];
}

/** A fitted model: JSON.stringify / JSON.parse round-trip it unchanged. */
export interface GbtModel {
  format: 'encore-gbt';
  version: 1;
  task: Task;
  nFeatures: number;
  /** Raw score before any tree: the training mean (regression) or log-odds of the positive rate. */
  baseline: number;
  /** Per feature, the increasing bin edges (length = non-missing bins - 1). */
  binThresholds: number[][];
  trees: GbtTree[];
  /** Per feature, the share of the total split gain (sums to 1; all 0 if no tree split). */
  importances: number[];
  /** Iterations run (trees kept): maxIter unless early stopping stopped sooner. */
  nIter: number;
  /** Where early stopping read its score: 'caller', 'internal' or 'none'. */
  validation: 'caller' | 'internal' | 'none';
  /** Per iteration (index 0 = before the first tree): minus the mean loss on the training rows, when early stopping. */
  trainScores: number[];
  /** The same on the validation rows, when early stopping. */
  validationScores: number[];
  params: GbtParams;
}

/** Rows held out for early stopping: X row-major [m, d] (NaN = missing) and y [m]. */
export interface GbtValidation {
  X: Float32Array;
  y: Float32Array;
}
