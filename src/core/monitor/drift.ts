/**
 * Column and dataset drift with Evidently's defaults: which test per column (registry.py
 * _get_default_stattest, Evidently 0.4.x), running it, and the dataset verdict (get_dataset_drift with
 * DataDriftPreset's drift_share = 0.5: drift when at least half the columns drift).
 */

import { DRIFT_TESTS } from './tests';
import type { ColumnKind, DriftTestName, DriftTestResult } from './types';
import { type DriftValue, cleanValues, distinctCount } from './values';

/** Evidently's reference size up to which hypothesis tests are used (above it, distances). */
export const SMALL_REFERENCE_ROWS = 1000;
/** Numbers with at most this many distinct values are tested as categories. */
export const MAX_DISCRETE_VALUES = 5;
/** Evidently's default share of drifted columns that makes the dataset drift. */
export const DEFAULT_DRIFT_SHARE = 0.5;

/**
 * Evidently's default test for a column. Distinct values are counted over reference and current together,
 * as Evidently does (pass `current` to match it exactly; without it only the reference is counted); the size
 * rule looks at the reference rows, both after dropping missing values.
 *
 * - reference <= 1000 rows: numbers with > 5 distinct values → 'ks'; anything with 3 to 5 values (and
 *   categories with more) → 'chisquare'; at most 2 values (binary) → 'z'.
 * - reference > 1000 rows: numbers with > 5 distinct values → 'wasserstein'; everything else → 'jensenshannon'.
 */
export function chooseTest(
  kind: ColumnKind,
  reference: ArrayLike<DriftValue>,
  current: ArrayLike<DriftValue> = [],
): DriftTestName {
  const ref = cleanValues(reference);
  const values = distinctCount(ref, cleanValues(current));
  const numerical = kind === 'numerical' && values > MAX_DISCRETE_VALUES;
  if (ref.length <= SMALL_REFERENCE_ROWS) {
    if (numerical) return 'ks';
    return values > 2 ? 'chisquare' : 'z';
  }
  return numerical ? 'wasserstein' : 'jensenshannon';
}

/**
 * Runs one drift test on a reference and a current sample (missing values dropped first) and applies
 * Evidently's rule against `threshold` (default: the test's, 0.05 or 0.1). `kind` only matters for the binned
 * tests (psi, jensenshannon): 'numerical' histograms columns with more than 20 distinct reference values;
 * by default it is 'numerical' when every value is a number. Throws a RangeError when a sample is empty after
 * cleaning, or when ks/wasserstein get text.
 */
export function runDriftTest(
  test: DriftTestName,
  reference: ArrayLike<DriftValue>,
  current: ArrayLike<DriftValue>,
  threshold?: number,
  kind?: ColumnKind,
): DriftTestResult {
  const descriptor = DRIFT_TESTS[test];
  const ref = cleanValues(reference);
  const cur = cleanValues(current);
  if (ref.length === 0)
    throw new RangeError(`${test}: the reference sample has no values (after dropping missing)`);
  if (cur.length === 0)
    throw new RangeError(`${test}: the current sample has no values (after dropping missing)`);
  const columnKind =
    kind ??
    (ref.every((v) => typeof v === 'number') && cur.every((v) => typeof v === 'number')
      ? 'numerical'
      : 'categorical');
  const { statistic, pValue } = descriptor.compute(ref, cur, columnKind);
  const score = descriptor.scoreKind === 'p_value' ? pValue! : statistic;
  const t = threshold ?? descriptor.defaultThreshold;
  const result: DriftTestResult = {
    test,
    statistic,
    score,
    threshold: t,
    drifted: descriptor.drifted(score, t),
  };
  if (pValue !== undefined) result.pValue = pValue;
  return result;
}

/** chooseTest then runDriftTest: a column's drift with Evidently's defaults. */
export function columnDrift(
  kind: ColumnKind,
  reference: ArrayLike<DriftValue>,
  current: ArrayLike<DriftValue>,
  threshold?: number,
): DriftTestResult {
  return runDriftTest(chooseTest(kind, reference, current), reference, current, threshold, kind);
}

/** The dataset verdict over its columns' results. */
export interface DatasetDrift {
  /** Whether the dataset drifted: share >= driftShare (false when there are no columns). */
  drifted: boolean;
  /** Number of drifted columns. */
  driftedColumns: number;
  /** Number of columns tested. */
  columns: number;
  /** driftedColumns / columns, in [0, 1] (0 with no columns). */
  share: number;
}

/** Dataset drift when at least `driftShare` (default 0.5) of the columns drift, as Evidently's get_dataset_drift. */
export function datasetDrift(
  results: readonly Pick<DriftTestResult, 'drifted'>[],
  driftShare = DEFAULT_DRIFT_SHARE,
): DatasetDrift {
  const columns = results.length;
  const driftedColumns = results.filter((r) => r.drifted).length;
  const share = columns === 0 ? 0 : driftedColumns / columns;
  return { drifted: columns > 0 && share >= driftShare, driftedColumns, columns, share };
}
