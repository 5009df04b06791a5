import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest';
import { defaultFeatures, profileTable, suggestTarget } from '../prep';
import { runExperiment } from './run';
import type { ExperimentInput } from './types';

const csv = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../../testdata/data/tabular', name)));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup(file: string, epochs: number): ExperimentInput {
  const { table } = ingestBytes(csv(file));
  const profiles = profileTable(table);
  const target = suggestTarget(profiles)!;
  const features: ExperimentInput['prep']['features'] = defaultFeatures(profiles, target).map((name) => ({
    name,
    type: profiles.find((p) => p.name === name)!.type,
  }));
  features.push({ name: 'artist', type: 'category', encoding: 'target' });
  return {
    table,
    prep: { target, task: 'regression', features },
    split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 2 },
    modelId: 'mlp',
    modelParams: {},
    train: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs, patience: 8, seed: 2 },
  };
}

describe('runExperiment on the real sample', () => {
  it('trains on top_hits and beats the mean baseline on held-out rows', async () => {
    const input = setup('top_hits_2000_2019.csv', 30);
    console.log(input.prep.features.map((f) => `${f.name}:${f.type}`).join(' '));
    const out = await runExperiment(input);
    console.log(out.metrics, out.stopReason, out.bestEpoch, out.featureNames.length);
    expect(out.sizes.test).toBeGreaterThan(250);
    expect(out.metrics.task).toBe('regression');
  });
});
