/** 2D CNN over log-mel spectrogram patches [mels, frames, 1]: timbre and rhythm textures in time-frequency. */
import * as tf from '@tensorflow/tfjs';
import { type Activation, head, makeInputs, preHead } from './common';
import { seedStream } from '../random';
import { convSchema } from './cnn1d';
import { type ConvParams, conv2dBranch } from './conv';
import type { ModelDescriptor } from './types';

export type Cnn2dParams = ConvParams & { denseUnits: number } & Record<string, unknown>;

export const cnn2d: ModelDescriptor<Cnn2dParams> = {
  id: 'cnn2d',
  label: '2D CNN (spectrogram)',
  description: 'k x k convolutions over log-mel patches with max pooling, then global pooling.',
  tasks: ['regression', 'classification'],
  needs: ['spectrogram'],
  paramSchema: convSchema,
  defaults: {
    filters: [16, 32, 64],
    kernelSize: 3,
    poolSize: 2,
    globalPool: 'avg',
    denseUnits: 32,
    activation: 'relu',
    batchNorm: true,
    dropout: 0.1,
  },
  /** Shape: spectrogram [n, mels, frames, 1] -> [n, outputUnits]. */
  build(ctx, p) {
    const next = seedStream(ctx.seed);
    const inputs = makeInputs(ctx.inputs, ['spectrogram'], '2D CNN');
    const h = conv2dBranch(inputs.spectrogram!, p, '', next);
    const z = preHead(h, p.denseUnits, p.activation as Activation, p.dropout, 'head_', next);
    return tf.model({ inputs: inputs.all, outputs: head(z, ctx, next), name: 'cnn2d' });
  },
};
