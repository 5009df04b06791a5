/**
 * Sequence models learn a temporal order pattern (fixtures.orderSequences) whose per-channel frame averages are the
 * same in both classes, so an MLP on averaged frames stays near chance.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, averageFrames, orderSequences } from '../../test-support/models/fixtures';
import type { InputSpec } from './index';
import { cfg, fit } from '../../test-support/models/learnKit';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const F = 8;
const C = 3;
const seqTrain = orderSequences(192, F, C, 1);
const seqVal = orderSequences(96, F, C, 2);
const seqSpec: InputSpec = { sequence: { frames: F, coeffs: C } };

describe('sequence models detect a temporal order an MLP on averaged frames cannot', () => {
  it('1D CNN solves it; MLP on frame averages stays near chance', async () => {
    const conv = {
      filters: [8],
      kernelSize: 3,
      denseUnits: 0,
      batchNorm: false,
      dropout: 0,
      globalPool: 'max',
    };
    const cnn = await fit(
      'cnn1d',
      conv,
      seqSpec,
      'classification',
      seqTrain,
      seqVal,
      cfg({ epochs: 8, learningRate: 0.02 }),
    );
    expect(cnn.after).toBeLessThan(cnn.before * 0.5);
    expect(accuracy(cnn.p, seqVal.y)).toBeGreaterThan(0.9);
    const avgTrain = averageFrames(seqTrain);
    const avgVal = averageFrames(seqVal);
    const mlp = await fit(
      'mlp',
      { hiddenUnits: [16], dropout: 0 },
      { tabular: C },
      'classification',
      avgTrain,
      avgVal,
      cfg({ epochs: 8, learningRate: 0.02 }),
    );
    expect(accuracy(mlp.p, avgVal.y)).toBeLessThan(0.7);
  });

  for (const id of ['lstm', 'gru']) {
    it(`${id} lowers the loss and beats chance`, async () => {
      const r = await fit(
        id,
        { units: [8], denseUnits: 0, dropout: 0 },
        seqSpec,
        'classification',
        seqTrain,
        seqVal,
        cfg({ epochs: 6, learningRate: 0.03 }),
      );
      expect(r.after).toBeLessThan(r.before * 0.8);
      expect(accuracy(r.p, seqVal.y)).toBeGreaterThan(0.7);
    });
  }

  it('stacked bidirectional LSTM trains', async () => {
    const small = orderSequences(96, F, C, 5);
    const r = await fit(
      'lstm',
      { units: [4, 4], bidirectional: true, denseUnits: 0, dropout: 0.1 },
      seqSpec,
      'classification',
      small,
      seqVal,
      cfg({ epochs: 3, learningRate: 0.03 }),
    );
    expect(r.after).toBeLessThan(r.before);
  });
});
