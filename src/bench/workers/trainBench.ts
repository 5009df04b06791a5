/**
 * The training benchmark's models, data and timed loops. Models come from the app's registry
 * (getModelDescriptor) when it has them, else from plain tfjs layers of the same shape; training goes through
 * the app's own loop (trainModel), inference through predictBatched, so the figures are what a user gets.
 */
import * as tf from '@tensorflow/tfjs';
import { getModelDescriptor, type InputSpec } from '../../core/models';
import { mulberry32, randNormal } from '../../core/random';
import { predictBatched, trainModel, type TrainSet } from '../../core/train';
import type { BenchModelId, Caps, ModelRun } from '../types';

/** One benchmark model: the registry id, its input, the registry params, and batch sizes. */
export interface ModelSpec {
  id: BenchModelId;
  label: string;
  rowShape: number[];
  inputs: InputSpec;
  params: Record<string, unknown>;
  batch: number;
  /** Rows of generated training data (cycled through by epochs). */
  rows: number;
  inferBatch: number;
}

export const MODEL_SPECS: Record<BenchModelId, ModelSpec> = {
  mlp: {
    id: 'mlp',
    label: 'MLP 30-128-64-1',
    rowShape: [30],
    inputs: { tabular: 30 },
    params: { hiddenUnits: [128, 64], activation: 'relu', dropout: 0, batchNorm: false, l1: 0, l2: 0 },
    batch: 256,
    rows: 100_000,
    inferBatch: 1024,
  },
  cnn2d: {
    id: 'cnn2d',
    label: 'CNN 96x128 conv16-pool-conv32-pool-dense32',
    rowShape: [96, 128, 1],
    inputs: { spectrogram: { mels: 96, frames: 128 } },
    params: {
      filters: [16, 32],
      kernelSize: 3,
      poolSize: 2,
      globalPool: 'avg',
      denseUnits: 32,
      activation: 'relu',
      batchNorm: false,
      dropout: 0,
    },
    batch: 32,
    rows: 32 * 16,
    inferBatch: 32,
  },
  lstm: {
    id: 'lstm',
    label: 'LSTM(64) over 128x20',
    rowShape: [128, 20],
    inputs: { sequence: { frames: 128, coeffs: 20 } },
    params: { units: [64], bidirectional: false, dropout: 0, denseUnits: 0, activation: 'relu' },
    batch: 32,
    rows: 32 * 32,
    inferBatch: 32,
  },
};

/** The same architecture in plain tfjs layers, for when the registry has no entry for the id yet. */
function plainModel(spec: ModelSpec): tf.LayersModel {
  const m = tf.sequential();
  if (spec.id === 'mlp') {
    m.add(tf.layers.dense({ inputShape: [30], units: 128, activation: 'relu' }));
    m.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  } else if (spec.id === 'cnn2d') {
    m.add(
      tf.layers.conv2d({
        inputShape: [96, 128, 1],
        filters: 16,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
    );
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.globalAveragePooling2d({}));
    m.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  } else {
    m.add(tf.layers.lstm({ inputShape: [128, 20], units: 64 }));
  }
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

/** Build from the registry if it knows the id, else plain layers. Regression head, seed 1. */
export function buildModel(spec: ModelSpec): { model: tf.LayersModel; builtWith: string } {
  let d;
  try {
    d = getModelDescriptor(spec.id);
  } catch {
    return { model: plainModel(spec), builtWith: 'plain tfjs layers (not in the registry yet)' };
  }
  const model = d.build(
    { inputs: spec.inputs, task: 'regression', outputUnits: 1, seed: 1 },
    { ...d.defaults, ...spec.params },
  );
  return { model, builtWith: `registry '${spec.id}'` };
}

/** Seeded N(0,1) inputs and a target that depends on them (a learnable signal plus noise). */
export function makeData(spec: ModelSpec, seed = 7): TrainSet {
  const rng = mulberry32(seed);
  const size = spec.rowShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(spec.rows * size);
  for (let i = 0; i < x.length; i++) x[i] = randNormal(rng);
  const y = new Float32Array(spec.rows);
  for (let r = 0; r < spec.rows; r++) {
    let s = 0;
    for (let j = 0; j < Math.min(size, 30); j++) s += x[r * size + j]! * ((j % 5) - 2) * 0.2;
    y[r] = s + 0.1 * randNormal(rng);
  }
  return { inputs: [{ data: x, shape: spec.rowShape }], y, n: spec.rows };
}

/** Train with the app's loop until the caps say stop; steady-state samples/s after the warm-up batches. */
export async function timeTraining(
  model: tf.LayersModel,
  spec: ModelSpec,
  data: TrainSet,
  caps: Caps,
  onPartial: (p: Partial<ModelRun>) => void = () => {},
): Promise<Partial<ModelRun>> {
  const stamps: number[] = [];
  const losses: number[] = [];
  const t0 = performance.now();
  let lastPartial = 0;
  const figures = (): Partial<ModelRun> => {
    const measured = stamps.length - caps.warmup;
    const seconds = measured > 0 ? (stamps[stamps.length - 1]! - stamps[caps.warmup - 1]!) / 1000 : NaN;
    return {
      trainSamplesPerSec: measured > 0 ? (measured * spec.batch) / seconds : undefined,
      trainSteps: Math.max(0, measured),
      trainSeconds: seconds,
      firstStepSeconds: stamps.length > 0 ? (stamps[0]! - t0) / 1000 : undefined,
      lossFirst: losses[0],
      lossLast: losses[losses.length - 1],
    };
  };
  const before = tf.memory().numTensors;
  const result = await trainModel(
    model,
    data,
    { inputs: [{ data: new Float32Array(0), shape: spec.rowShape }], y: new Float32Array(0), n: 0 },
    { optimizer: 'adam', learningRate: 1e-3, batchSize: spec.batch, epochs: 10_000, patience: 0, seed: 1 },
    {
      onBatch: (e) => {
        const now = performance.now();
        stamps.push(now);
        losses.push(e.loss);
        if (now - lastPartial > 500) {
          lastPartial = now;
          onPartial(figures());
        }
      },
      shouldStop: () => {
        const measured = stamps.length - caps.warmup;
        if (measured < caps.minSteps) return false;
        return (
          measured >= caps.maxSteps ||
          performance.now() - stamps[caps.warmup - 1]! >= caps.trainSeconds * 1000
        );
      },
    },
  );
  return { ...figures(), stopReason: result.stopReason, leakedTensors: tf.memory().numTensors - before };
}

/** Batched prediction (the app's predictBatched) over the data, cycling, until inferSeconds pass. */
export function timeInference(
  model: tf.LayersModel,
  spec: ModelSpec,
  data: TrainSet,
  caps: Caps,
): Partial<ModelRun> {
  const a = data.inputs[0]!;
  const size = a.data.length / data.n;
  const chunk = Math.min(data.n, spec.inferBatch * caps.inferChunkBatches);
  const slice = (start: number) => [
    { data: a.data.subarray(start * size, (start + chunk) * size), shape: a.shape },
  ];
  predictBatched(
    model,
    [{ data: a.data.subarray(0, spec.inferBatch * size), shape: a.shape }],
    spec.inferBatch,
    spec.inferBatch,
  ); // warm-up
  let rows = 0;
  let start = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < caps.inferSeconds * 1000 && rows < Math.max(data.n, 3 * chunk) * 3) {
    predictBatched(model, slice(start), chunk, spec.inferBatch);
    rows += chunk;
    start = start + 2 * chunk > data.n ? 0 : start + chunk;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { inferRowsPerSec: rows / seconds, inferRows: rows, inferSeconds: seconds };
}
