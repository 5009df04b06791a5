import { describe, expect, it } from 'vitest';
import { erf, erfc } from './erf';
import { logGaussMass, logNdtr, truncnormLogPdf, truncnormPpf } from './truncnorm';

// Reference values from SciPy 1.10 (scipy.special.erf/erfc/log_ndtr, scipy.stats.truncnorm).
const xs = [-30, -8, -3, -1.1, -0.5, -1e-10, 0, 0.3, 0.9, 1.2, 2, 4, 6.5];
const erfRef = [
  -1.0, -1.0, -0.9999779095030014, -0.8802050695740817, -0.5204998778130465, -1.1283791670955126e-10, 0.0,
  0.3286267594591274, 0.7969082124228322, 0.9103139782296353, 0.9953222650189527, 0.9999999845827421, 1.0,
];
const erfcRef = [
  2.0, 2.0, 1.9999779095030015, 1.8802050695740817, 1.5204998778130465, 1.000000000112838, 1.0,
  0.6713732405408726, 0.20309178757716784, 0.08968602177036462, 0.004677734981047266, 1.541725790028002e-8,
  3.842148327120647e-20,
];

const rel = (a: number, b: number): number => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('erf / erfc', () => {
  it('match SciPy to ~1e-14 relative, tails included', () => {
    xs.forEach((x, i) => {
      expect(rel(erf(x), erfRef[i]!)).toBeLessThan(1e-14);
      expect(rel(erfc(x), erfcRef[i]!)).toBeLessThan(1e-13);
    });
  });
});

describe('truncated normal', () => {
  it('logNdtr matches SciPy, including the asymptotic left tail', () => {
    const as = [-40, -25, -19, -5, -1, 0, 1, 5, 7];
    const ref = [
      -804.6084420137539, -316.63940800802027, -184.36612866916096, -15.064998393988727, -1.841021645009264,
      -0.6931471805599453, -0.17275377902344985, -2.8665161296376305e-7, -1.2798125438866539e-12,
    ];
    as.forEach((a, i) => expect(rel(logNdtr(a), ref[i]!)).toBeLessThan(1e-12));
  });

  it('logGaussMass is accurate on each side and in both tails', () => {
    const cases: [number, number, number][] = [
      [-3, -1, -1.8495664205476081],
      [1, 2, -1.9957982691807552],
      [-0.5, 0.7, -0.7996220745713244],
      [8, 9, -35.01361859343715],
      [-40, -39, -765.0831565643776],
    ];
    for (const [a, b, ref] of cases) expect(rel(logGaussMass(a, b), ref)).toBeLessThan(1e-10);
  });

  it('ppf matches scipy.stats.truncnorm.ppf, far tails included', () => {
    const cases: [number, number, number, number][] = [
      [0.3, -1, 2, -0.24240381788922707],
      [0.01, -5, -4, -4.855473369069108],
      [0.99, 3, 9, 4.197414437605669],
      [0.5, -0.2, 0.1, -0.04944065740603939],
      [0.7, -30, -25, -25.014240236451283],
    ];
    for (const [q, a, b, ref] of cases) expect(truncnormPpf(q, a, b)).toBeCloseTo(ref, 10);
  });

  it('logpdf (normalized) matches scipy.stats.truncnorm.logpdf with loc and scale', () => {
    expect(truncnormLogPdf(0.2, -1, 2, 0.5, 2, undefined, true)).toBeCloseTo(-1.4231694194401552, 12);
    expect(truncnormLogPdf(3.0, -1, 2, 0.5, 2, undefined, true)).toBeCloseTo(-2.193169419440155, 12);
    expect(truncnormLogPdf(-0.9, -0.5, 0.5, -1, 0.3, undefined, true)).toBeCloseTo(1.1893950492613299, 12);
    expect(truncnormLogPdf(5.0, -1, 2, 0.5, 2)).toBe(-Infinity);
  });

  it('by default leaves out -log(scale), as Optuna 3.1.0 does', () => {
    expect(truncnormLogPdf(0.2, -1, 2, 0.5, 2)).toBeCloseTo(-1.4231694194401552 + Math.log(2), 12);
  });
});
