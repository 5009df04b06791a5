/**
 * Hypothesis tests for categories and binary columns, as Evidently's legacy stat tests compute them
 * (evidently/calculations/stattests/chisquare_stattest.py and z_stattest.py, Evidently 0.4.x).
 */

import { chi2Sf, normalTwoSided } from './special';
import { type CategoryKey, accurateSum, countValues, distinctCount, unionKeys } from './values';

/** A test statistic with its two-sided p-value. */
export interface TestStatistic {
  /** The statistic (chi-squared, or z in standard errors). */
  statistic: number;
  /** p-value in [0, 1]; NaN where SciPy gives NaN. */
  pValue: number;
}

/**
 * Pearson's chi-squared goodness of fit of the current counts against the reference proportions:
 * over every category seen on either side, expected = reference count × (n_current / n_reference), then
 * scipy.stats.chisquare(observed, expected) with k - 1 degrees of freedom.
 *
 * A category unseen in the reference has expected count 0, so (as in Evidently with SciPy) its term is
 * +Infinity: the statistic is Infinity and the p-value 0, i.e. a brand-new category always counts as drift.
 * A category seen only in the reference simply contributes its expected count. With a single category in
 * all (0 degrees of freedom) the p-value is NaN, as SciPy's chi2.sf(0, 0).
 */
export function chiSquareTest(
  reference: readonly CategoryKey[],
  current: readonly CategoryKey[],
): TestStatistic {
  if (reference.length === 0 || current.length === 0) throw new RangeError('chiSquareTest: an empty sample');
  const rc = countValues(reference);
  const cc = countValues(current);
  const keys = unionKeys(rc, cc);
  const kNorm = current.length / reference.length;
  const terms = keys.map((k) => {
    const expected = (rc.get(k) ?? 0) * kNorm;
    const observed = cc.get(k) ?? 0;
    return (observed - expected) ** 2 / expected;
  });
  const statistic = terms.some((t) => t === Infinity) ? Infinity : accurateSum(terms);
  return { statistic, pValue: chi2Sf(statistic, keys.length - 1) };
}

/**
 * Two-sample proportion z-test (Evidently's proportions_diff_z_stat_ind / proportions_diff_z_test): the
 * smallest value is class 0 and every other value class 1; z = (p_ref - p_cur) / sqrt(P (1 - P) (1/n1 + 1/n2))
 * with the pooled share P; p = 2 (1 - Φ(|z|)). When both samples hold the same single value the p-value is 1
 * and z is reported as 0 (Evidently computes no z then).
 */
export function zTest(reference: readonly CategoryKey[], current: readonly CategoryKey[]): TestStatistic {
  if (reference.length === 0 || current.length === 0) throw new RangeError('zTest: an empty sample');
  if (distinctCount(reference) === 1 && distinctCount(current) === 1 && reference[0] === current[0]) {
    return { statistic: 0, pValue: 1 };
  }
  const first = unionKeys(countValues(reference), countValues(current))[0]!;
  const ones = (values: readonly CategoryKey[]): number =>
    values.reduce<number>((acc, v) => acc + (v === first ? 0 : 1), 0);
  const n1 = reference.length;
  const n2 = current.length;
  const p1 = ones(reference) / n1;
  const p2 = ones(current) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { statistic: z, pValue: normalTwoSided(z) };
}
