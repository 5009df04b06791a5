import { describe, expect, it } from 'vitest';
import { mulberry32, randNormal } from '../random';
import {
  averageRanks,
  bootstrapMetrics,
  chooseThreshold,
  classificationMetrics,
  regressionMetrics,
  spearman,
} from './index';

describe('regressionMetrics', () => {
  it('matches hand-computed values', () => {
    // errors 4, 6, 0, 12; mean of truth 25, SStot 500
    const m = regressionMetrics([10, 20, 30, 40], [14, 26, 30, 52]);
    expect(m.mse).toBeCloseTo(49, 12);
    expect(m.rmse).toBeCloseTo(7, 12);
    expect(m.mae).toBeCloseTo(5.5, 12);
    expect(m.r2).toBeCloseTo(1 - 196 / 500, 12);
    expect(m.spearman).toBeCloseTo(1, 12);
    expect(m.within5).toBe(0.5);
    expect(m.within10).toBe(0.75);
    expect(m.n).toBe(4);
  });
  it('skips NaN pairs and rejects unequal lengths', () => {
    expect(regressionMetrics([1, NaN, 3], [1, 5, NaN]).n).toBe(1);
    expect(() => regressionMetrics([1, 2], [1])).toThrow(/pair up/);
    expect(regressionMetrics([], []).n).toBe(0);
  });
  it('Spearman uses average ranks for ties', () => {
    // ranks of y: 2, 2, 2, 4; centred x: -1.5 -.5 .5 1.5, centred ranks: -.5 -.5 -.5 1.5 -> 3 / sqrt(5 * 3)
    expect(spearman([1, 2, 3, 4], [2, 2, 2, 6])).toBeCloseTo(3 / Math.sqrt(15), 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
  it('average ranks share tied positions', () => {
    expect(Array.from(averageRanks([3, 1, 3, 2, -0, 0]))).toEqual([5.5, 3, 5.5, 4, 1.5, 1.5]);
  });
});

describe('classificationMetrics', () => {
  const y = [1, 0, 1, 0, 1, 0];
  const p = [0.9, 0.8, 0.7, 0.3, 0.3, 0.1];
  it('matches hand-computed values', () => {
    const m = classificationMetrics(y, p);
    expect(m.confusion).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    // pairs won by positives: 0.9 -> 3, 0.7 -> 2, 0.3 -> 1 + a tie (0.5): 6.5 of 9
    expect(m.rocAuc).toBeCloseTo(6.5 / 9, 12);
    // recall steps 1/3, 1/3, 1/3 at precision 1, 2/3, 3/5 (the 0.3 tie enters as one step)
    expect(m.prAuc).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
    const ll =
      -(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.7) + Math.log(0.3) + Math.log(0.9)) / 6;
    expect(m.logLoss).toBeCloseTo(ll, 12);
    expect(m.n).toBe(6);
  });
  it('honours the threshold', () => {
    const m = classificationMetrics(y, p, 0.25);
    expect(m.confusion).toEqual({ tp: 3, fp: 2, tn: 1, fn: 0 });
    expect(m.threshold).toBe(0.25);
  });
  it('ROC AUC equals the Mann-Whitney U statistic and PR AUC the per-positive average precision, with ties', () => {
    const rng = mulberry32(11);
    const n = 400;
    const yt = Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
    // Coarse probabilities (two decimals) so ties are common.
    const pr = yt.map(
      (v) => Math.round(Math.min(1, Math.max(0, 0.4 + 0.2 * v + 0.25 * randNormal(rng))) * 20) / 20,
    );
    let u = 0;
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < n; i++) {
      if (yt[i]) pos++;
      else neg++;
      if (!yt[i]) continue;
      for (let j = 0; j < n; j++) if (!yt[j]) u += pr[i]! > pr[j]! ? 1 : pr[i] === pr[j] ? 0.5 : 0;
    }
    let ap = 0;
    for (let i = 0; i < n; i++) {
      if (!yt[i]) continue;
      let above = 0;
      let posAbove = 0;
      for (let j = 0; j < n; j++) {
        if (pr[j]! >= pr[i]!) {
          above++;
          posAbove += yt[j]!;
        }
      }
      ap += posAbove / above;
    }
    const m = classificationMetrics(yt, pr);
    expect(m.rocAuc).toBeCloseTo(u / (pos * neg), 12);
    expect(m.prAuc).toBeCloseTo(ap / pos, 12);
  });
  it('AUC is NaN with one class only; log loss stays finite at 0 and 1', () => {
    const m = classificationMetrics([1, 1], [1, 0]);
    expect(m.rocAuc).toBeNaN();
    expect(Number.isFinite(m.logLoss)).toBe(true);
  });
});

describe('chooseThreshold', () => {
  it('picks the F1-maximising cut, halfway to the next lower probability', () => {
    // F1 at cuts 0.9, 0.8, 0.7, 0.3, 0.1: 0.5, 0.4, 0.667, 0.75, 0.667 -> cut 0.3, next 0.1
    const t = chooseThreshold([1, 0, 1, 0, 1, 0], [0.9, 0.8, 0.7, 0.3, 0.3, 0.1]);
    expect(t).toBeCloseTo(0.2, 12);
    expect(classificationMetrics([1, 0, 1, 0, 1, 0], [0.9, 0.8, 0.7, 0.3, 0.3, 0.1], t).f1).toBeCloseTo(
      0.75,
      12,
    );
    expect(chooseThreshold([0, 0], [0.2, 0.4])).toBe(0.5);
  });
});

describe('bootstrapMetrics', () => {
  function sample(n: number, seed: number) {
    const rng = mulberry32(seed);
    const t = Array.from({ length: n }, () => 50 + 15 * randNormal(rng));
    const p = t.map((v) => v + 8 * randNormal(rng));
    return { t, p };
  }
  it('brackets the point estimate, skips non-numeric fields and replays by seed', () => {
    const { t, p } = sample(200, 1);
    const ci = bootstrapMetrics(t, p, regressionMetrics, { iterations: 300, seed: 4 });
    for (const k of ['mse', 'rmse', 'mae', 'r2', 'spearman', 'within5', 'within10'] as const) {
      expect(ci[k].lo).toBeLessThanOrEqual(ci[k].value);
      expect(ci[k].hi).toBeGreaterThanOrEqual(ci[k].value);
      expect(ci[k].hi).toBeGreaterThan(ci[k].lo);
    }
    expect(ci.mae.value).toBe(regressionMetrics(t, p).mae);
    expect(bootstrapMetrics(t, p, regressionMetrics, { iterations: 300, seed: 4 })).toEqual(ci);
    const cls = bootstrapMetrics(
      [1, 0, 1, 0, 1, 0, 1, 1],
      [0.9, 0.2, 0.6, 0.4, 0.7, 0.5, 0.3, 0.8],
      classificationMetrics,
      { iterations: 50 },
    );
    expect('confusion' in cls).toBe(false);
    expect(cls.rocAuc.value).toBeGreaterThan(0.5);
  });
  it('narrows with n like 1/sqrt(n), and matches the normal interval of a mean', () => {
    const width = (n: number) => {
      const { t, p } = sample(n, 2);
      const ci = bootstrapMetrics(
        t,
        p,
        (a, b) => ({ meanError: b.reduce((s, v, i) => s + v - a[i]!, 0) / b.length }),
        { iterations: 1000, seed: 3 },
      );
      return ci.meanError.hi - ci.meanError.lo;
    };
    const w100 = width(100);
    const w1600 = width(1600);
    expect(w1600).toBeLessThan(w100 / 2.5); // 1/sqrt(16) = 1/4 expected
    // Errors are N(0, 8): a 95% interval of their mean is about 2 * 1.96 * 8 / sqrt(1600) = 0.784 wide.
    expect(w1600).toBeGreaterThan(0.784 * 0.8);
    expect(w1600).toBeLessThan(0.784 * 1.2);
  });
});
