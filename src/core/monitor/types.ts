/**
 * Shared types of the drift tests (src/core/monitor). The test names are Evidently's stat-test names.
 */

/** Column kinds the tests distinguish. A binary column is one with at most two distinct values. */
export type ColumnKind = 'numerical' | 'categorical' | 'binary';

/** The drift tests, named as in Evidently's registry. */
export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi';

/** One column's drift verdict. */
export interface DriftTestResult {
  /** Which test ran. */
  test: DriftTestName;
  /** The test statistic: KS D, chi-squared, z, or the distance itself (Wasserstein in reference SDs, JS, PSI). */
  statistic: number;
  /** Two-sided p-value, for the hypothesis tests (ks, chisquare, z) only. */
  pValue?: number;
  /** What is compared with the threshold: the p-value for hypothesis tests, the distance otherwise. */
  score: number;
  /** The threshold used: a significance level for p-values, a distance otherwise. */
  threshold: number;
  /** Whether the column drifted by Evidently's rule for this test (see DRIFT_TESTS). */
  drifted: boolean;
}
