/**
 * The shipped real tables prepared exactly as Encore prepares them for the deep models: ingest,
 * profile, suggested features and encodings, a seeded random train / validation / test split
 * (src/core/split), the pipeline fitted on the training rows and applied to every part
 * (transformFeatures / transformTarget). Regression targets come out standardised.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Table } from '../../core/data/table';
import type { Task } from '../../core/data/task';
import { concatTables, ingestBytes } from '../../core/ingest/index';
import {
  defaultFeatures,
  fitPipeline,
  profileTable,
  suggestFeatureSpecs,
  suggestTask,
  targetPresentRows,
  transformFeatures,
  transformTarget,
} from '../../core/prep/index';
import { splitRows } from '../../core/split/index';

const DIR = path.resolve(__dirname, '../../../testdata/data/tabular');

/** A shipped table and how Encore models it. */
export interface RealTableSpec {
  name: string;
  /** Files under testdata/data/tabular (several are stacked, with a 'decade'-style source column). */
  files: string[];
  target: string;
  targetTransform?: 'none' | 'log1p';
  /** Labels of the stacked files for the source column. */
  sourceLabels?: string[];
}

/** Prepared matrices of one table: X row major [rows, nFeatures], y [rows]. */
export interface PreparedTable {
  name: string;
  task: Task;
  nFeatures: number;
  featureNames: string[];
  xTrain: Float32Array;
  yTrain: Float32Array;
  xVal: Float32Array;
  yVal: Float32Array;
  xTest: Float32Array;
  yTest: Float32Array;
}

/** The four real tables the trees are compared on (hit_predictor: all six decades). */
export const REAL_TABLES: readonly RealTableSpec[] = [
  { name: 'top_hits_2000_2019', files: ['top_hits_2000_2019.csv'], target: 'popularity' },
  { name: 'spotify_top_2000s', files: ['spotify_top_2000s.csv'], target: 'Popularity' },
  {
    name: 'most_streamed_2023',
    files: ['most_streamed_2023.csv'],
    target: 'streams',
    targetTransform: 'log1p',
  },
  {
    name: 'hit_predictor',
    files: ['60s', '70s', '80s', '90s', '00s', '10s'].map((d) => `hit_predictor/dataset-of-${d}.csv`),
    sourceLabels: ['60s', '70s', '80s', '90s', '00s', '10s'],
    target: 'target',
  },
];

function load(spec: RealTableSpec): Table {
  const tables = spec.files.map((f) => ingestBytes(new Uint8Array(fs.readFileSync(path.join(DIR, f)))).table);
  return tables.length === 1
    ? tables[0]!
    : concatTables(tables, { sourceColumn: 'decade', sourceLabels: spec.sourceLabels });
}

/**
 * Prepare one table: 70 / 15 / 15 random split with `seed`, pipeline fitted on the training rows.
 */
export function prepareRealTable(spec: RealTableSpec, seed = 42): PreparedTable {
  const table = load(spec);
  const profiles = profileTable(table, { target: spec.target });
  const task = suggestTask(profiles.find((p) => p.name === spec.target)!);
  const features = suggestFeatureSpecs(profiles, defaultFeatures(profiles, spec.target));
  const config = {
    target: spec.target,
    task,
    features,
    targetTransform: spec.targetTransform ?? ('none' as const),
  };
  const usable = targetPresentRows(config, table);
  const split = splitRows(table, usable, { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed });
  const pipeline = fitPipeline(table, split.train, config, seed);
  const part = (rows: Int32Array) => ({
    X: transformFeatures(pipeline, table, rows).X,
    y: transformTarget(pipeline, table, rows),
  });
  const train = part(split.train);
  const val = part(split.val);
  const test = part(split.test);
  return {
    name: spec.name,
    task,
    nFeatures: pipeline.featureNames.length,
    featureNames: pipeline.featureNames.slice(),
    xTrain: train.X,
    yTrain: train.y,
    xVal: val.X,
    yVal: val.y,
    xTest: test.X,
    yTest: test.y,
  };
}
