/**
 * The fitted model as a whole: plain-JSON round trip, determinism under a seed, early stopping on
 * caller or internal validation rows, classification probabilities, importances and errors.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32, randNormal } from '../random';
import { rocAuc } from '../evaluate/index';
import { fitGbt, fitGbtBaseline, holdOutRows, predictGbt, shouldStop } from './index';

/** n rows x 3 features; y depends on features 0 and 1 only (feature 2 is noise). */
function data(n: number, seed: number, cls = false) {
  const rng = mulberry32(seed);
  const X = new Float32Array(n * 3);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X[i * 3 + j] = randNormal(rng);
    const s = 2 * Math.sin(X[i * 3]!) + X[i * 3 + 1]! ** 2 - 1;
    y[i] = cls ? (rng() < 1 / (1 + Math.exp(-2 * s)) ? 1 : 0) : s + 0.3 * randNormal(rng);
  }
  return { X, y };
}

describe('fitGbt', () => {
  it('round-trips through JSON and predicts the same', () => {
    const { X, y } = data(800, 1);
    const model = fitGbt(X, y, { task: 'regression' });
    const copy = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(copy).toEqual(model);
    expect(predictGbt(copy, X)).toEqual(predictGbt(model, X));
    expect(model.nIter).toBe(100);
    expect(model.trees.every((t) => t.feature.filter((f) => f < 0).length <= 31)).toBe(true);
  });

  it('is deterministic and fits a smooth signal', () => {
    const { X, y } = data(1500, 2);
    const a = fitGbt(X, y, { task: 'regression', params: { earlyStopping: true, seed: 7 } });
    const b = fitGbt(X, y, { task: 'regression', params: { earlyStopping: true, seed: 7 } });
    expect(a).toEqual(b);
    const test = data(500, 3);
    const pred = predictGbt(a, test.X);
    let se = 0;
    for (let i = 0; i < 500; i++) se += (pred[i]! - test.y[i]!) ** 2;
    expect(Math.sqrt(se / 500)).toBeLessThan(0.5); // noise alone is 0.3, the signal's spread about 1.7
    expect(a.importances[2]!).toBeLessThan(0.05);
    expect(a.importances.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
  });

  it('stops early on the caller validation rows', () => {
    const train = data(600, 4);
    const val = data(300, 5);
    const model = fitGbt(train.X, train.y, {
      task: 'regression',
      validation: val,
      params: { learningRate: 0.5, maxIter: 300 },
    });
    expect(model.validation).toBe('caller');
    expect(model.nIter).toBeLessThan(300);
    expect(model.validationScores).toHaveLength(model.nIter + 1);
    expect(shouldStop(model.validationScores, 10, 1e-7)).toBe(true);
    expect(shouldStop(model.validationScores.slice(0, -1), 10, 1e-7)).toBe(false);
  });

  it("turns early stopping on above 10,000 rows with scikit-learn's 10% hold-out", () => {
    const { X, y } = data(10_001, 6);
    const model = fitGbt(X, y, { task: 'regression', params: { maxIter: 3 } });
    expect(model.validation).toBe('internal');
    expect(model.validationScores).toHaveLength(4);
    expect(
      fitGbt(X.subarray(0, 30_000), y.subarray(0, 10_000), { task: 'regression', params: { maxIter: 1 } })
        .validation,
    ).toBe('none');
    const split = holdOutRows(
      10_001,
      0.1,
      0,
      y.map((v) => (v > 0 ? 1 : 0)),
    );
    expect(split.val.length).toBe(1001); // ceil(0.1 x 10,001), as train_test_split
    expect(split.train.length + split.val.length).toBe(10_001);
  });

  it('predicts probabilities for classification', () => {
    const train = data(2000, 7, true);
    const test = data(1000, 8, true);
    const base = fitGbtBaseline(train.X, train.y, 'classification', { xVal: test.X, yVal: test.y });
    const p = base.predict(test.X);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(rocAuc(test.y, p)).toBeGreaterThan(0.8);
    const rate = train.y.reduce((s, v) => s + v, 0) / 2000;
    expect(base.model.baseline).toBeCloseTo(Math.log(rate / (1 - rate)), 6);
  });

  it('skips rows without a target and rejects bad input with a message', () => {
    const { X, y } = data(100, 9);
    y[0] = NaN;
    expect(fitGbt(X, y, { task: 'regression' }).trees[0]!.count[0]).toBe(99);
    expect(() => fitGbt(X, y, { task: 'classification' })).toThrow(/0 or 1/);
    expect(() => fitGbt(X.subarray(1), y, { task: 'regression' })).toThrow(/not 100 rows/);
    expect(() => fitGbt(X, y, { task: 'regression', params: { maxBins: 256 } })).toThrow(/maxBins/);
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    expect(() => fitGbt(X, y, { task: 'regression', signal: controller.signal })).toThrow('stopped');
  });
});
