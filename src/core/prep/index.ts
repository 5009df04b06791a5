/** Data preparation: profiling, defaults, and the fitted, serialisable preprocessing pipeline. */
export type { ColumnProfile, ProfileFlag } from './profile';
export { profileTable, profileColumn, histogram, pearson } from './profile';
export { inferColumnType } from './infer';
export { suggestTarget, suggestTask, defaultFeatures, LOW_CARDINALITY } from './suggest';
export type { TargetCandidate } from './suggest';
export type {
  FeatureSpec,
  PrepConfig,
  FittedPipeline,
  FittedFeature,
  FittedNumeric,
  FittedOneHot,
  FittedTargetEncoding,
  FittedEmbedding,
  FittedTarget,
} from './types';
export {
  fitPipeline,
  transformFeatures,
  transformTarget,
  inverseTarget,
  targetPresentRows,
  embeddingInputs,
  defaultEncoding,
} from './pipeline';
export { parseBoolean, parseDate, splitTokens } from './values';
export { findDuplicates, dedupe, type Duplicates, type Deduped } from './duplicates';
export { suggestFeatureSpecs } from './suggest';
