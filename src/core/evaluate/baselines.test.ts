import { describe, expect, it } from 'vitest';
import { mulberry32, randNormal } from '../random';
import { bestSingleFeatureRule, fitLinearBaseline, meanBaseline, regressionMetrics } from './index';

function data(n: number, d: number, seed: number) {
  const rng = mulberry32(seed);
  const X = new Float32Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = randNormal(rng);
  return { X, rng };
}

describe('meanBaseline', () => {
  it('predicts the training mean, ignoring missing targets', () => {
    expect(Array.from(meanBaseline([1, 2, NaN, 6])(3))).toEqual([3, 3, 3]);
    expect(() => meanBaseline([NaN])).toThrow(/at least one/);
  });
});

describe('fitLinearBaseline', () => {
  it('recovers exact linear weights without a penalty', () => {
    const { X } = data(50, 2, 1);
    const y = Array.from({ length: 50 }, (_, i) => 2 * X[2 * i]! - 3 * X[2 * i + 1]! + 5);
    const m = fitLinearBaseline(X, 2, y, { ridge: 0 });
    expect(m.weights[0]).toBeCloseTo(2, 5);
    expect(m.weights[1]).toBeCloseTo(-3, 5);
    expect(m.bias).toBeCloseTo(5, 5);
    expect(m.predict(Float32Array.of(1, 1))[0]).toBeCloseTo(4, 4);
  });
  it('shrinks by Sxy / (Sxx + ridge) in one dimension', () => {
    const X = Float32Array.of(1, 2, 3, 4);
    const y = [2, 3, 5, 6];
    // centred x: -1.5 -.5 .5 1.5 (Sxx 5); centred y: -2 -1 1 2 (Sxy 7)
    const m = fitLinearBaseline(X, 1, y, { ridge: 2 });
    expect(m.weights[0]).toBeCloseTo(7 / 7, 10);
    expect(m.bias).toBeCloseTo(4 - 2.5, 10);
  });
  it('survives collinear columns (a duplicated feature)', () => {
    const { X: base } = data(40, 1, 2);
    const X = new Float32Array(80);
    base.forEach((v, i) => X.set([v, v], 2 * i));
    const y = Array.from(base, (v) => 4 * v + 1);
    const m = fitLinearBaseline(X, 2, y, { ridge: 0 });
    expect(regressionMetrics(y, m.predict(X)).rmse).toBeLessThan(1e-3);
  });
  it('logistic: the penalised gradient vanishes at the fit and the planted signs are found', () => {
    const n = 600;
    const { X, rng } = data(n, 3, 3);
    const y = Array.from({ length: n }, (_, i) => {
      const z = 1.5 * X[3 * i]! - 1 * X[3 * i + 1]! + 0.5;
      return rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    });
    const ridge = 1;
    const m = fitLinearBaseline(X, 3, y, { task: 'classification', ridge });
    const p = m.predict(X);
    const g = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const e = y[i]! - p[i]!;
      for (let j = 0; j < 3; j++) g[j]! += e * X[3 * i + j]!;
      g[3]! += e;
    }
    for (let j = 0; j < 3; j++) expect(Math.abs(g[j]! - ridge * m.weights[j]!)).toBeLessThan(1e-3);
    expect(Math.abs(g[3]!)).toBeLessThan(1e-3);
    expect(m.weights[0]).toBeGreaterThan(1);
    expect(m.weights[1]).toBeLessThan(-0.6);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.3);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
  });
  it('logistic by Adam steps lands near the Newton solution', () => {
    const n = 300;
    const { X, rng } = data(n, 2, 4);
    const y = Array.from({ length: n }, (_, i) =>
      rng() < 1 / (1 + Math.exp(-(2 * X[2 * i]! - X[2 * i + 1]!))) ? 1 : 0,
    );
    const newton = fitLinearBaseline(X, 2, y, { task: 'classification', solver: 'newton' });
    const adam = fitLinearBaseline(X, 2, y, { task: 'classification', solver: 'adam' });
    const a = adam.predict(X);
    const b = newton.predict(X);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeLessThan(0.03);
  });
  it('rejects a shape mismatch', () => {
    expect(() => fitLinearBaseline(new Float32Array(5), 2, [1, 2, 3])).toThrow(/not 3 rows x 2 features/);
  });
});

describe('bestSingleFeatureRule', () => {
  it('finds the planted step on the second feature', () => {
    const n = 400;
    const { X, rng } = data(n, 3, 5);
    const y = Array.from({ length: n }, (_, i) => (X[3 * i + 1]! > 0.3 ? 70 : 50) + 2 * randNormal(rng));
    const r = bestSingleFeatureRule(X, 3, y, ['tempo', 'energy', 'valence'], 'regression');
    expect(r.feature).toBe('energy');
    const cut = Number(/<= (-?[\d.]+)/.exec(r.description)![1]);
    expect(Math.abs(cut - 0.3)).toBeLessThan(0.1);
    const pred = r.predict(Float32Array.of(0, 1, 0, 0, -1, 0));
    expect(pred[0]).toBeCloseTo(70, 0);
    expect(pred[1]).toBeCloseTo(50, 0);
  });
  it('classification: probabilities on a binary feature, described as such', () => {
    const X = Float32Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : 0));
    const y = Array.from({ length: 100 }, (_, i) => (i < 50 ? (i % 5 === 0 ? 0 : 1) : i % 10 === 0 ? 1 : 0));
    const r = bestSingleFeatureRule(X, 1, y, ['genre=pop'], 'classification');
    expect(r.description).toBe('if genre=pop is 1 then P(positive) = 80% else 10%');
    expect(Array.from(r.predict(Float32Array.of(1, 0)))).toEqual([Math.fround(0.8), Math.fround(0.1)]);
  });
  it('falls back to the mean when no feature varies', () => {
    const r = bestSingleFeatureRule(new Float32Array(4), 1, [1, 2, 3, 4], ['c'], 'regression');
    expect(r.feature).toBe('(none)');
    expect(Array.from(r.predict(new Float32Array(2)))).toEqual([2.5, 2.5]);
  });
});
