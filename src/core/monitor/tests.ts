/**
 * The registry of drift tests: each entry says how to compute its score, its default threshold and which side
 * of the threshold means drift, all as in Evidently's legacy registry (Evidently 0.4.x,
 * evidently/calculations/stattests/*.py: StatTest default_threshold 0.05 unless stated; the comparison
 * operators are each test function's own; KS uses p <= threshold, chi-squared and z use p < threshold).
 */

import { chiSquareTest, zTest } from './categorical';
import { jensenShannonColumns, psiColumns, wassersteinNormed } from './distance';
import { ksTwoSample } from './ks';
import type { ColumnKind, DriftTestName } from './types';
import { type CategoryKey, numericValues } from './values';

/** What a test computes on two cleaned samples. */
export interface DriftScore {
  /** The statistic (D, chi-squared, z, or the distance). */
  statistic: number;
  /** The p-value, for hypothesis tests. */
  pValue?: number;
}

/** A registered drift test. */
export interface DriftTestDescriptor {
  id: DriftTestName;
  /** Human label, as Evidently displays it. */
  label: string;
  /** 'p_value': drift when the p-value is small; 'distance': drift when the distance is large. */
  scoreKind: 'p_value' | 'distance';
  /** Evidently's default threshold (significance level 0.05, or distance 0.1). */
  defaultThreshold: number;
  /** Evidently's decision rule for a score against a threshold. */
  drifted: (score: number, threshold: number) => boolean;
  /** Computes the statistic on cleaned values; numbers are required by ks and wasserstein. */
  compute: (
    reference: readonly CategoryKey[],
    current: readonly CategoryKey[],
    kind: ColumnKind,
  ) => DriftScore;
}

const pAtMost = (p: number, t: number): boolean => p <= t;
const pBelow = (p: number, t: number): boolean => p < t;
const atLeast = (d: number, t: number): boolean => d >= t;

/** Every test by name. */
export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestDescriptor>> = {
  ks: {
    id: 'ks',
    label: 'K-S p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    drifted: pAtMost,
    compute: (ref, cur) => {
      const r = ksTwoSample(numericValues(ref, 'ks reference'), numericValues(cur, 'ks current'));
      return { statistic: r.statistic, pValue: r.pValue };
    },
  },
  chisquare: {
    id: 'chisquare',
    label: 'chi-square p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    drifted: pBelow,
    compute: (ref, cur) => chiSquareTest(ref, cur),
  },
  z: {
    id: 'z',
    label: 'Z-test p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    drifted: pBelow,
    compute: (ref, cur) => zTest(ref, cur),
  },
  wasserstein: {
    id: 'wasserstein',
    label: 'Wasserstein distance (normed)',
    scoreKind: 'distance',
    defaultThreshold: 0.1,
    drifted: atLeast,
    compute: (ref, cur) => ({
      statistic: wassersteinNormed(
        numericValues(ref, 'wasserstein reference'),
        numericValues(cur, 'wasserstein current'),
      ),
    }),
  },
  jensenshannon: {
    id: 'jensenshannon',
    label: 'Jensen-Shannon distance',
    scoreKind: 'distance',
    defaultThreshold: 0.1,
    drifted: atLeast,
    compute: (ref, cur, kind) => ({ statistic: jensenShannonColumns(ref, cur, kind) }),
  },
  psi: {
    id: 'psi',
    label: 'PSI',
    scoreKind: 'distance',
    defaultThreshold: 0.1,
    drifted: atLeast,
    compute: (ref, cur, kind) => ({ statistic: psiColumns(ref, cur, kind) }),
  },
};
