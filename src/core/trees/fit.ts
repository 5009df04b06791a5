/**
 * Fit Encore's histogram gradient-boosted trees (scikit-learn 1.2 HistGradientBoostingRegressor /
 * Classifier, rewritten): bin the features on the training rows, start from the best constant,
 * then each iteration fit one leaf-wise tree to the loss gradients and add it with shrinkage.
 * Early stopping reads the loss on the caller's validation rows, or on a seeded internal hold-out.
 */
import type { Task } from '../data/task';
import { binMatrix, fitBinThresholds } from './binning';
import { type GrowerWorkspace, growTree } from './grower';
import { HistogramPool } from './histogram';
import { gainImportances } from './importance';
import { lossFor } from './loss';
import { addTreeBinned } from './predict';
import { GBT_DEFAULTS, type GbtModel, type GbtParams, type GbtTree, type GbtValidation } from './types';
import { holdOutRows } from './validationSplit';

/** Options of fitGbt. */
export interface FitGbtOptions {
  task: Task;
  /** Overrides of scikit-learn's defaults (see GbtParams). */
  params?: Partial<GbtParams>;
  /** Encore's own validation rows for early stopping (same feature layout as X). */
  validation?: GbtValidation;
  /** Called after each iteration with (iterations done, maxIter). */
  onIteration?: (done: number, maxIter: number) => void;
  /** Checked between iterations; an aborted signal throws its reason. */
  signal?: AbortSignal;
}

/** scikit-learn turns early stopping on ('auto') above this many training rows. */
const AUTO_EARLY_STOPPING_ROWS = 10_000;

/**
 * Fit on X [n, nFeatures] (row major Float32Array, NaN = missing) and y [n] (values, or 0/1 for
 * classification). Rows whose y is NaN are left out. Returns a plain-JSON model; predict with
 * predictGbt. Throws an Error with an actionable message on bad shapes, labels or parameters.
 */
export function fitGbt(X: Float32Array, y: Float32Array, opts: FitGbtOptions): GbtModel {
  const params: GbtParams = { ...GBT_DEFAULTS, ...opts.params };
  checkParams(params);
  const d = featureCount(X, y.length);
  const usable = usableRows(y, opts.task);
  const caller = opts.validation;
  if (caller) featureCount(caller.X, caller.y.length, d);
  const stop =
    params.earlyStopping === 'auto'
      ? !!caller || usable.length > AUTO_EARLY_STOPPING_ROWS
      : params.earlyStopping;
  let trainRows = usable;
  let val: GbtValidation | null = null;
  let source: GbtModel['validation'] = 'none';
  if (stop && caller) {
    const rows = usableRows(caller.y, opts.task);
    val = { X: takeRows(caller.X, d, rows), y: Float32Array.from(rows, (i) => caller.y[i]!) };
    source = 'caller';
  } else if (stop) {
    const labels = opts.task === 'classification' ? Float32Array.from(usable, (i) => y[i]!) : undefined;
    const split = holdOutRows(usable.length, params.validationFraction, params.seed, labels);
    trainRows = Int32Array.from(split.train, (k) => usable[k]!);
    const valRows = Int32Array.from(split.val, (k) => usable[k]!);
    val = { X: takeRows(X, d, valRows), y: Float32Array.from(valRows, (i) => y[i]!) };
    source = 'internal';
  }
  if (val && val.y.length === 0)
    throw new Error('Early stopping needs at least one validation row with a target.');
  const n = trainRows.length;
  const Xt = n === y.length ? X : takeRows(X, d, trainRows);
  const yt = n === y.length ? y : Float32Array.from(trainRows, (i) => y[i]!);

  const missingBin = params.maxBins;
  const binThresholds = fitBinThresholds(Xt, n, d, params.maxBins, params.seed);
  const binned = binMatrix(Xt, n, d, binThresholds, missingBin);
  const nBinsNonMissing = Int32Array.from(binThresholds, (e) => e.length + 1);
  const hasMissing = new Uint8Array(d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) {
      if (binned[j * n + i] === missingBin) {
        hasMissing[j] = 1;
        break;
      }
    }
  }
  const loss = lossFor(opts.task);
  const grad = new Float32Array(n);
  const hess = loss.constantHessian ? null : new Float32Array(n);
  const W = missingBin + 1;
  const ws: GrowerWorkspace = {
    inputs: { binned, n, d, binsPerFeature: W, grad, hess },
    ctx: {
      d,
      binsPerFeature: W,
      nBinsNonMissing,
      hasMissing,
      minSamplesLeaf: params.minSamplesLeaf,
      l2: params.l2Regularization,
      constantHessian: loss.constantHessian,
    },
    pool: new HistogramPool(d * W, !loss.constantHessian),
    rows: new Int32Array(n),
    scratchRows: new Int32Array(n),
    scratchG: new Float32Array(n),
    scratchH: new Float32Array(hess ? n : 0),
    missingBin,
    binThresholds,
  };

  const baseline = loss.baseline(yt);
  const raw = new Float64Array(n).fill(baseline);
  const valBinned = val ? binMatrix(val.X, val.y.length, d, binThresholds, missingBin) : null;
  const rawVal = val ? new Float64Array(val.y.length).fill(baseline) : null;
  const trainScores: number[] = [];
  const validationScores: number[] = [];
  const score = () => {
    trainScores.push(-loss.mean(yt, raw));
    validationScores.push(-loss.mean(val!.y, rawVal!));
    return shouldStop(validationScores, params.nIterNoChange, params.tol);
  };
  if (val) score();
  const trees: GbtTree[] = [];
  const options = {
    maxLeafNodes: params.maxLeafNodes,
    minSamplesLeaf: params.minSamplesLeaf,
    learningRate: params.learningRate,
  };
  for (let it = 0; it < params.maxIter; it++) {
    opts.signal?.throwIfAborted();
    loss.gradients(yt, raw, grad, hess ?? grad);
    const tree = growTree(ws, options, raw);
    trees.push(tree);
    if (val) addTreeBinned(tree, valBinned!, val.y.length, missingBin, rawVal!);
    opts.onIteration?.(it + 1, params.maxIter);
    if (val && score()) break;
  }
  return {
    format: 'encore-gbt',
    version: 1,
    task: opts.task,
    nFeatures: d,
    baseline,
    binThresholds,
    trees,
    importances: gainImportances(trees, d),
    nIter: trees.length,
    validation: source,
    trainScores,
    validationScores,
    params,
  };
}

/**
 * scikit-learn's _should_stop on scores (higher is better): stop when none of the last
 * nIterNoChange scores beats the one before them by more than tol.
 */
export function shouldStop(scores: readonly number[], nIterNoChange: number, tol: number): boolean {
  const ref = nIterNoChange + 1;
  if (scores.length < ref) return false;
  const reference = scores[scores.length - ref]! + tol;
  for (let k = scores.length - ref + 1; k < scores.length; k++) if (scores[k]! > reference) return false;
  return true;
}

function checkParams(p: GbtParams): void {
  const bad = (what: string) => {
    throw new Error(`Gradient-boosted trees: ${what}.`);
  };
  if (!(Number.isInteger(p.maxIter) && p.maxIter >= 1))
    bad(`maxIter must be a whole number of at least 1 (got ${p.maxIter})`);
  if (!(p.learningRate > 0)) bad(`the learning rate must be above 0 (got ${p.learningRate})`);
  if (!(Number.isInteger(p.maxLeafNodes) && p.maxLeafNodes >= 2))
    bad(`maxLeafNodes must be at least 2 (got ${p.maxLeafNodes})`);
  if (!(Number.isInteger(p.minSamplesLeaf) && p.minSamplesLeaf >= 1))
    bad(`minSamplesLeaf must be at least 1 (got ${p.minSamplesLeaf})`);
  if (!(p.l2Regularization >= 0)) bad(`l2Regularization must be 0 or more (got ${p.l2Regularization})`);
  if (!(Number.isInteger(p.maxBins) && p.maxBins >= 2 && p.maxBins <= 255))
    bad(`maxBins must be from 2 to 255 (got ${p.maxBins})`);
  if (!(Number.isInteger(p.nIterNoChange) && p.nIterNoChange >= 1))
    bad(`nIterNoChange must be at least 1 (got ${p.nIterNoChange})`);
}

/** Features per row of X for `n` rows (and, when given, that it equals `expected`). */
function featureCount(X: Float32Array, n: number, expected?: number): number {
  if (n === 0) throw new Error('Gradient-boosted trees need at least one row.');
  const d = X.length / n;
  if (!Number.isInteger(d) || d < 1)
    throw new Error(`X holds ${X.length} numbers, which is not ${n} rows of features.`);
  if (expected !== undefined && d !== expected)
    throw new Error(`The validation rows have ${d} features but the training rows have ${expected}.`);
  return d;
}

/** Rows with a usable target; classification targets must be 0 or 1. */
function usableRows(y: Float32Array, task: Task): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    if (task === 'classification' && v !== 0 && v !== 1)
      throw new Error(`Classification targets must be 0 or 1; row ${i} has ${v}.`);
    if (!Number.isFinite(v)) throw new Error(`Row ${i} has an infinite target.`);
    rows.push(i);
  }
  if (rows.length === 0) throw new Error('Gradient-boosted trees need at least one row with a target.');
  return Int32Array.from(rows);
}

/** Rows `rows` of row-major X [*, d]. */
function takeRows(X: Float32Array, d: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) out.set(X.subarray(rows[k]! * d, rows[k]! * d + d), k * d);
  return out;
}
