/** Shared helpers for the zoo's learning tests (not used by the app). */
import { predictBatched, trainModel } from '../../core/train';
import type { TrainConfig, TrainResult, TrainSet } from '../../core/train';
import { getModelDescriptor } from '../../core/models';
import type { InputSpec, Task } from '../../core/models';

/** A small Adam config; override per test. */
export const cfg = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 4,
  patience: 0,
  seed: 3,
  ...over,
});

/**
 * Build model `id` (defaults overridden by params), measure its validation loss untrained, train it, and return
 * the loss before / after plus its predictions on val. before: an epoch at lr 1e-12 (weights effectively unchanged).
 */
export async function fit(
  id: string,
  params: Record<string, unknown>,
  inputs: InputSpec,
  task: Task,
  train: TrainSet,
  val: TrainSet,
  config: TrainConfig,
): Promise<{ before: number; after: number; p: Float32Array; r: TrainResult }> {
  const d = getModelDescriptor(id);
  const model = d.build({ inputs, task, outputUnits: 1, seed: 11 }, { ...d.defaults, ...params });
  try {
    const r0 = await trainModel(model, train, val, { ...config, epochs: 1, learningRate: 1e-12 });
    const before = r0.history[0]!.valLoss;
    const r = await trainModel(model, train, val, config);
    const p = predictBatched(model, val.inputs, val.n);
    return { before, after: r.history[r.history.length - 1]!.valLoss, p, r };
  } finally {
    model.dispose();
  }
}
