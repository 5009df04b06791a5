/**
 * End to end on every real table: ingest -> profile -> suggested target, task and features ->
 * fit on a seeded 80% -> transform all rows: finite features, usable targets, plain JSON.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ingestBytes } from '../ingest/index';
import { permutation, mulberry32 } from '../random';
import {
  defaultFeatures,
  fitPipeline,
  profileTable,
  suggestFeatureSpecs,
  suggestTarget,
  suggestTask,
  targetPresentRows,
  transformFeatures,
  transformTarget,
} from './index';

const DIR = path.resolve(__dirname, '../../../testdata/data/tabular');
const cases: [string, string][] = [
  ['top_hits_2000_2019.csv', 'popularity'],
  ['spotify_top_2000s.csv', 'Popularity'],
  ['top10s_2010_2019_latin1.csv', 'pop'],
  ['most_streamed_2023.csv', 'streams'],
  ['hit_predictor/dataset-of-10s.csv', 'target'],
];

describe('real tables end to end', () => {
  for (const [file, target] of cases) {
    it(file, () => {
      const { table } = ingestBytes(new Uint8Array(fs.readFileSync(path.join(DIR, file))));
      const profiles = profileTable(table, { target });
      expect(suggestTarget(profiles)).toBe(target);
      const tp = profiles.find((p) => p.name === target)!;
      const task = suggestTask(tp);
      expect(task).toBe(file.startsWith('hit_predictor') ? 'classification' : 'regression');
      const names = defaultFeatures(profiles, target);
      expect(names.length).toBeGreaterThan(5);
      const features = suggestFeatureSpecs(profiles, names);
      const config = {
        target,
        task,
        features,
        targetTransform: target === 'streams' ? ('log1p' as const) : ('none' as const),
      };
      const usable = targetPresentRows(config, table);
      // most_streamed_2023 loses exactly its one unreadable streams value.
      expect(usable.length).toBe(table.rowCount - (target === 'streams' ? 1 : 0));
      const order = permutation(usable.length, mulberry32(42));
      const train = Array.from(order.subarray(0, Math.floor(usable.length * 0.8)), (i) => usable[i]!);
      const p = fitPipeline(table, train, config, 42);
      const again = JSON.parse(JSON.stringify(p));
      const out = transformFeatures(again, table, usable);
      expect(out.X.length).toBe(usable.length * out.nFeatures);
      expect(out.X.every(Number.isFinite)).toBe(true);
      const y = transformTarget(again, table, usable);
      expect(y.every(Number.isFinite)).toBe(true);
      if (task === 'classification') expect(new Set(y)).toEqual(new Set([0, 1]));
    });
  }
});
