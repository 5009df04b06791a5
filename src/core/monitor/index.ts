/**
 * Monitoring: drift statistics between a reference sample (what the model was trained or validated on) and a
 * current sample (what it sees now), with Evidently's default test choice and thresholds. Pure TypeScript,
 * checked against SciPy in peer.test.ts (testdata/peers/scipy-drift.json).
 */

export type { ColumnKind, DriftTestName, DriftTestResult } from './types';
export type { CategoryKey, DriftValue } from './values';
export type { BinnedShares } from './binning';
export type { KsResult } from './ks';
export type { TestStatistic } from './categorical';
export type { DatasetDrift } from './drift';
export type { DriftTestDescriptor, DriftScore } from './tests';
export type { PsiBand } from './distance';

export {
  chooseTest,
  columnDrift,
  datasetDrift,
  runDriftTest,
  DEFAULT_DRIFT_SHARE,
  SMALL_REFERENCE_ROWS,
} from './drift';
export { DRIFT_TESTS } from './tests';
export { ksTwoSample, KS_MAX_EXACT_N } from './ks';
export { chiSquareTest, zTest } from './categorical';
export {
  jensenShannonColumns,
  jensenShannonDistance,
  psiBand,
  psiColumns,
  psiFromShares,
  wassersteinDistance,
  wassersteinNormed,
} from './distance';
export { binnedShares, sturgesEdges, histogramCounts } from './binning';
export { cleanValues } from './values';
export { kolmogorovSf } from './kolmogorov';
export { chi2Sf, normalCdf } from './special';
