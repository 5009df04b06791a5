/** The training engine: our own loop over a tf.LayersModel, batched prediction and a model summary. */
export type {
  ArrayInput,
  BatchEvent,
  EpochEvent,
  LossName,
  LrSchedule,
  ModelSummary,
  OptimizerName,
  PlainTensor,
  TrainCallbacks,
  TrainCheckpoint,
  TrainConfig,
  TrainResult,
  TrainSet,
} from './types';
export { trainModel } from './loop';
export { predictBatched } from './data';
export { summarizeModel } from './summary';
export { computeLoss, defaultLoss } from './losses';
