/** LSTM and GRU models over frame sequences [frames, coeffs]: order-aware summaries of a clip. */
import * as tf from '@tensorflow/tfjs';
import { type Activation, commonParams, head, makeInputs, preHead } from './common';
import { seedStream } from '../random';
import { type Cell, type RnnParams, rnnBranch } from './recurrent';
import type { ModelDescriptor, ParamSchema } from './types';

export type RnnModelParams = RnnParams & { denseUnits: number; activation: Activation } & Record<
    string,
    unknown
  >;

/** Schema entries for recurrent stacks. */
export const rnnSchema: ParamSchema = {
  units: {
    type: 'intList',
    label: 'Units per recurrent layer',
    min: 1,
    max: 512,
    help: 'Stacked layers, e.g. 64, 32.',
  },
  bidirectional: {
    type: 'bool',
    label: 'Bidirectional',
    help: 'Read each clip forwards and backwards (2x the cost).',
  },
  dropout: { ...commonParams.dropout, help: 'Between recurrent layers and before the head.' },
  denseUnits: { type: 'int', label: 'Dense units before the head', min: 0, max: 512, help: '0 = none.' },
  activation: { ...commonParams.activation, label: 'Dense activation' },
};

function rnnModel(cell: Cell, label: string, description: string): ModelDescriptor<RnnModelParams> {
  return {
    id: cell,
    label,
    description,
    tasks: ['regression', 'classification'],
    needs: ['sequence'],
    paramSchema: rnnSchema,
    defaults: { units: [64], bidirectional: false, dropout: 0.1, denseUnits: 32, activation: 'relu' },
    /** Shape: sequence [n, frames, coeffs] -> [n, outputUnits]. */
    build(ctx, p) {
      const next = seedStream(ctx.seed);
      const inputs = makeInputs(ctx.inputs, ['sequence'], label);
      const h = rnnBranch(inputs.sequence!, cell, p, '', next);
      const z = preHead(h, p.denseUnits, p.activation, p.dropout, 'head_', next);
      return tf.model({ inputs: inputs.all, outputs: head(z, ctx, next), name: cell });
    },
  };
}

export const lstm = rnnModel(
  'lstm',
  'LSTM (frame sequences)',
  'Long short-term memory layers over the frames; the last state feeds the head.',
);
export const gru = rnnModel(
  'gru',
  'GRU (frame sequences)',
  'Gated recurrent units: like the LSTM with fewer parameters, often as good.',
);
