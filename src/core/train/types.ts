/** The training engine's contract: plain data in (flat typed arrays), plain events and checkpoints out. */

/** One model input as a flat row-major array. `shape` is per row, e.g. [d] or [frames, coeffs]; [] for a code column. */
export interface ArrayInput {
  data: Float32Array | Int32Array;
  shape: number[];
}

/** Rows for training or validation. inputs follow the model's input order; y: [n] or [n, classes] row-major. */
export interface TrainSet {
  inputs: ArrayInput[];
  y: Float32Array;
  n: number;
}

export type OptimizerName = 'adam' | 'adamw' | 'rmsprop' | 'sgd';
export type LossName = 'mse' | 'mae' | 'huber' | 'bce' | 'cce';

/** Learning-rate schedule. step: lr *= factor every stepEvery epochs; cosine: anneal to ~0 over the run; plateau: lr *= factor after `patience` epochs without a better validation loss. */
export interface LrSchedule {
  type: 'none' | 'step' | 'cosine' | 'plateau';
  stepEvery?: number;
  factor?: number;
  patience?: number;
}

/**
 * How to train. patience 0 disables early stopping; with patience > 0 the best epoch's weights are restored at the
 * end. loss defaults from the head (sigmoid -> bce, softmax -> cce, else mse). weightDecay is decoupled (AdamW-style;
 * default 0.01 for 'adamw'). clipNorm clips gradients by global L2 norm. classWeights[k] weights rows of class k.
 */
export interface TrainConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  patience: number;
  seed: number;
  loss?: LossName;
  momentum?: number;
  weightDecay?: number;
  clipNorm?: number;
  schedule?: LrSchedule;
  classWeights?: number[];
}

/** After every batch. epoch is 1-based, batch 0-based; loss is that batch's training loss; elapsedMs since the run began. */
export interface BatchEvent {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
  elapsedMs: number;
}

/** After every epoch. loss: mean training loss (with regularisation); valLoss: validation loss (no regularisation); best: a new best valLoss. */
export interface EpochEvent {
  epoch: number;
  loss: number;
  valLoss: number;
  lr: number;
  elapsedMs: number;
  best: boolean;
}

/** A tensor as plain data (storable in IndexedDB, transferable between workers). */
export interface PlainTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/**
 * Everything needed to continue a run after a reload: weights in model.weights order, the best weights so far,
 * history, optimizer state and schedule counters. A resumed run continues at epoch + 1.
 */
export interface TrainCheckpoint {
  epoch: number;
  weights: PlainTensor[];
  bestWeights?: PlainTensor[];
  history: EpochEvent[];
  bestEpoch: number;
  bestValLoss: number;
  rngState?: number;
  optimizerState?: PlainTensor[];
  optimizerIterations?: number;
  lr?: number;
  wait?: number;
  plateauWait?: number;
}

export interface TrainCallbacks {
  onBatch?(e: BatchEvent): void;
  onEpoch?(e: EpochEvent): void | Promise<void>;
  /** Checked after every batch: return true to cancel within one batch. */
  shouldStop?(): boolean;
  /** Awaited after every batch: return a promise that resolves on resume to pause training (time paused is not counted in elapsedMs). */
  waitIfPaused?(): void | Promise<void>;
  onCheckpoint?(c: TrainCheckpoint): void | Promise<void>;
}

export interface TrainResult {
  history: EpochEvent[];
  bestEpoch: number;
  bestValLoss: number;
  stopReason: 'completed' | 'early-stopped' | 'cancelled' | 'diverged';
  message?: string;
}

export interface ModelSummary {
  layers: { name: string; type: string; outputShape: string; params: number }[];
  totalParams: number;
  trainableParams: number;
}
