/**
 * Fusion: a tabular branch (dense tower) and an audio branch (1D CNN, LSTM or GRU over frames; 2D CNN or CRNN over
 * spectrograms) concatenated before a shared tower and the head. Two entries because the audio input differs.
 */
import * as tf from '@tensorflow/tfjs';
import { type Activation, commonParams, head, makeInputs } from './common';
import { seedStream } from '../random';
import { type ConvParams, conv1dBranch, conv2dBranch } from './conv';
import { crnnBranch } from './crnn';
import { rnnBranch } from './recurrent';
import { denseTower } from './tower';
import type { ModelDescriptor } from './types';

export type FusionParams = {
  tabularUnits: number[];
  audioBranch: string;
  audioWidths: number[];
  kernelSize: number;
  bidirectional: boolean;
  fusionUnits: number[];
  activation: Activation;
  dropout: number;
  batchNorm: boolean;
} & Record<string, unknown>;

type AudioKind = 'sequence' | 'spectrogram';
const BRANCHES: Record<AudioKind, string[]> = {
  sequence: ['cnn1d', 'lstm', 'gru'],
  spectrogram: ['cnn2d', 'crnn'],
};

/** The audio branch chosen by params. Shape: audio input -> [n, features]. */
function audioBranch(
  x: tf.SymbolicTensor,
  kind: AudioKind,
  p: FusionParams,
  next: () => number,
): tf.SymbolicTensor {
  const conv: ConvParams = {
    filters: p.audioWidths,
    kernelSize: p.kernelSize,
    poolSize: 2,
    activation: p.activation,
    batchNorm: p.batchNorm,
    dropout: p.dropout,
    globalPool: 'avg',
  };
  if (!BRANCHES[kind].includes(p.audioBranch)) {
    throw new Error(
      `Audio branch "${p.audioBranch}" does not fit ${kind} input; choose one of ${BRANCHES[kind].join(', ')}.`,
    );
  }
  switch (p.audioBranch) {
    case 'cnn1d':
      return conv1dBranch(x, conv, 'audio_', next);
    case 'cnn2d':
      return conv2dBranch(x, conv, 'audio_', next);
    case 'crnn': {
      const widths = p.audioWidths;
      const crnn = {
        ...conv,
        filters: widths.slice(0, -1).length ? widths.slice(0, -1) : widths,
        cell: 'gru' as const,
        rnnUnits: widths.slice(-1),
        bidirectional: p.bidirectional,
        denseUnits: 0,
      };
      return crnnBranch(x, crnn, 'audio_', next);
    }
    default:
      return rnnBranch(
        x,
        p.audioBranch as 'lstm' | 'gru',
        { units: p.audioWidths, bidirectional: p.bidirectional, dropout: p.dropout },
        'audio_',
        next,
      );
  }
}

function fusionModel(kind: AudioKind): ModelDescriptor<FusionParams> {
  const id = kind === 'sequence' ? 'fusion-seq' : 'fusion-spec';
  const label = kind === 'sequence' ? 'Fusion (tabular + frame sequences)' : 'Fusion (tabular + spectrogram)';
  return {
    id,
    label,
    description: 'Track features and audio learned side by side, joined before the head.',
    tasks: ['regression', 'classification'],
    needs: ['tabular', kind],
    paramSchema: {
      tabularUnits: { type: 'intList', label: 'Tabular layer sizes', min: 1, max: 1024 },
      audioBranch: { type: 'enum', label: 'Audio branch', options: BRANCHES[kind] },
      audioWidths: {
        type: 'intList',
        label: 'Audio filters / units per layer',
        min: 1,
        max: 256,
        help: 'Conv filters per block, or recurrent units per layer (CRNN: filters then the recurrent width last).',
      },
      kernelSize: { type: 'int', label: 'Kernel size (convolutions)', min: 1, max: 11 },
      bidirectional: { type: 'bool', label: 'Bidirectional (recurrent)' },
      fusionUnits: {
        type: 'intList',
        label: 'Layers after joining',
        min: 1,
        max: 1024,
        help: 'Empty = straight to the head.',
      },
      activation: commonParams.activation,
      dropout: commonParams.dropout,
      batchNorm: commonParams.batchNorm,
    },
    defaults: {
      tabularUnits: [32],
      audioBranch: BRANCHES[kind][0]!,
      audioWidths: kind === 'sequence' ? [32, 64] : [16, 32],
      kernelSize: kind === 'sequence' ? 5 : 3,
      bidirectional: false,
      fusionUnits: [32],
      activation: 'relu',
      dropout: 0.1,
      batchNorm: true,
    },
    /** Shape: tabular [n, d] and the audio input -> [n, outputUnits]. */
    build(ctx, p) {
      const next = seedStream(ctx.seed);
      const inputs = makeInputs(ctx.inputs, ['tabular', kind], label);
      const tower = { activation: p.activation, dropout: p.dropout, batchNorm: p.batchNorm, l1: 0, l2: 0 };
      const tab = denseTower(inputs.tabular!, { ...tower, hiddenUnits: p.tabularUnits }, 'tab_', next);
      const audio = audioBranch((kind === 'sequence' ? inputs.sequence : inputs.spectrogram)!, kind, p, next);
      let z = tf.layers.concatenate({ name: 'fuse' }).apply([tab, audio]) as tf.SymbolicTensor;
      if (Array.isArray(p.fusionUnits) && p.fusionUnits.length > 0)
        z = denseTower(z, { ...tower, hiddenUnits: p.fusionUnits }, 'fuse_', next);
      return tf.model({ inputs: inputs.all, outputs: head(z, ctx, next), name: id.replace('-', '_') });
    },
  };
}

export const fusionSequence = fusionModel('sequence');
export const fusionSpectrogram = fusionModel('spectrogram');
