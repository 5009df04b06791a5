/** Convolution stacks over frame sequences (1D) and spectrogram patches (2D), reused by CNN, CRNN and fusion. */
import * as tf from '@tensorflow/tfjs';
import { type Activation, SeededDropout, activate, checkWidths, glorot } from './common';

export interface ConvParams {
  filters: number[];
  kernelSize: number;
  poolSize: number;
  activation: Activation;
  batchNorm: boolean;
  dropout: number;
  globalPool: 'avg' | 'max';
}

function checkConv(p: ConvParams): number[] {
  const filters = checkWidths(p.filters, 'Filters per block');
  if (!Number.isInteger(p.kernelSize) || p.kernelSize < 1)
    throw new Error(`Kernel size must be a whole number >= 1, got ${p.kernelSize}.`);
  if (!Number.isInteger(p.poolSize) || p.poolSize < 1)
    throw new Error(`Pool size must be a whole number >= 1, got ${p.poolSize}.`);
  return filters;
}

/** One block's tail: batch norm, activation, dropout. */
function blockTail(h: tf.SymbolicTensor, p: ConvParams, prefix: string, k: number): tf.SymbolicTensor {
  if (p.batchNorm)
    h = tf.layers.batchNormalization({ name: `${prefix}bn${k}` }).apply(h) as tf.SymbolicTensor;
  h = activate(h, p.activation, `${prefix}act${k}`);
  return h;
}

function drop(
  h: tf.SymbolicTensor,
  p: ConvParams,
  prefix: string,
  k: number,
  next: () => number,
): tf.SymbolicTensor {
  if (!(p.dropout > 0)) return h;
  return new SeededDropout({ rate: p.dropout, seed: next(), name: `${prefix}drop${k}` }).apply(
    h,
  ) as tf.SymbolicTensor;
}

/**
 * Conv1D blocks (same padding) with max pooling over time while the sequence is long enough.
 * Shape: [n, frames, coeffs] -> [n, frames / pool^blocks, lastFilters].
 */
export function conv1dStack(
  x: tf.SymbolicTensor,
  p: ConvParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  let h = x;
  checkConv(p).forEach((filters, i) => {
    const k = i + 1;
    h = tf.layers
      .conv1d({
        filters,
        kernelSize: p.kernelSize,
        padding: 'same',
        useBias: !p.batchNorm,
        kernelInitializer: glorot(next),
        name: `${prefix}conv${k}`,
      })
      .apply(h) as tf.SymbolicTensor;
    h = blockTail(h, p, prefix, k);
    const steps = h.shape[1] ?? 0;
    if (p.poolSize > 1 && steps >= p.poolSize) {
      h = tf.layers
        .maxPooling1d({ poolSize: p.poolSize, name: `${prefix}pool${k}` })
        .apply(h) as tf.SymbolicTensor;
    }
    h = drop(h, p, prefix, k, next);
  });
  return h;
}

/** 1D CNN branch: conv1dStack then global average / max pooling over time. Shape: [n, frames, coeffs] -> [n, lastFilters]. */
export function conv1dBranch(
  x: tf.SymbolicTensor,
  p: ConvParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  const h = conv1dStack(x, p, prefix, next);
  const pool =
    p.globalPool === 'max'
      ? tf.layers.globalMaxPooling1d({ name: `${prefix}gpool` })
      : tf.layers.globalAveragePooling1d({ name: `${prefix}gpool` });
  return pool.apply(h) as tf.SymbolicTensor;
}

/**
 * Conv2D blocks (same padding, kernel k x k) with max pooling on each axis still longer than the pool.
 * Shape: [n, mels, frames, 1] -> [n, mels', frames', lastFilters].
 */
export function conv2dStack(
  x: tf.SymbolicTensor,
  p: ConvParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  let h = x;
  checkConv(p).forEach((filters, i) => {
    const k = i + 1;
    h = tf.layers
      .conv2d({
        filters,
        kernelSize: p.kernelSize,
        padding: 'same',
        useBias: !p.batchNorm,
        kernelInitializer: glorot(next),
        name: `${prefix}conv${k}`,
      })
      .apply(h) as tf.SymbolicTensor;
    h = blockTail(h, p, prefix, k);
    const py = (h.shape[1] ?? 0) >= p.poolSize ? p.poolSize : 1;
    const px = (h.shape[2] ?? 0) >= p.poolSize ? p.poolSize : 1;
    if (py > 1 || px > 1) {
      h = tf.layers
        .maxPooling2d({ poolSize: [py, px], name: `${prefix}pool${k}` })
        .apply(h) as tf.SymbolicTensor;
    }
    h = drop(h, p, prefix, k, next);
  });
  return h;
}

/** 2D CNN branch: conv2dStack then global pooling. Shape: [n, mels, frames, 1] -> [n, lastFilters]. */
export function conv2dBranch(
  x: tf.SymbolicTensor,
  p: ConvParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  const h = conv2dStack(x, p, prefix, next);
  const pool =
    p.globalPool === 'max'
      ? tf.layers.globalMaxPooling2d({ name: `${prefix}gpool` })
      : tf.layers.globalAveragePooling2d({ name: `${prefix}gpool` });
  return pool.apply(h) as tf.SymbolicTensor;
}
