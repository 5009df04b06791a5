/**
 * CRNN (Choi et al. 2017 style): a 2D convolution front end over the log-mel patch, then a recurrent layer reading
 * the pooled feature maps frame by frame.
 */
import * as tf from '@tensorflow/tfjs';
import { type Activation, commonParams, head, makeInputs, preHead } from './common';
import { seedStream } from '../random';
import { type ConvParams, conv2dStack } from './conv';
import { type Cell, rnnBranch } from './recurrent';
import type { ModelDescriptor } from './types';

export type CrnnParams = Omit<ConvParams, 'globalPool'> & {
  cell: Cell;
  rnnUnits: number[];
  bidirectional: boolean;
  denseUnits: number;
} & Record<string, unknown>;

/**
 * Conv front end, then time-major reshape and a recurrent stack.
 * Shape: [n, mels, frames, 1] -> conv [n, mels', frames', C] -> permute/reshape [n, frames', mels' * C] -> [n, units].
 */
export function crnnBranch(
  x: tf.SymbolicTensor,
  p: CrnnParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  const conv = conv2dStack(x, { ...p, globalPool: 'avg' }, prefix, next);
  const [, mels, frames, channels] = conv.shape as number[];
  const timeMajor = tf.layers
    .permute({ dims: [2, 1, 3], name: `${prefix}to_time` })
    .apply(conv) as tf.SymbolicTensor;
  const seq = tf.layers
    .reshape({ targetShape: [frames!, mels! * channels!], name: `${prefix}frames` })
    .apply(timeMajor) as tf.SymbolicTensor;
  return rnnBranch(
    seq,
    p.cell,
    { units: p.rnnUnits, bidirectional: p.bidirectional, dropout: p.dropout },
    prefix,
    next,
  );
}

export const crnn: ModelDescriptor<CrnnParams> = {
  id: 'crnn',
  label: 'CRNN (spectrogram)',
  description:
    'Convolutions find local time-frequency patterns; a GRU/LSTM then reads them in order over the clip.',
  tasks: ['regression', 'classification'],
  needs: ['spectrogram'],
  paramSchema: {
    filters: { type: 'intList', label: 'Conv filters per block', min: 1, max: 256 },
    kernelSize: { type: 'int', label: 'Kernel size', min: 1, max: 7, step: 1 },
    poolSize: { type: 'int', label: 'Pool size', min: 1, max: 4, step: 1 },
    cell: { type: 'enum', label: 'Recurrent cell', options: ['gru', 'lstm'] },
    rnnUnits: { type: 'intList', label: 'Recurrent units per layer', min: 1, max: 512 },
    bidirectional: { type: 'bool', label: 'Bidirectional' },
    denseUnits: { type: 'int', label: 'Dense units before the head', min: 0, max: 512, help: '0 = none.' },
    activation: commonParams.activation,
    batchNorm: commonParams.batchNorm,
    dropout: commonParams.dropout,
  },
  defaults: {
    filters: [16, 32],
    kernelSize: 3,
    poolSize: 2,
    cell: 'gru',
    rnnUnits: [32],
    bidirectional: false,
    denseUnits: 0,
    activation: 'relu',
    batchNorm: true,
    dropout: 0.1,
  },
  /** Shape: spectrogram [n, mels, frames, 1] -> [n, outputUnits]. */
  build(ctx, p) {
    const next = seedStream(ctx.seed);
    const inputs = makeInputs(ctx.inputs, ['spectrogram'], 'CRNN');
    const h = crnnBranch(inputs.spectrogram!, p, '', next);
    const z = preHead(h, p.denseUnits, p.activation as Activation, p.dropout, 'head_', next);
    return tf.model({ inputs: inputs.all, outputs: head(z, ctx, next), name: 'crnn' });
  },
};
