/** The set-up a fresh studio starts from, and the idle run view. */
import type { SplitConfig } from '../../core/split';
import type { TrainConfig } from '../../core/train';
import type { RunView, Setup } from '../types';

export const defaultSplit: SplitConfig = { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 42 };
export const defaultTrain: TrainConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 60,
  patience: 10,
  seed: 42,
};

export const initialSetup: Setup = {
  task: 'regression',
  features: [],
  types: [],
  split: defaultSplit,
  modelId: 'mlp',
  modelParams: {},
  train: defaultTrain,
  backend: 'auto',
  guardLeakage: true,
  specOverrides: [],
};

export const idleRun: RunView = {
  status: 'idle',
  epochs: [],
  totalEpochs: 0,
  warnings: [],
  cancelRequested: false,
};
