/**
 * Prediction with a fitted model: walk each tree on raw feature values (NaN = missing), or on
 * binned values (used for the validation rows during training, as scikit-learn does).
 */
import { expit } from './loss';
import type { GbtModel, GbtTree } from './types';

/** Raw value of row i of X [*, d] (row major) in one tree. */
function treeValue(t: GbtTree, X: Float32Array, i: number, d: number): number {
  let k = 0;
  while (t.feature[k]! >= 0) {
    const v = X[i * d + t.feature[k]!]!;
    let goLeft: boolean;
    if (Number.isNaN(v)) goLeft = t.missingLeft[k] === 1;
    else {
      const th = t.threshold[k];
      goLeft = th === null || th === undefined || v <= th;
    }
    k = goLeft ? t.left[k]! : t.right[k]!;
  }
  return t.value[k]!;
}

/** Raw scores (baseline + trees) for X [m, nFeatures]. Shape: Float64Array [m]. */
export function predictRaw(model: GbtModel, X: Float32Array): Float64Array {
  const d = model.nFeatures;
  if (X.length % d !== 0)
    throw new Error(`X holds ${X.length} numbers, not a whole number of rows of ${d} features.`);
  const m = X.length / d;
  const raw = new Float64Array(m).fill(model.baseline);
  for (const t of model.trees) for (let i = 0; i < m; i++) raw[i] = raw[i]! + treeValue(t, X, i, d);
  return raw;
}

/**
 * Predictions for X [m, nFeatures] (row major, NaN = missing): values (regression) or
 * positive-class probabilities (classification). Shape: Float32Array [m].
 */
export function predictGbt(model: GbtModel, X: Float32Array): Float32Array {
  const raw = predictRaw(model, X);
  const cls = model.task === 'classification';
  return Float32Array.from(raw, (z) => (cls ? expit(z) : z));
}

/**
 * Add one tree's values to raw [m] for binned rows (column major [d * m], missing = missingBin):
 * bin <= split bin goes left, the missing bin follows missingLeft.
 */
export function addTreeBinned(
  t: GbtTree,
  binned: Uint8Array,
  m: number,
  missingBin: number,
  raw: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    let k = 0;
    while (t.feature[k]! >= 0) {
      const b = binned[t.feature[k]! * m + i]!;
      const goLeft = b === missingBin ? t.missingLeft[k] === 1 : b <= t.bin[k]!;
      k = goLeft ? t.left[k]! : t.right[k]!;
    }
    raw[i] = raw[i]! + t.value[k]!;
  }
}
