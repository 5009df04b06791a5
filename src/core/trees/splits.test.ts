/**
 * Single splits small enough to work out by hand: a step function, where missing values go, a
 * split on missing, the bigger-child rule for features without missing values, min_samples_leaf.
 */
import { describe, expect, it } from 'vitest';
import { fitGbt, predictGbt } from './index';

/** One tree, one split, no shrinkage: leaf values are the mean residual of each side. */
const ONE_SPLIT = { maxIter: 1, learningRate: 1, maxLeafNodes: 2, minSamplesLeaf: 1 };

const column = (v: number[]) => Float32Array.from(v);

describe('one split', () => {
  it('finds the step of a step function exactly', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const y = x.map((v) => (v < 50 ? 0 : 1));
    const model = fitGbt(column(x), column(y), { task: 'regression', params: ONE_SPLIT });
    const t = model.trees[0]!;
    expect(model.baseline).toBe(0.5);
    expect(t.feature[0]).toBe(0);
    expect(t.threshold[0]).toBe(49.5);
    // gradients raw - y are +0.5 left, -0.5 right: left G = 25, H = 50, value -G/H = -0.5.
    expect(t.value[t.left[0]!]).toBe(-0.5);
    expect(t.value[t.right[0]!]).toBe(0.5);
    // loss reduction GL^2/HL + GR^2/HR - G^2/H = 12.5 + 12.5 - 0
    expect(t.gain[0]).toBeCloseTo(25, 10);
    expect(model.importances).toEqual([1]);
    expect(Array.from(predictGbt(model, column([0, 49, 49.5, 49.6, 99])))).toEqual([0, 0, 0, 1, 1]);
  });

  it('learns that missing values go with the side they resemble', () => {
    // x 0..59 present: y = 0 below 30, 10 from 30; 30 missing rows.
    const x = [...Array.from({ length: 60 }, (_, i) => i), ...new Array<number>(30).fill(NaN)];
    for (const missingY of [10, 0]) {
      const y = x.map((v, i) => (i >= 60 ? missingY : v < 30 ? 0 : 10));
      const model = fitGbt(column(x), column(y), { task: 'regression', params: ONE_SPLIT });
      const t = model.trees[0]!;
      expect(t.threshold[0]).toBe(29.5);
      expect(t.missingLeft[0]).toBe(missingY === 0 ? 1 : 0);
      // perfect split: predictions are the targets (up to float32 gradients around a baseline of 6.67 or 3.33)
      const pred = predictGbt(model, column([NaN, 5, 40]));
      [missingY, 0, 10].forEach((v, i) => expect(pred[i]).toBeCloseTo(v, 5));
    }
  });

  it('splits on missing when only missingness carries the signal', () => {
    const x = [...new Array<number>(40).fill(5), ...new Array<number>(40).fill(NaN)];
    const y = x.map((v) => (Number.isNaN(v) ? 1 : 0));
    const model = fitGbt(column(x), column(y), { task: 'regression', params: ONE_SPLIT });
    const t = model.trees[0]!;
    expect(t.threshold[0]).toBeNull();
    expect(t.missingLeft[0]).toBe(0);
    expect(Array.from(predictGbt(model, column([5, -1e9, NaN])))).toEqual([0, 0, 1]);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('sends missing values to the bigger child when training had none', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    for (const [step, left] of [
      [30, 0],
      [70, 1],
    ] as const) {
      const y = x.map((v) => (v < step ? 0 : 1));
      const t = fitGbt(column(x), column(y), { task: 'regression', params: ONE_SPLIT }).trees[0]!;
      expect(t.threshold[0]).toBe(step - 0.5);
      expect(t.missingLeft[0]).toBe(left);
    }
  });

  it('respects min_samples_leaf', () => {
    // The step is at 5, but leaves need 20 rows: the best allowed split is at 19.5.
    const x = Array.from({ length: 100 }, (_, i) => i);
    const y = x.map((v) => (v < 5 ? 0 : 1));
    const params = { ...ONE_SPLIT, minSamplesLeaf: 20 };
    const t = fitGbt(column(x), column(y), { task: 'regression', params }).trees[0]!;
    expect(t.threshold[0]).toBe(19.5);
    expect(t.count[t.left[0]!]).toBe(20);
    // fewer than 2 x min_samples_leaf rows: the root stays a leaf (scikit-learn gives it value 0)
    const small = fitGbt(column(x.slice(0, 39)), column(y.slice(0, 39)), { task: 'regression', params });
    expect(small.trees[0]!.feature).toEqual([-1]);
    expect(small.trees[0]!.value).toEqual([0]);
  });
});
