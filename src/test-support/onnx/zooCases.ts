/**
 * The zoo configurations the ONNX exporter's tests build (every registry entry, plus the variants that reach the
 * other mappers: bidirectional and stacked recurrent layers, max pooling, every activation, both heads), random
 * inputs for them, and a weight perturbation so that zero biases, unit batch-norm statistics and zero wide
 * embeddings cannot hide a wrongly ordered or dropped weight.
 */
import * as tf from '@tensorflow/tfjs';
import { getModelDescriptor, modelRegistry } from '../../core/models';
import type { InputSpec, Task } from '../../core/models';
import { mulberry32 } from '../../core/random';
import type { Feed } from './ort';

/** Small inputs, as in the zoo's own tests. */
export const ZOO_SPEC: InputSpec = {
  tabular: 5,
  embeddings: [
    { name: 'artist', vocabSize: 30 },
    { name: 'genre', vocabSize: 6 },
  ],
  sequence: { frames: 16, coeffs: 4 },
  spectrogram: { mels: 8, frames: 16 },
};

export interface ZooCase {
  label: string;
  id: string;
  task: Task;
  units: number;
  params: Record<string, unknown>;
}

const c = (
  id: string,
  label: string,
  params: Record<string, unknown> = {},
  task: Task = 'regression',
  units = 1,
): ZooCase => ({
  label: `${id}: ${label}`,
  id,
  task,
  units,
  params,
});

/** Every registry entry with its defaults, then variants. */
export function zooCases(): ZooCase[] {
  const defaults = modelRegistry.map((d) => c(d.id, 'defaults'));
  return [
    ...defaults,
    c('mlp', 'batch norm, sigmoid head', { batchNorm: true }, 'classification', 1),
    c('mlp', 'softmax head', {}, 'classification', 3),
    ...['tanh', 'elu', 'selu', 'gelu', 'linear'].map((a) =>
      c('mlp', `${a} activation`, { activation: a, batchNorm: true }),
    ),
    c('wide-deep', 'no wide part, fixed embedding size', { wide: false, embeddingDim: 4, batchNorm: true }),
    c('cnn1d', 'max global pooling, no batch norm', { globalPool: 'max', batchNorm: false, kernelSize: 4 }),
    c('cnn2d', 'max global pooling, no batch norm', { globalPool: 'max', batchNorm: false, filters: [4, 8] }),
    c('lstm', 'stacked (returnSequences)', { units: [8, 6] }),
    c('lstm', 'bidirectional, stacked', { units: [6, 4], bidirectional: true }),
    c('gru', 'stacked', { units: [8, 6] }),
    c('gru', 'bidirectional, stacked', { units: [6, 4], bidirectional: true }, 'classification', 3),
    c('crnn', 'LSTM cell', { cell: 'lstm', rnnUnits: [8] }),
    c('crnn', 'bidirectional GRU, dense head', { bidirectional: true, rnnUnits: [6], denseUnits: 8 }),
    c('fusion-seq', 'LSTM branch', { audioBranch: 'lstm', audioWidths: [8] }),
    c('fusion-seq', 'bidirectional GRU branch', {
      audioBranch: 'gru',
      audioWidths: [6],
      bidirectional: true,
    }),
    c('fusion-spec', 'CRNN branch', { audioBranch: 'crnn', audioWidths: [4, 6] }),
  ];
}

/** Build a case's model (uncompiled, seed 1). */
export function buildCase(k: ZooCase): tf.LayersModel {
  const d = getModelDescriptor(k.id);
  return d.build(
    { inputs: ZOO_SPEC, task: k.task, outputUnits: k.units, seed: 1 },
    { ...d.defaults, ...k.params },
  );
}

/**
 * Overwrite every weight with seeded uniform noise in [-0.5, 0.5) (moving variances: [0.5, 1.5)), keeping shapes.
 */
export function perturbWeights(model: tf.LayersModel, seed: number): void {
  const rng = mulberry32(seed);
  for (const layer of model.layers) {
    const vars = layer.weights;
    if (vars.length === 0) continue;
    const next = vars.map((v) => {
      const shape = v.shape as number[];
      const n = shape.reduce((a, b) => a * b, 1);
      const positive = /moving_variance/.test(v.name);
      const data = Float32Array.from({ length: n }, () => (positive ? 0.5 + rng() : rng() - 0.5));
      return tf.tensor(data, shape);
    });
    layer.setWeights(next);
    next.forEach((t) => t.dispose());
  }
}

/** Random inputs for every model input (int32 ids inside each embedding's vocabulary), by input name. */
export function randomFeeds(model: tf.LayersModel, n: number, seed: number): Record<string, Feed> {
  const rng = mulberry32(seed);
  const feeds: Record<string, Feed> = {};
  let emb = 0;
  model.inputs.forEach((t, i) => {
    const shape = [n, ...t.shape.slice(1).map((d) => d ?? 1)];
    const size = shape.reduce((a, b) => a * b, 1);
    const name = model.inputNames[i]!;
    if (t.dtype === 'int32') {
      const vocab = ZOO_SPEC.embeddings![emb++]!.vocabSize;
      feeds[name] = { data: Int32Array.from({ length: size }, () => Math.floor(rng() * vocab)), shape };
    } else {
      feeds[name] = { data: Float32Array.from({ length: size }, () => 2 * (rng() - 0.5)), shape };
    }
  });
  return feeds;
}

/** tfjs's prediction for the feeds (inference mode). Shape: [n, outputUnits], row-major. */
export function tfjsPredict(model: tf.LayersModel, feeds: Record<string, Feed>): Float32Array {
  return tf.tidy(() => {
    const xs = model.inputNames.map((name) => {
      const f = feeds[name]!;
      return tf.tensor(f.data, f.shape, f.data instanceof Int32Array ? 'int32' : 'float32');
    });
    const y = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
    return Float32Array.from(y.dataSync());
  });
}
