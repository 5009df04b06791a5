/** The tuner's pure core: search spaces, validation, strategies behind one ask/tell study, schedulers, export. */
export * from './space';
export * from './validate';
export * from './trials';
export type { SampleContext, Strategy } from './strategy';
export { Study, StudyExhaustedError, type AskTell, type StudyOptions, type StudyState } from './study';
export {
  createStrategy,
  strategyDescriptors,
  type StrategyDescriptor,
  type StrategySpec,
} from './strategies';
export { gridSearch, enumerateGrid, gridValues, type GridOptions } from './grid';
export { randomSearch, sampleRandomParams, sampleUniform } from './randomSearch';
export { tpe, defaultGamma, defaultWeights, type TpeOptions } from './tpe/tpe';
export { AshaScheduler, type AshaJob, type AshaOptions, type AshaRung, type AshaState } from './asha';
export { shouldPrune, nanPercentile, type MedianPrunerOptions } from './medianPruner';
export { toOptunaJournal, optunaDistributionJson, JournalOp, type JournalOptions } from './journal';
export { CountingRng, type RngState } from './seededRng';
