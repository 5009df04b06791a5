/**
 * The gradient-boosted trees baseline in the shape of the other baselines (evaluate/baselines.ts):
 * fitted on the same prepared matrices the deep models get (transformFeatures' X, transformTarget's
 * y), with a predict for X [m, nFeatures] that returns values or positive-class probabilities.
 */
import type { Task } from '../data/task';
import { fitGbt } from './fit';
import { predictGbt } from './predict';
import type { GbtModel, GbtParams } from './types';

/** A fitted trees baseline: the JSON model and its predict. */
export interface GbtBaseline {
  model: GbtModel;
  /** X [m, nFeatures] row major -> Float32Array [m]: values (regression) or probabilities. */
  predict(X: Float32Array): Float32Array;
}

/**
 * Fit on the training rows xTrain [n, d] / yTrain [n]; with xVal [m, d] / yVal [m] (Encore's
 * validation rows) early stopping reads their loss, otherwise scikit-learn's default applies
 * (on above 10,000 rows, with a seeded 10% hold-out).
 */
export function fitGbtBaseline(
  xTrain: Float32Array,
  yTrain: Float32Array,
  task: Task,
  opts: { xVal?: Float32Array; yVal?: Float32Array; params?: Partial<GbtParams>; signal?: AbortSignal } = {},
): GbtBaseline {
  const validation = opts.xVal && opts.yVal ? { X: opts.xVal, y: opts.yVal } : undefined;
  const model = fitGbt(xTrain, yTrain, { task, validation, params: opts.params, signal: opts.signal });
  return { model, predict: (X) => predictGbt(model, X) };
}
