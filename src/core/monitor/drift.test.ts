/**
 * Hand-made cases: Evidently's default test choice, decision rules at the threshold, dataset drift, PSI bands,
 * cleaning of missing values, and a few statistics small enough to compute by hand.
 */

import { describe, expect, it } from 'vitest';
import { psiBand } from './distance';
import { chooseTest, columnDrift, datasetDrift, runDriftTest } from './drift';
import { ksTwoSample } from './ks';

const range = (n: number, f: (i: number) => number | string): (number | string)[] =>
  Array.from({ length: n }, (_, i) => f(i));

describe('chooseTest (Evidently defaults)', () => {
  const small = range(200, (i) => i * 0.37);
  const big = range(1500, (i) => i * 0.37);
  it('picks KS for numbers with more than 5 values up to 1,000 reference rows', () => {
    expect(chooseTest('numerical', small)).toBe('ks');
    expect(
      chooseTest(
        'numerical',
        range(1000, (i) => i),
      ),
    ).toBe('ks');
  });
  it('picks normed Wasserstein for numbers above 1,000 reference rows', () => {
    expect(chooseTest('numerical', big)).toBe('wasserstein');
    expect(
      chooseTest(
        'numerical',
        range(1001, (i) => i),
      ),
    ).toBe('wasserstein');
  });
  it('treats numbers with 3 to 5 values as categories, and 2 as binary', () => {
    expect(
      chooseTest(
        'numerical',
        range(300, (i) => i % 5),
      ),
    ).toBe('chisquare');
    expect(
      chooseTest(
        'numerical',
        range(300, (i) => i % 3),
      ),
    ).toBe('chisquare');
    expect(
      chooseTest(
        'numerical',
        range(300, (i) => i % 2),
      ),
    ).toBe('z');
    expect(
      chooseTest(
        'numerical',
        range(3000, (i) => i % 5),
      ),
    ).toBe('jensenshannon');
    expect(
      chooseTest(
        'numerical',
        range(3000, (i) => i % 6),
      ),
    ).toBe('wasserstein');
  });
  it('picks chi-squared / z for categories up to 1,000 rows, Jensen-Shannon above', () => {
    expect(
      chooseTest(
        'categorical',
        range(500, (i) => `g${i % 12}`),
      ),
    ).toBe('chisquare');
    expect(
      chooseTest(
        'categorical',
        range(500, (i) => (i % 2 ? 'yes' : 'no')),
      ),
    ).toBe('z');
    expect(
      chooseTest(
        'binary',
        range(500, (i) => (i % 2 ? 'yes' : 'no')),
      ),
    ).toBe('z');
    expect(
      chooseTest(
        'categorical',
        range(5000, (i) => `g${i % 12}`),
      ),
    ).toBe('jensenshannon');
    expect(
      chooseTest(
        'binary',
        range(5000, (i) => i % 2),
      ),
    ).toBe('jensenshannon');
  });
  it('counts distinct values over reference and current together, as Evidently', () => {
    const ref = range(100, (i) => i % 2);
    expect(chooseTest('numerical', ref)).toBe('z');
    expect(chooseTest('numerical', ref, [2, 3])).toBe('chisquare');
    expect(chooseTest('numerical', ref, [2, 3, 4, 5])).toBe('ks');
    expect(chooseTest('categorical', ['a', 'a', 'b'], ['c'])).toBe('chisquare');
  });
  it('sizes the reference after dropping missing values', () => {
    const ref = [...range(1000, (i) => i), null, NaN, undefined, Infinity];
    expect(chooseTest('numerical', ref)).toBe('ks');
  });
});

describe('runDriftTest', () => {
  it('computes small cases by hand', () => {
    // expected 2, 2; observed 3, 1: chi2 = 1/2 + 1/2 = 1, p = chi2.sf(1, 1) = erfc(1/sqrt 2)
    const chi = runDriftTest('chisquare', ['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'b']);
    expect(chi.statistic).toBeCloseTo(1, 14);
    expect(chi.pValue).toBeCloseTo(0.31731050786291415, 14);
    // |F diff| = 1 on [1, 2) -> W = 1; std([0, 1, 2]) = sqrt(2/3)
    const w = runDriftTest('wasserstein', [0, 1, 2], [1, 2, 3]);
    expect(w.statistic).toBeCloseTo(1 / Math.sqrt(2 / 3), 14);
    expect(w.drifted).toBe(true);
    // disjoint samples: D = 1, exact p = 2 / C(6, 3) = 0.1
    const ks = ksTwoSample([1, 2, 3], [4, 5, 6]);
    expect(ks).toMatchObject({ statistic: 1, method: 'exact', sign: 1, location: 3 });
    expect(ks.pValue).toBeCloseTo(0.1, 14);
  });

  it('follows Evidently at the threshold: KS p <= t, chi-squared / z p < t, distances >= t', () => {
    const ks = runDriftTest('ks', [1, 2, 3], [4, 5, 6], 0.1);
    expect(ks.pValue).toBeCloseTo(0.1, 14);
    expect(runDriftTest('ks', [1, 2, 3], [4, 5, 6], ks.pValue).drifted).toBe(true);
    const chi = runDriftTest('chisquare', ['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'b']);
    expect(runDriftTest('chisquare', ['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'b'], chi.pValue).drifted).toBe(
      false,
    );
    const js = runDriftTest('jensenshannon', ['a', 'b'], ['a', 'a']);
    expect(runDriftTest('jensenshannon', ['a', 'b'], ['a', 'a'], js.statistic).drifted).toBe(true);
  });

  it('reports the result shape with default thresholds', () => {
    const r = runDriftTest('z', ['no', 'no', 'yes'], ['yes', 'yes', 'no']);
    expect(r).toMatchObject({ test: 'z', threshold: 0.05 });
    expect(r.score).toBe(r.pValue);
    const d = runDriftTest('psi', [1, 2, 3], [1, 2, 2]);
    expect(d.threshold).toBe(0.1);
    expect(d.pValue).toBeUndefined();
    expect(d.score).toBe(d.statistic);
  });

  it('treats a category unseen in the reference as drift in the chi-squared test', () => {
    const r = runDriftTest('chisquare', ['a', 'b', 'a', 'b'], ['a', 'b', 'new']);
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(r.drifted).toBe(true);
  });

  it('drops missing values and refuses empty samples or text for numeric tests', () => {
    const clean = runDriftTest('ks', [1, 2, 3, 4], [2, 3, 4, 5]);
    expect(runDriftTest('ks', [1, null, 2, NaN, 3, 4, undefined], [2, 3, Infinity, 4, 5])).toEqual(clean);
    expect(() => runDriftTest('ks', [null, NaN], [1])).toThrow(/reference sample has no values/);
    expect(() => runDriftTest('wasserstein', [1, 2], ['a'])).toThrow(/text value "a"/);
  });

  it('columnDrift uses the default test', () => {
    expect(columnDrift('categorical', ['x', 'y', 'x'], ['x', 'x', 'x']).test).toBe('z');
  });
});

describe('datasetDrift and PSI bands', () => {
  it('drifts when at least half the columns drift', () => {
    const d = (...flags: boolean[]) => datasetDrift(flags.map((drifted) => ({ drifted })));
    expect(d(true, false)).toEqual({ drifted: true, driftedColumns: 1, columns: 2, share: 0.5 });
    expect(d(true, false, false).drifted).toBe(false);
    expect(d(true, true, false).drifted).toBe(true);
    expect(d().drifted).toBe(false);
    expect(datasetDrift([{ drifted: true }, { drifted: false }, { drifted: false }], 0.3).drifted).toBe(true);
  });
  it('bands PSI at 0.1 and 0.25', () => {
    expect(psiBand(0.0999)).toBe('stable');
    expect(psiBand(0.1)).toBe('moderate');
    expect(psiBand(0.2499)).toBe('moderate');
    expect(psiBand(0.25)).toBe('significant');
  });
});
