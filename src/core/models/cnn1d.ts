/** 1D CNN over frame sequences (MFCC or chroma frames [frames, coeffs]): local temporal patterns, pooled over time. */
import * as tf from '@tensorflow/tfjs';
import { type Activation, commonParams, head, makeInputs, preHead } from './common';
import { seedStream } from '../random';
import { type ConvParams, conv1dBranch } from './conv';
import type { ModelDescriptor, ParamSchema } from './types';

export type Cnn1dParams = ConvParams & { denseUnits: number } & Record<string, unknown>;

/** Schema entries shared by the 1D and 2D CNNs. */
export const convSchema: ParamSchema = {
  filters: {
    type: 'intList',
    label: 'Filters per block',
    min: 1,
    max: 256,
    help: 'One conv block per entry, e.g. 16, 32.',
  },
  kernelSize: { type: 'int', label: 'Kernel size', min: 1, max: 11, step: 1 },
  poolSize: { type: 'int', label: 'Pool size', min: 1, max: 4, step: 1, help: '1 = no pooling.' },
  globalPool: { type: 'enum', label: 'Global pooling', options: ['avg', 'max'] },
  denseUnits: { type: 'int', label: 'Dense units before the head', min: 0, max: 512, help: '0 = none.' },
  activation: commonParams.activation,
  batchNorm: commonParams.batchNorm,
  dropout: commonParams.dropout,
};

export const cnn1d: ModelDescriptor<Cnn1dParams> = {
  id: 'cnn1d',
  label: '1D CNN (frame sequences)',
  description:
    'Convolutions along time over MFCC / chroma frames, then global pooling; finds short motifs anywhere in a clip.',
  tasks: ['regression', 'classification'],
  needs: ['sequence'],
  paramSchema: convSchema,
  defaults: {
    filters: [32, 64],
    kernelSize: 5,
    poolSize: 2,
    globalPool: 'avg',
    denseUnits: 32,
    activation: 'relu',
    batchNorm: true,
    dropout: 0.1,
  },
  /** Shape: sequence [n, frames, coeffs] -> [n, outputUnits]. */
  build(ctx, p) {
    const next = seedStream(ctx.seed);
    const inputs = makeInputs(ctx.inputs, ['sequence'], '1D CNN');
    const h = conv1dBranch(inputs.sequence!, p, '', next);
    const z = preHead(h, p.denseUnits, p.activation as Activation, p.dropout, 'head_', next);
    return tf.model({ inputs: inputs.all, outputs: head(z, ctx, next), name: 'cnn1d' });
  },
};
