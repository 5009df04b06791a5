/**
 * Evaluation that tells the truth: metrics with bootstrap intervals, baselines trained on the
 * same split, permutation importance, partial dependence and plot data.
 */
export { regressionMetrics, spearman, pearson, averageRanks, lowerBound } from './regression';
export type { RegressionMetrics } from './regression';
export {
  classificationMetrics,
  chooseThreshold,
  rocAuc,
  averagePrecision,
  thresholdSweep,
} from './classification';
export type { ClassificationMetrics } from './classification';
export { bootstrapMetrics, quantileSorted } from './bootstrap';
export type { Interval, BootstrapOptions } from './bootstrap';
export { meanBaseline, fitLinearBaseline } from './baselines';
export type { LinearBaseline } from './baselines';
export { bestSingleFeatureRule } from './rule';
export type { SingleFeatureRule } from './rule';
export { permutationImportance, featureGroups, metricSpec, meanInterval } from './importance';
export type {
  PredictFn,
  MetricSpec,
  MetricName,
  FeatureGroup,
  ImportanceEntry,
  ImportanceResult,
  ImportanceOptions,
} from './importance';
export { partialDependence } from './dependence';
export type { PartialDependence, PartialDependenceOptions } from './dependence';
export {
  histogram,
  residualHistogram,
  predictedVsActual,
  residualVsFeature,
  calibrationBins,
  rocCurve,
  prCurve,
  wilson,
  sampleIndices,
} from './plots';
export type { HistogramBin, ResidualVsFeature, CalibrationBin } from './plots';
