/**
 * Encore's histogram gradient-boosted trees: a from-scratch TypeScript take on scikit-learn's
 * HistGradientBoostingRegressor / Classifier (same binning, leaf-wise growth, defaults and early
 * stopping), shown as a baseline beside the deep models. Models are plain JSON.
 */
export { fitGbt, shouldStop, type FitGbtOptions } from './fit';
export { predictGbt, predictRaw } from './predict';
export { fitGbtBaseline, type GbtBaseline } from './baseline';
export { featureThresholds, fitBinThresholds, binOf, binMatrix } from './binning';
export { gainImportances } from './importance';
export { holdOutRows, type HoldOut } from './validationSplit';
export { GBT_DEFAULTS, type GbtParams, type GbtModel, type GbtTree, type GbtValidation } from './types';
