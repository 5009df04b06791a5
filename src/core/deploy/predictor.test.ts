import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest';
import { defaultFeatures, profileTable, suggestTarget } from '../prep';
import { configFromDraft } from '../experiment/draft';
import { bundleContentsOf, runOf } from '../experiment/record';
import { runExperiment } from '../experiment/run';
import { createPredictor } from './predictor';
import { predictionsCsv } from './predictionsCsv';
import { packBundle } from './zip';
import { validateBundle } from './validate';

const sample = () =>
  ingestBytes(
    new Uint8Array(readFileSync(path.resolve(__dirname, '../../../testdata/data/tabular/top_hits_2000_2019.csv'))),
  ).table;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a bundle exported from a run predicts what the run measured', () => {
  it('validates (golden rows included), then predicts every test row exactly, and writes a safe CSV', async () => {
    const table = sample();
    const profiles = profileTable(table);
    const target = suggestTarget(profiles)!;
    const config = configFromDraft(
      {
        target,
        task: 'regression',
        features: [...defaultFeatures(profiles, target), 'genre'].filter((v, i, a) => a.indexOf(v) === i),
        types: profiles.map((p) => p.type),
        split: { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 3 },
        modelId: 'mlp',
        modelParams: {},
        train: { optimizer: 'adam', learningRate: 0.003, batchSize: 64, epochs: 3, patience: 0, seed: 4 },
        guardLeakage: true,
        specOverrides: [],
      },
      table,
      profiles,
      'top_hits_2000_2019.csv',
    );
    const { result, artifacts, golden } = runOf(await runExperiment(config, table), config, {
      runId: 'r',
      createdAt: '2026-12-08T00:00:00Z',
      backend: 'cpu',
    });
    const zip = packBundle(bundleContentsOf(result, artifacts, '# card', golden));
    const v = await validateBundle(zip);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.golden?.rows).toBe(5);
    const predictor = await createPredictor(v.bundle);
    expect(predictor.info).toMatchObject({ target: 'popularity', task: 'regression', modelId: 'mlp' });
    const out = predictor.predictTable(table);
    expect(out.failures).toEqual([]);
    const atTest = Array.from(result.testRows, (r) => out.predictions[r]!);
    expect(atTest).toEqual(Array.from(result.testPredicted));

    const csv = predictionsCsv(table, out, 'popularity');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(table.rowCount + 1);
    expect(lines[0]).toMatch(/,prediction_popularity$/);

    const noGenre = { ...table, columns: table.columns.filter((c) => c.name !== 'genre') };
    expect(() => predictor.predictTable(noGenre)).toThrow('The table lacks the column the model reads: "genre".');
    predictor.dispose();
  });

  it('neutralises formulas in text cells, quoted or not, and leaves numbers alone', () => {
    const table = {
      rowCount: 2,
      columns: [
        { name: 'song', kind: 'string' as const, codes: new Int32Array([0, 1]), dict: ['=HYPERLINK("http://x/","y")', 'a,=cmd|x'] },
        { name: 'loudness', kind: 'number' as const, values: new Float64Array([-5, 2]) },
      ],
    };
    const csv = predictionsCsv(table, { predictions: new Float32Array([1.5, 2.5]), failures: [] }, 'p');
    expect(csv).toBe(
      'song,loudness,prediction_p\r\n"\'=HYPERLINK(""http://x/"",""y"")",-5,1.5\r\n"a,=cmd|x",2,2.5\r\n',
    );
  });
});
