import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import { ingestBytes } from '../ingest';
import {
  defaultFeatures,
  inverseTarget,
  profileTable,
  suggestTarget,
  transformFeatures,
  type FittedPipeline,
} from '../prep';
import { detectLeakage } from '../split';
import { predictBatched } from '../train';
import { artifactsToModel } from '../deploy/artifacts';
import { packBundle, unpackBundle } from '../deploy/zip';
import { ExperimentError } from './run';
import { runTestExperiment, type TestExperiment } from '../../test-support/experiment';

const csv = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../../testdata/data/tabular', name)));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setupFor(table: Table, epochs: number): TestExperiment {
  const profiles = profileTable(table);
  const target = suggestTarget(profiles)!;
  const features = defaultFeatures(profiles, target).map((name) => ({
    name,
    type: profiles.find((p) => p.name === name)!.type,
  }));
  return {
    table,
    prep: { target, task: 'regression', features },
    split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 7 },
    modelId: 'mlp',
    modelParams: { hiddenUnits: [16] },
    train: { optimizer: 'adam', learningRate: 0.003, batchSize: 64, epochs, patience: 0, seed: 7 },
  };
}

describe('runExperiment', () => {
  it('trains on the real sample, and the exported zip predicts exactly what the run measured', async () => {
    const { table } = ingestBytes(csv('top_hits_2000_2019.csv'));
    const input = setupFor(table, 3);
    const out = await runTestExperiment(input);
    expect(out.history).toHaveLength(3);
    expect(out.sizes.train + out.sizes.val + out.sizes.test + out.sizes.droppedNoTarget).toBe(2000);
    expect(out.testPredicted).toHaveLength(out.sizes.test);
    expect(out.metrics.task).toBe('regression');
    if (out.metrics.task === 'regression') expect(Number.isFinite(out.metrics.model.rmse)).toBe(true);

    // The bundle holds everything prediction needs: reload it and predict the test rows again.
    const zip = packBundle({ model: out.artifacts, preprocessing: out.pipeline, metrics: out.metrics });
    const back = unpackBundle(zip);
    const pipeline = back.preprocessing as FittedPipeline;
    const model = await artifactsToModel(back.model);
    const x = transformFeatures(pipeline, table, out.testRows);
    const again = inverseTarget(
      pipeline,
      predictBatched(model, [{ data: x.X, shape: [x.nFeatures] }], x.nRows),
    );
    model.dispose();
    for (let i = 0; i < again.length; i++) expect(again[i]).toBeCloseTo(out.testPredicted[i]!, 3);
  });

  it('keeps copies of a track on one side under a random split, and says so', async () => {
    // 60 tracks, each listed three times (once per playlist): a random split would leak them.
    const n = 180;
    const artist = Array.from({ length: n }, (_, i) => `Artist ${Math.floor(i / 3) % 20}`);
    const song = Array.from({ length: n }, (_, i) => `Song ${Math.floor(i / 3)}`);
    const energy = Array.from({ length: n }, (_, i) => (Math.floor(i / 3) * 37) % 100);
    const popularity = energy.map((e) => 20 + e * 0.5);
    const table: Table = {
      rowCount: n,
      columns: [
        stringColumn('artist', artist),
        stringColumn('song', song),
        numberColumn('energy', energy),
        numberColumn('popularity', popularity),
      ],
    };
    const input: TestExperiment = {
      ...setupFor(table, 1),
      prep: { target: 'popularity', task: 'regression', features: [{ name: 'energy', type: 'number' }] },
    };
    const guarded = await runTestExperiment(input);
    expect(guarded.splitNote).toMatch(/grouped by track/);
    expect(guarded.splitUsed.method).toBe('grouped');
    const parts = { train: guarded.trainRows, val: new Int32Array(0), test: guarded.testRows };
    expect(detectLeakage(table, parts, ['artist+song'])).toEqual([]);

    const unguarded = await runTestExperiment({ ...input, guardLeakage: false });
    expect(unguarded.splitNote).toBeUndefined();
    expect(unguarded.leakage.some((f) => f.column === 'artist+song')).toBe(true);
  });

  it('reports set-up mistakes as ExperimentErrors naming the control', async () => {
    const { table } = ingestBytes(csv('top_hits_2000_2019.csv'));
    const base = setupFor(table, 1);
    await expect(
      runTestExperiment({ ...base, prep: { ...base.prep, target: 'nope' } }),
    ).rejects.toMatchObject({
      field: 'target',
    });
    await expect(runTestExperiment({ ...base, prep: { ...base.prep, features: [] } })).rejects.toMatchObject({
      field: 'features',
    });
    await expect(
      runTestExperiment({ ...base, prep: { ...base.prep, target: 'song' } }),
    ).rejects.toBeInstanceOf(ExperimentError);
    const empty: Table = {
      rowCount: 20,
      columns: [numberColumn('popularity', Array(20).fill(NaN)), numberColumn('x', Array(20).fill(1))],
    };
    await expect(
      runTestExperiment({
        ...base,
        table: empty,
        prep: { target: 'popularity', task: 'regression', features: [{ name: 'x', type: 'number' }] },
      }),
    ).rejects.toThrow(/no values/);
  });
});

describe('runExperiment with learned embeddings', () => {
  // 40 artists with their own popularity level, plus a weak numeric feature: the artist is what matters.
  function artistTable(): Table {
    let s = 11;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const level = Array.from({ length: 40 }, () => 20 + 60 * rnd());
    const n = 1200;
    const artist: string[] = [];
    const energy = new Float64Array(n);
    const pop = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = Math.floor(rnd() * 40);
      artist.push(`artist ${a}`);
      energy[i] = rnd();
      pop[i] = level[a]! + 5 * energy[i]! + 2 * (rnd() - 0.5);
    }
    return {
      rowCount: n,
      columns: [
        stringColumn('artist', artist),
        numberColumn('energy', Array.from(energy)),
        numberColumn('popularity', Array.from(pop)),
      ],
    } as Table;
  }
  const base = (modelId: string, table: Table): TestExperiment => ({
    table,
    prep: {
      target: 'popularity',
      task: 'regression',
      features: [
        { name: 'artist', type: 'category' },
        { name: 'energy', type: 'number' },
      ],
    },
    split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 3 },
    modelId,
    modelParams: {},
    train: { optimizer: 'adam', learningRate: 0.01, batchSize: 64, epochs: 30, patience: 0, seed: 3 },
    guardLeakage: false,
  });

  it('wide & deep embeds the category columns, learns the artist effect and beats the mean', async () => {
    const out = await runTestExperiment(base('wide-deep', artistTable()));
    expect(out.warnings.join(' ')).toMatch(/Learned embeddings for artist/);
    expect(out.pipeline.features.some((f) => f.kind === 'embedding' && f.column === 'artist')).toBe(true);
    expect(out.summary.layers.some((l) => /emb/.test(l.name))).toBe(true);
    if (out.metrics.task !== 'regression') throw new Error('regression expected');
    expect(out.metrics.model.r2).toBeGreaterThan(0.8);
    expect(out.metrics.baseline.r2).toBeLessThan(0.05);
  }, 60000);

  it('a model without embeddings reads an embedding-encoded column through target encoding, and says so', async () => {
    const input = base('mlp', artistTable());
    input.prep.features[0] = { name: 'artist', type: 'category', encoding: 'embedding' };
    input.train.epochs = 3;
    const out = await runTestExperiment(input);
    expect(out.warnings.join(' ')).toMatch(/artist: this model learns no embeddings/);
    expect(out.featureNames).toContain('artist');
  }, 60000);

  it('wide & deep without any category feature asks for one', async () => {
    const input = base('wide-deep', artistTable());
    input.prep.features = [{ name: 'energy', type: 'number' }];
    await expect(runTestExperiment(input)).rejects.toThrow(/choose at least one category feature/);
  });
});
