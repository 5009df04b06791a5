import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import type { AudioMatrices } from '../data/audioMatrices';
import { mulberry32, randNormal } from '../random';
import { runTestExperiment, type TestExperiment } from '../../test-support/experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 48 clips whose popularity follows the first MFCC coefficient's mean; 4 rows have no audio. */
function audioTable(): { table: Table; audio: AudioMatrices } {
  const n = 48;
  const rng = mulberry32(5);
  const frames = 128;
  const coeffs = 20;
  const mfcc = new Float32Array(n * frames * coeffs);
  const mel = new Float32Array(n * 128 * 128);
  const popularity: number[] = [];
  for (let r = 0; r < n; r++) {
    const level = (r % 8) * 10;
    popularity.push(20 + level);
    for (let t = 0; t < frames; t++)
      for (let c = 0; c < coeffs; c++)
        mfcc[(r * frames + t) * coeffs + c] = (c === 0 ? level : 0) + randNormal(rng);
    for (let i = 0; i < 128 * 128; i++) mel[r * 128 * 128 + i] = -40 + level / 4 + randNormal(rng);
  }
  const present = Uint8Array.from({ length: n }, (_, r) => (r < 44 ? 1 : 0));
  const table: Table = {
    rowCount: n,
    columns: [
      stringColumn(
        'file',
        Array.from({ length: n }, (_, r) => `clip${r}.wav`),
      ),
      numberColumn(
        'tempo',
        Array.from({ length: n }, () => 100 + 40 * rng()),
      ),
      numberColumn('popularity', popularity),
    ],
  };
  return { table, audio: { mfcc, frames, coeffs, mel, mels: 128, melFrames: 128, present } };
}

function input(modelId: string, audio?: AudioMatrices): TestExperiment {
  const { table } = audioTable();
  return {
    table,
    audio,
    prep: { target: 'popularity', task: 'regression', features: [{ name: 'tempo', type: 'number' }] },
    split: { method: 'random', train: 0.6, val: 0.2, test: 0.2, seed: 3 },
    modelId,
    modelParams: {},
    train: { optimizer: 'adam', learningRate: 0.01, batchSize: 16, epochs: 2, patience: 0, seed: 3 },
  };
}

describe('models that read audio matrices', () => {
  it('trains a 1D CNN on the MFCC frames, leaving out rows without audio', async () => {
    const { audio } = audioTable();
    const out = await runTestExperiment(input('cnn1d', audio));
    expect(out.sizes.train + out.sizes.val + out.sizes.test).toBe(44);
    expect(out.warnings.join(' ')).toMatch(/4 rows have no audio/);
    expect(out.history).toHaveLength(2);
    expect(Array.from(out.testPredicted).every(Number.isFinite)).toBe(true);
    expect(out.evaluation.importance.features).toEqual([]);
    expect(out.audioScaling?.mfccMean).toHaveLength(20);
  });

  it('says what to do when the model needs audio the table does not have', async () => {
    await expect(runTestExperiment(input('cnn1d'))).rejects.toThrow(/Audio panel/);
  });
});
