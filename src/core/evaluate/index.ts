/**
 * Evaluation that tells the truth: metrics with bootstrap intervals, baselines trained on the
 * same split, permutation importance, partial dependence and plot data.
 */
export { regressionMetrics, spearman, pearson, averageRanks } from './regression';
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
