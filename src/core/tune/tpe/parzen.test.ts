import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import type { ParamSpec } from '../space';
import { ParzenEstimator, type ParzenSettings } from './parzen';
import { defaultWeights } from './tpe';

// Expected values: Optuna 3.1.0's _ParzenEstimator on the same observations (consider_prior, prior
// weight 1, magic clip, no endpoints). "normalized" values come from the same code with
// truncnorm.logpdf patched to subtract log(scale), as Optuna after 3.1 does. Discrete and categorical
// kernels do not use that density, so they have one expected value.
const univariate: ParzenSettings = {
  considerPrior: true,
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
  multivariate: false,
  weights: defaultWeights,
};
const normalized: ParzenSettings = { ...univariate, normalizedKernels: true };

function expectAll(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 10));
}

describe('ParzenEstimator agrees with Optuna', () => {
  const x: ParamSpec = { name: 'x', type: 'float', low: -5, high: 10 };
  const xObs = { x: [3.1, -2.0, 9.5, 0.4, 0.41, 7.7, 2.2, -4.9] };
  const xAt = { x: [-4.0, 0.0, 3.0, 9.9] };

  it('float: neighbour-gap bandwidths, endpoints off, magic clip, prior kernel', () => {
    expectAll(
      new ParzenEstimator(xObs, [x], univariate).logPdf(xAt),
      [-1.358884878572139, -1.0797399750462495, -1.2102203158159996, -1.3961990621969145],
    );
    expectAll(
      new ParzenEstimator(xObs, [x], normalized).logPdf(xAt),
      [-2.8451432056345576, -2.351782919401945, -2.6150652055473604, -2.774712135398291],
    );
  });

  it('int with step: probability mass of each grid cell', () => {
    const spec: ParamSpec = { name: 'u', type: 'int', low: 8, high: 128, step: 8 };
    const pe = new ParzenEstimator({ u: [8, 16, 40, 40, 128, 64] }, [spec], univariate);
    expectAll(pe.logPdf({ u: [8, 40, 128] }), [-2.2883162755016357, -2.411823534423067, -3.7330565697020486]);
  });

  it('log-float: kernels in log space', () => {
    const spec: ParamSpec = { name: 'lr', type: 'logfloat', low: 1e-5, high: 1 };
    const obs = { lr: [1e-3, 1e-2, 0.5] };
    expectAll(
      new ParzenEstimator(obs, [spec], univariate).logPdf({ lr: [1e-4, 3e-3] }),
      [-0.9501781630816104, -0.617292799816098],
    );
    expectAll(
      new ParzenEstimator(obs, [spec], normalized).logPdf({ lr: [1e-4, 3e-3] }),
      [-2.6897811868576733, -2.205243147025393],
    );
  });

  it('categorical: +1 on the observed choice over a flat prior', () => {
    const spec: ParamSpec = { name: 'c', type: 'choice', choices: ['a', 'b', 'c'] };
    const pe = new ParzenEstimator({ c: [0, 0, 2] }, [spec], univariate);
    expectAll(pe.logPdf({ c: [0, 1, 2] }), [-0.7419373447293773, -1.6582280766035324, -1.0986122886681096]);
  });

  it('multivariate: bandwidth 0.2 n^(-1/(d+4)) of the range and joint components', () => {
    const specs: ParamSpec[] = [x, { name: 'c', type: 'choice', choices: ['a', 'b', 'c'] }];
    const obs = { x: [1, 2, 7], c: [0, 1, 1] };
    const at = { x: [1.5, 6.0], c: [0, 1] };
    expectAll(
      new ParzenEstimator(obs, specs, { ...univariate, multivariate: true }).logPdf(at),
      [-1.7371642549100066, -1.6198845499688055],
    );
    expectAll(
      new ParzenEstimator(obs, specs, { ...normalized, multivariate: true }).logPdf(at),
      [-3.3361801004195804, -3.1362863139884802],
    );
  });

  it('default weights ramp up older observations past 25, like Optuna', () => {
    const w = defaultWeights(30);
    expectAll(w.slice(0, 6), [0.03333333333333333, 0.275, 0.5166666666666667, 0.7583333333333333, 1.0, 1.0]);
    expect(w).toHaveLength(30);
  });

  it('samples follow the mixture: quantiles close to Optuna sampling the same estimator', () => {
    // Optuna 3.1.0, 20,000 draws (RandomState(0)): 10/50/90% quantiles -3.228, 1.498, 8.464.
    const s = new ParzenEstimator(xObs, [x], univariate)
      .sample(mulberry32(0), 20000)
      .x!.sort((a, b) => a - b);
    expect(s[2000]!).toBeCloseTo(-3.228, 0);
    expect(s[10000]!).toBeCloseTo(1.498, 0);
    expect(s[18000]!).toBeCloseTo(8.464, 0);
  });

  it('samples stay inside the range and on the step grid', () => {
    const spec: ParamSpec = { name: 'u', type: 'int', low: 8, high: 128, step: 8 };
    const pe = new ParzenEstimator({ u: [8, 16, 40] }, [spec], univariate);
    for (const u of pe.sample(mulberry32(1), 200).u!) {
      expect(u % 8).toBe(0);
      expect(u).toBeGreaterThanOrEqual(8);
      expect(u).toBeLessThanOrEqual(128);
    }
  });
});
