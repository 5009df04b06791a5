import { describe, expect, it } from 'vitest';
import { mulberry32, randNormal } from '../random';
import {
  featureGroups,
  fitLinearBaseline,
  meanInterval,
  partialDependence,
  permutationImportance,
} from './index';

/** Columns: signal, noise, genre=a, genre=b, genre=c (one-hot). y = 3 signal + 2 [genre=b] + small noise. */
function planted(n: number, seed: number) {
  const rng = mulberry32(seed);
  const d = 5;
  const X = new Float32Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = Math.floor(rng() * 3);
    X.set([randNormal(rng), randNormal(rng), g === 0 ? 1 : 0, g === 1 ? 1 : 0, g === 2 ? 1 : 0], i * d);
    y[i] = 3 * X[i * d]! + 2 * (g === 1 ? 1 : 0) + 0.1 * randNormal(rng);
  }
  return { X, y, d };
}

describe('permutationImportance', () => {
  const groups = featureGroups(['signal', 'noise', 'genre', 'genre', 'genre']);
  it('groups one-hot columns by source column', () => {
    expect(groups).toEqual([
      { name: 'signal', columns: [0] },
      { name: 'noise', columns: [1] },
      { name: 'genre', columns: [2, 3, 4] },
    ]);
  });

  it('ranks the planted feature first, the one-hot group second, noise near zero, with intervals', async () => {
    const train = planted(400, 1);
    const test = planted(300, 2);
    const model = fitLinearBaseline(train.X, train.d, train.y, { ridge: 0 });
    let calls = 0;
    const res = await permutationImportance(model.predict, test.X, test.d, test.y, groups, 'rmse', {
      repeats: 5,
      seed: 3,
      onProgress: (done, total) => {
        calls = done;
        expect(total).toBe(16);
      },
    });
    expect(calls).toBe(16);
    expect(res.features.map((f) => f.name)).toEqual(['signal', 'genre', 'noise']);
    const [signal, genre, noise] = res.features;
    // Shuffling x with weight 3 and unit variance adds about sqrt(2 * 9) = 4.2 to a ~0.1 RMSE.
    expect(signal!.importance).toBeGreaterThan(3.5);
    expect(genre!.lo).toBeGreaterThan(0.5);
    expect(Math.abs(noise!.importance)).toBeLessThan(0.02);
    expect(noise!.lo).toBeLessThanOrEqual(0.02);
    for (const f of res.features) {
      expect(f.repeats).toHaveLength(5);
      expect(f.lo).toBeLessThanOrEqual(f.importance);
      expect(f.hi).toBeGreaterThanOrEqual(f.importance);
    }
    // Replays with the seed, and async predictors work the same.
    const again = await permutationImportance(
      async (X) => model.predict(X),
      test.X,
      test.d,
      test.y,
      groups,
      'rmse',
      {
        repeats: 5,
        seed: 3,
      },
    );
    expect(again).toEqual(res);
  });

  it('treats higher-is-better metrics as a drop in score', async () => {
    const test = planted(200, 4);
    const model = fitLinearBaseline(test.X, test.d, test.y, { ridge: 0 });
    const res = await permutationImportance(model.predict, test.X, test.d, test.y, groups, 'r2', {
      repeats: 3,
    });
    expect(res.higherIsBetter).toBe(true);
    expect(res.baseline).toBeGreaterThan(0.99);
    expect(res.features[0]!.name).toBe('signal');
    expect(res.features[0]!.importance).toBeGreaterThan(0.5);
  });

  it('rejects a group pointing outside X, and stops when aborted', async () => {
    const t = planted(10, 5);
    const predict = (X: Float32Array) => new Float32Array(X.length / 5);
    await expect(
      permutationImportance(predict, t.X, 5, t.y, [{ name: 'x', columns: [7] }], 'mae'),
    ).rejects.toThrow(/column 7/);
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      permutationImportance(predict, t.X, 5, t.y, groups, 'mae', { signal: ctl.signal }),
    ).rejects.toThrow(/cancelled/);
  });
});

describe('meanInterval', () => {
  it('is the Student t-interval', () => {
    // mean 2, sd 1, n 3: 2 +- 4.303 / sqrt(3)
    const ci = meanInterval([1, 2, 3]);
    expect(ci.mean).toBe(2);
    expect(ci.hi - 2).toBeCloseTo(4.303 / Math.sqrt(3), 10);
  });
});

describe('partialDependence', () => {
  const { X, y, d } = planted(300, 6);
  const model = fitLinearBaseline(X, d, y, { ridge: 0 });
  it('follows a linear effect with the fitted slope', async () => {
    const pd = await partialDependence(
      model.predict,
      X,
      d,
      { name: 'signal', columns: [0] },
      { gridSize: 5 },
    );
    expect(pd.kind).toBe('numeric');
    expect(pd.x).toHaveLength(5);
    for (let g = 1; g < pd.x.length; g++) {
      const slope = (pd.y[g]! - pd.y[g - 1]!) / (pd.x[g]! - pd.x[g - 1]!);
      expect(slope).toBeCloseTo(model.weights[0]!, 3);
    }
  });
  it('sets each one-hot level in turn', async () => {
    const pd = await partialDependence(
      model.predict,
      X,
      d,
      { name: 'genre', columns: [2, 3, 4] },
      { levels: ['a', 'b', 'c'], maxRows: 50 },
    );
    expect(pd.labels).toEqual(['a', 'b', 'c']);
    expect(pd.y[1]! - pd.y[0]!).toBeCloseTo(2, 1);
    expect(pd.y[2]! - pd.y[0]!).toBeCloseTo(0, 1);
  });
});
