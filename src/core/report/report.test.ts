import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { biasByArtistFamiliarity, biasByColumn } from '../bias';
import { type Table, numberColumn, stringColumn } from '../data/table';
import {
  bestSingleFeatureRule,
  bootstrapMetrics,
  featureGroups,
  fitLinearBaseline,
  meanBaseline,
  permutationImportance,
  predictedVsActual,
  regressionMetrics,
} from '../evaluate';
import { splitRows } from '../split';
import { type ModelCardInput, modelCardHtml, modelCardMarkdown, niceTicks } from './index';

const NUMERIC = [
  'year',
  'danceability',
  'energy',
  'loudness',
  'speechiness',
  'acousticness',
  'valence',
  'tempo',
];

/** A full evaluation of a ridge model on top_hits_2000_2019 with a grouped-by-artist split. */
async function topHitsCard(): Promise<ModelCardInput> {
  const csv = fs.readFileSync(
    path.resolve(__dirname, '../../../testdata/data/tabular/top_hits_2000_2019.csv'),
    'utf8',
  );
  const raw = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const table: Table = {
    rowCount: raw.length,
    columns: [
      stringColumn(
        'artist',
        raw.map((r) => r.artist),
      ),
      stringColumn(
        'song',
        raw.map((r) => r.song),
      ),
      stringColumn(
        'genre',
        raw.map((r) => r.genre),
      ),
      numberColumn(
        'popularity',
        raw.map((r) => Number(r.popularity)),
      ),
      ...NUMERIC.map((c) =>
        numberColumn(
          c,
          raw.map((r) => Number(r[c])),
        ),
      ),
    ],
  };
  const rows = Int32Array.from({ length: raw.length }, (_, i) => i);
  const split = splitRows(table, rows, {
    method: 'grouped',
    train: 0.7,
    val: 0.15,
    test: 0.15,
    seed: 42,
    groupColumn: 'artist',
  });
  const d = NUMERIC.length;
  const cols = NUMERIC.map(
    (c) => (table.columns.find((x) => x.name === c) as { values: Float64Array }).values,
  );
  const mean = cols.map((v) => split.train.reduce((s, i) => s + v[i]!, 0) / split.train.length);
  const sd = cols.map((v, j) =>
    Math.sqrt(split.train.reduce((s, i) => s + (v[i]! - mean[j]!) ** 2, 0) / split.train.length),
  );
  const X = (part: Int32Array) => {
    const out = new Float32Array(part.length * d);
    part.forEach((r, i) => cols.forEach((v, j) => (out[i * d + j] = (v[r]! - mean[j]!) / sd[j]!)));
    return out;
  };
  const pop = (table.columns[3] as { values: Float64Array }).values;
  const y = (part: Int32Array) => Float64Array.from(part, (r) => pop[r]!);
  const model = fitLinearBaseline(X(split.train), d, y(split.train), { ridge: 1 });
  const yTest = y(split.test);
  const pred = model.predict(X(split.test));
  const rule = bestSingleFeatureRule(X(split.train), d, y(split.train), NUMERIC, 'regression');
  const opts = { task: 'regression' as const, seed: 1, iterations: 200 };
  return {
    title: 'Popularity model — top hits',
    createdAt: '2026-11-25',
    data: {
      name: 'top_hits_2000_2019.csv',
      rows: raw.length,
      target: 'popularity',
      task: 'regression',
      features: NUMERIC,
    },
    split: {
      method: 'grouped',
      train: 0.7,
      val: 0.15,
      test: 0.15,
      seed: 42,
      groupColumn: 'artist',
      sizes: { train: split.train.length, val: split.val.length, test: split.test.length },
      warnings: split.warnings,
      leakage: split.leakage,
    },
    model: { name: 'Ridge regression', params: { ridge: 1 }, parameterCount: d + 1 },
    metrics: bootstrapMetrics(yTest, pred, regressionMetrics, { iterations: 300, seed: 2 }),
    baselines: [
      { name: 'Mean', metrics: { ...regressionMetrics(yTest, meanBaseline(y(split.train))(yTest.length)) } },
      {
        name: 'One-feature rule',
        description: rule.description,
        metrics: { ...regressionMetrics(yTest, rule.predict(X(split.test))) },
      },
    ],
    importance: await permutationImportance(
      model.predict,
      X(split.test),
      d,
      yTest,
      featureGroups(NUMERIC),
      'mae',
      { repeats: 3, seed: 3 },
    ),
    bias: [
      biasByColumn(table, split.test, yTest, pred, 'genre', opts),
      biasByColumn(table, split.test, yTest, pred, 'year', opts),
    ],
    familiarity: biasByArtistFamiliarity(table, split.train, split.test, yTest, pred, 'artist', opts),
    scatter: predictedVsActual(yTest, pred, { maxPoints: 500 }),
    intendedUse:
      'Exploring which audio features go with popularity among past hits; not for forecasting single releases.',
  };
}

describe('model card', () => {
  it('covers data, split, model, metrics with intervals, baselines, importance and bias in Markdown', async () => {
    const card = await topHitsCard();
    const md = modelCardMarkdown(card);
    for (const h of [
      '# Popularity model — top hits',
      '## Data',
      '## Split',
      '## Model',
      '## Test metrics',
      '## Baselines',
      '## Feature importance',
      '## Bias analysis',
      '### By genre (categories (multi-valued))',
      '### Known vs unseen artists',
      '## Intended use and limitations',
    ]) {
      expect(md).toContain(`${h}\n`);
    }
    const rmse = card.metrics.rmse as { value: number; lo: number; hi: number };
    expect(md).toContain(
      `| RMSE | ${+rmse.value.toPrecision(3)} | ${+rmse.lo.toPrecision(3)} to ${+rmse.hi.toPrecision(3)} |`,
    );
    expect(md).toMatch(/grouped by "artist"/);
    // Genre table: a header, a separator, the "All" row and one row per group; "R&B" and "hip hop" are split out of "hip hop, pop, R&B".
    const genreRows = card.bias![0]!.groups.length + 1;
    const table = md.split('by genre, categories (multi-valued)*')[1]!.trim().split('\n\n')[0]!.split('\n');
    expect(table).toHaveLength(genreRows + 2);
    expect(md).toMatch(/\| R&B( \(small\))?( ⚠)? \| \d+ \|/);
    expect((md.match(/data:image\/svg\+xml/g) ?? []).length).toBe(6); // scatter, importance, 4 bias charts
    expect(modelCardMarkdown(card, { charts: false })).not.toContain('data:image');
  });

  it('renders one self-contained HTML document with inline SVG charts and escaped text', async () => {
    const card = await topHitsCard();
    const html = modelCardHtml(card);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect((html.match(/<svg /g) ?? []).length).toBe(6);
    expect((html.match(/<table>/g) ?? []).length).toBe((html.match(/<\/table>/g) ?? []).length);
    expect(html).toContain('R&amp;B');
    expect(html).not.toMatch(/>[^<]*R&B/);
    expect(html).toContain('<caption>');
  });

  it('leaves out sections without data and warns about leakage under a random split', () => {
    const md = modelCardMarkdown({
      data: { name: 't.csv', rows: 50, target: 'pop', task: 'classification', features: ['a'] },
      split: {
        method: 'random',
        train: 0.8,
        val: 0,
        test: 0.2,
        seed: 1,
        sizes: { train: 40, val: 0, test: 10 },
        leakage: [{ column: 'artist', sharedGroups: 2, testRowsAffected: 3, examples: ['A|B'] }],
      },
      model: { name: 'MLP' },
      metrics: { accuracy: 0.8, rocAuc: 0.75 },
      threshold: 0.4,
    });
    expect(md).not.toContain('## Baselines');
    expect(md).not.toContain('## Bias analysis');
    expect(md).toContain('| Accuracy | 80.0% | — |');
    expect(md).toContain('| artist | 2 | 3 | A\\|B |');
    expect(md).toMatch(/overstate performance on new music/);
    expect(md).toMatch(/Only 10 test rows/);
  });

  it('picks round axis ticks', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });
});
