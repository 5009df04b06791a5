import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest';
import { profileTable, suggestTarget, defaultFeatures } from '../prep';
import {
  EXPERIMENT_VERSION,
  experimentJsonSchema,
  parseExperimentConfig,
  validateExperimentConfig,
  type ExperimentConfig,
} from './config';
import { configFromDraft, draftFromConfig, type ExperimentDraft } from './draft';
import { experimentJson, runOf } from './record';
import { runExperiment } from './run';

const root = path.resolve(__dirname, '../../..');
const sample = () =>
  ingestBytes(new Uint8Array(readFileSync(path.join(root, 'testdata/data/tabular/top_hits_2000_2019.csv'))));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The draft the studio would hold for the sample with its defaults (fewer epochs). */
function sampleDraft(table: ReturnType<typeof sample>['table']) {
  const profiles = profileTable(table);
  const target = suggestTarget(profiles)!;
  const draft: ExperimentDraft = {
    target,
    task: 'regression',
    features: defaultFeatures(profiles, target),
    types: profiles.map((p) => p.type),
    split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 11 },
    modelId: 'mlp',
    modelParams: {},
    train: { optimizer: 'adam', learningRate: 0.003, batchSize: 64, epochs: 4, patience: 0, seed: 5 },
    guardLeakage: true,
    specOverrides: [['energy', { scaling: 'robust' }]],
  };
  return { draft, profiles };
}

describe('ExperimentConfig', () => {
  it('runs from a config, saves experiment.json, validates it, replays it to identical metrics', async () => {
    const { table } = sample();
    const { draft, profiles } = sampleDraft(table);
    const config = configFromDraft(draft, table, profiles, 'top_hits_2000_2019.csv');
    expect(config.version).toBe(EXPERIMENT_VERSION);
    expect(config.data).toMatchObject({ rows: 2000, name: 'top_hits_2000_2019.csv' });
    expect(config.data.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(config.prep.features.find((f) => f.name === 'energy')?.scaling).toBe('robust');

    const first = runOf(await runExperiment(config, table), config, {
      runId: 'r1',
      createdAt: '2026-12-07T00:00:00Z',
      backend: 'cpu',
    }).result;
    const text = experimentJson(first);

    // Saved, read back, validated: the same config.
    const parsed = parseExperimentConfig(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config).toEqual(config);
    expect((JSON.parse(text) as { ran: { metrics: unknown } }).ran.metrics).toEqual(
      JSON.parse(JSON.stringify(first.metrics)),
    );

    // Opened against the same table (as the UI does), frozen again, run again: identical metrics.
    const { draft: back, notes } = draftFromConfig(
      parsed.config,
      sample().table,
      profiles.map((p) => p.type),
    );
    expect(notes).toEqual({ errors: [], warnings: [] });
    const replayConfig = configFromDraft(back, table, profiles, 'top_hits_2000_2019.csv');
    expect(replayConfig).toEqual(config);
    const replay = await runExperiment(replayConfig, table);
    expect(replay.metrics).toEqual(first.metrics);
    expect(Array.from(replay.testPredicted)).toEqual(Array.from(first.testPredicted));
  });

  it('uses the training seed for the weights: another training seed, same split, other predictions', async () => {
    const { table } = sample();
    const { draft, profiles } = sampleDraft(table);
    const a = configFromDraft({ ...draft, train: { ...draft.train, epochs: 1 } }, table, profiles, 's.csv');
    const b: ExperimentConfig = { ...a, train: { ...a.train, seed: 6 } };
    const [ra, rb] = [await runExperiment(a, table), await runExperiment(b, table)];
    expect(Array.from(ra.testRows)).toEqual(Array.from(rb.testRows));
    expect(Array.from(ra.testPredicted)).not.toEqual(Array.from(rb.testPredicted));
  });

  it('says when the data is not the data the experiment was made on', () => {
    const { table } = sample();
    const { draft, profiles } = sampleDraft(table);
    const config = configFromDraft(draft, table, profiles, 'top_hits.csv');
    const other = { ...table, rowCount: 1000, columns: table.columns.map((c) => sliceColumn(c, 1000)) };
    const { notes } = draftFromConfig(
      config,
      other,
      profiles.map((p) => p.type),
    );
    expect(notes.warnings.join(' ')).toMatch(/made on other data \(top_hits\.csv, 2000 rows/);
    const noTarget = { ...table, columns: table.columns.filter((c) => c.name !== config.prep.target) };
    expect(draftFromConfig(config, noTarget, []).notes.errors.join(' ')).toMatch(
      /target "popularity" is not in this table/,
    );
  });
});

function sliceColumn<C extends { kind: string }>(c: C, n: number): C {
  const x = c as unknown as { values?: Float64Array; codes?: Int32Array };
  return {
    ...c,
    ...(x.values ? { values: x.values.slice(0, n) } : {}),
    ...(x.codes ? { codes: x.codes.slice(0, n) } : {}),
  };
}

describe('validateExperimentConfig', () => {
  const valid = (): Record<string, unknown> => ({
    version: 1,
    data: { name: 'a.csv', hash: '0123456789abcdef', rows: 10, columns: [{ name: 'x', kind: 'number' }] },
    prep: { target: 'y', task: 'regression', features: [{ name: 'x', type: 'number' }] },
    split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 1 },
    guardLeakage: true,
    modelId: 'mlp',
    modelParams: {},
    train: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 10, patience: 3, seed: 42 },
  });

  it('accepts a valid config', () => {
    expect(validateExperimentConfig(valid())).toMatchObject({ ok: true });
  });
  it('names a missing field', () => {
    const c = valid();
    delete (c.split as Record<string, unknown>).seed;
    expect(validateExperimentConfig(c)).toEqual({ ok: false, message: 'split.seed is missing.' });
    const d = valid();
    delete d.modelId;
    expect(validateExperimentConfig(d)).toEqual({ ok: false, message: 'modelId is missing.' });
  });
  it('names a field of the wrong type', () => {
    const c = valid();
    (c.train as Record<string, unknown>).learningRate = 'fast';
    expect(validateExperimentConfig(c)).toEqual({
      ok: false,
      message: 'train.learningRate must be a number, found "fast".',
    });
    const d = valid();
    (d.prep as { features: unknown[] }).features = [{ name: 'x', type: 'colour' }];
    expect(validateExperimentConfig(d)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^prep\.features\[0\]\.type must be one of/),
    });
    const e = valid();
    (e.train as Record<string, unknown>).epochs = 2.5;
    expect(validateExperimentConfig(e)).toEqual({
      ok: false,
      message: 'train.epochs must be an integer, found 2.5.',
    });
  });
  it('refuses a newer version with a message to update', () => {
    expect(validateExperimentConfig({ ...valid(), version: 2 })).toEqual({
      ok: false,
      message: 'This experiment has version 2, newer than this Encore reads (1); update Encore to open it.',
    });
  });
  it('refuses unknown fields, bad JSON and impossible splits', () => {
    expect(validateExperimentConfig({ ...valid(), colour: 'red' })).toEqual({
      ok: false,
      message: 'colour is not a known field.',
    });
    expect(parseExperimentConfig('{"version": 1,')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
    const c = valid();
    c.split = { method: 'random', train: 0, val: 0.5, test: 0.5, seed: 1 };
    expect(validateExperimentConfig(c)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^split:/),
    });
  });
  it('the JSON Schema file in docs/ is the one the validator is made from', () => {
    // Regenerate after changing the schema: UPDATE_SCHEMA=1 npx vitest run src/core/experiment/config.test.ts
    if (process.env.UPDATE_SCHEMA)
      writeFileSync(
        path.join(root, 'docs/experiment.schema.json'),
        JSON.stringify(experimentJsonSchema(), null, 2) + '\n',
      );
    const file = JSON.parse(readFileSync(path.join(root, 'docs/experiment.schema.json'), 'utf8')) as unknown;
    expect(file).toEqual(experimentJsonSchema());
  });
});
