/** Spectrogram models, wide & deep and fusion each learn a small generated problem they should solve. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainSet } from '../train';
import {
  accuracy,
  categorySet,
  joinSets,
  orderSequences,
  risingSpectrograms,
} from '../../test-support/models/fixtures';
import type { InputSpec } from './index';
import { cfg, fit } from '../../test-support/models/learnKit';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('spectrogram models detect a rising vs falling pattern', () => {
  const M = 6;
  const T = 10;
  const specTrain = risingSpectrograms(160, M, T, 3);
  const specVal = risingSpectrograms(96, M, T, 4);
  const spec: InputSpec = { spectrogram: { mels: M, frames: T } };
  it('2D CNN', async () => {
    const p = {
      filters: [6],
      kernelSize: 3,
      poolSize: 1,
      denseUnits: 0,
      batchNorm: false,
      dropout: 0,
      globalPool: 'max',
    };
    const r = await fit(
      'cnn2d',
      p,
      spec,
      'classification',
      specTrain,
      specVal,
      cfg({ epochs: 6, learningRate: 0.02 }),
    );
    expect(r.after).toBeLessThan(r.before * 0.7);
    expect(accuracy(r.p, specVal.y)).toBeGreaterThan(0.8);
  });
  it('CRNN', async () => {
    const p = { filters: [4], kernelSize: 3, poolSize: 2, rnnUnits: [8], batchNorm: true, dropout: 0 };
    const r = await fit(
      'crnn',
      p,
      spec,
      'classification',
      specTrain,
      specVal,
      cfg({ epochs: 5, learningRate: 0.02 }),
    );
    expect(r.after).toBeLessThan(r.before * 0.9);
  });
});

describe('wide & deep and fusion', () => {
  it('wide & deep learns per-category effects an MLP on the numbers cannot', async () => {
    const train = categorySet(320, 3, 12, 5);
    const val = categorySet(128, 3, 12, 6);
    const inputs: InputSpec = { tabular: 3, embeddings: [{ name: 'artist', vocabSize: 12 }] };
    const wd = await fit(
      'wide-deep',
      { embeddingDim: 4, hiddenUnits: [16], dropout: 0 },
      inputs,
      'regression',
      train,
      val,
      cfg({ epochs: 10, learningRate: 0.03 }),
    );
    const numbersOnly = (s: TrainSet): TrainSet => ({ ...s, inputs: [s.inputs[0]!] });
    const mlp = await fit(
      'mlp',
      { hiddenUnits: [16], dropout: 0 },
      { tabular: 3 },
      'regression',
      numbersOnly(train),
      numbersOnly(val),
      cfg({ epochs: 10, learningRate: 0.03 }),
    );
    expect(wd.after).toBeLessThan(0.5 * mlp.after);
  });

  it('fusion uses both the tabular and the audio branch', async () => {
    const F = 8;
    const C = 3;
    // Target = x0 (tabular) + order label (audio); either branch alone leaves var ~0.25 or ~1 unexplained.
    const tab = (n: number, seed: number): TrainSet => {
      const c = categorySet(n, 2, 1, seed);
      const x = c.inputs[0]!.data;
      return { inputs: [c.inputs[0]!], y: Float32Array.from({ length: n }, (_, i) => x[i * 2]!), n };
    };
    const train = joinSets(tab(192, 7), orderSequences(192, F, C, 1), 1);
    const val = joinSets(tab(96, 8), orderSequences(96, F, C, 2), 1);
    const inputs: InputSpec = { tabular: 2, sequence: { frames: F, coeffs: C } };
    const p = {
      tabularUnits: [8],
      audioBranch: 'cnn1d',
      audioWidths: [8],
      kernelSize: 3,
      fusionUnits: [8],
      dropout: 0,
      batchNorm: false,
    };
    const r = await fit(
      'fusion-seq',
      p,
      inputs,
      'regression',
      train,
      val,
      cfg({ epochs: 8, learningRate: 0.02 }),
    );
    expect(r.after).toBeLessThan(r.before * 0.5);
    expect(r.after).toBeLessThan(0.2);
  });
});

describe('memory', () => {
  it('tf.memory() stays flat across five runs of different zoo members', async () => {
    const seq = orderSequences(24, 6, 3, 1);
    const spec = risingSpectrograms(24, 4, 6, 2);
    const cat = categorySet(24, 2, 5, 3);
    const runs: [string, Record<string, unknown>, InputSpec, TrainSet][] = [
      [
        'gru',
        { units: [3, 3], bidirectional: true, dropout: 0.2 },
        { sequence: { frames: 6, coeffs: 3 } },
        seq,
      ],
      ['crnn', { filters: [2], rnnUnits: [3] }, { spectrogram: { mels: 4, frames: 6 } }, spec],
      [
        'wide-deep',
        { hiddenUnits: [4], batchNorm: true, dropout: 0.2 },
        { tabular: 2, embeddings: [{ name: 'a', vocabSize: 5 }] },
        cat,
      ],
      ['cnn1d', { filters: [3], denseUnits: 2 }, { sequence: { frames: 6, coeffs: 3 } }, seq],
      ['cnn2d', { filters: [2] }, { spectrogram: { mels: 4, frames: 6 } }, spec],
    ];
    const baseline = tf.memory().numTensors;
    const counts: number[] = [];
    for (const [id, p, inputs, set] of runs) {
      await fit(
        id,
        p,
        inputs,
        'classification',
        set,
        set,
        cfg({ epochs: 2, batchSize: 8, patience: 1, clipNorm: 1, optimizer: 'adamw' }),
      );
      counts.push(tf.memory().numTensors);
    }
    expect(counts).toHaveLength(5);
    expect(counts).toEqual(runs.map(() => baseline));
  });
});
