/** Multilayer perceptron over the tabular features: the workhorse for track metadata and summary audio features. */
import * as tf from '@tensorflow/tfjs';
import { commonParams, head, makeInputs } from './common';
import { seedStream } from '../random';
import { type TowerParams, denseTower } from './tower';
import type { ModelDescriptor } from './types';

export type MlpParams = TowerParams & Record<string, unknown>;

export const mlp: ModelDescriptor<MlpParams> = {
  id: 'mlp',
  label: 'MLP (dense network)',
  description: 'Fully connected layers over the tabular features; strong on engineered or summary features.',
  tasks: ['regression', 'classification'],
  needs: ['tabular'],
  paramSchema: {
    hiddenUnits: {
      type: 'intList',
      label: 'Hidden layer sizes',
      min: 1,
      max: 1024,
      help: 'One width per layer, e.g. 64, 32.',
    },
    ...commonParams,
  },
  // Small and regularised: track tables are small and noisy (a few thousand rows), where wider nets overfit.
  defaults: { hiddenUnits: [32, 16], activation: 'relu', dropout: 0.2, batchNorm: false, l1: 0, l2: 0.001 },
  /** Shape: tabular [n, d] -> [n, outputUnits]. */
  build(ctx, params) {
    const next = seedStream(ctx.seed);
    const inputs = makeInputs(ctx.inputs, ['tabular'], 'MLP');
    const h = denseTower(inputs.tabular!, params, '', next);
    return tf.model({ inputs: inputs.all, outputs: head(h, ctx, next), name: 'mlp' });
  },
};
