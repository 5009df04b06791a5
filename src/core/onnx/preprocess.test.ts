/**
 * Folding the fitted pipeline into the graph: with plain shift-and-scale features the ONNX model takes raw numbers
 * (NaN = missing) and gives what tfjs gives on the pipeline's prepared features; anything else keeps prepared
 * inputs and says why in the metadata. Vocabularies come back for the JSON file beside the model.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnnxFiles } from '../../test-support/onnx/checker';
import { compareWithTfjs } from '../../test-support/onnx/match';
import { perturbWeights } from '../../test-support/onnx/zooCases';
import { numberColumn, stringColumn, type Table } from '../data/table';
import { getModelDescriptor } from '../models';
import { embeddingInputs, fitPipeline, transformFeatures } from '../prep';
import type { FeatureSpec, FittedPipeline } from '../prep';
import { mulberry32 } from '../random';
import { exportOnnx, planTabularFold, vocabulariesJson } from './index';

const dir = mkdtempSync(path.join(tmpdir(), 'encore-onnx-prep-'));
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 40 tracks: tempo (BPM), loudness (dB), duration (ms) with gaps, energy, artist, genre, popularity. */
function tracks(): Table {
  const rng = mulberry32(9);
  const n = 40;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const num = (f: () => number, gaps = 0) => Array.from({ length: n }, () => (rng() < gaps ? NaN : f()));
  return {
    rowCount: n,
    columns: [
      numberColumn(
        'tempo',
        num(() => 70 + 100 * rng(), 0.1),
      ),
      numberColumn(
        'loudness',
        num(() => -20 + 18 * rng()),
      ),
      numberColumn(
        'duration_ms',
        num(() => 120000 + 200000 * rng(), 0.1),
      ),
      numberColumn(
        'energy',
        num(() => rng()),
      ),
      stringColumn(
        'artist',
        Array.from({ length: n }, () => pick(['A', 'B', 'C', 'D', 'E', ''])),
      ),
      stringColumn(
        'genre',
        Array.from({ length: n }, () => pick(['pop', 'rock', 'jazz'])),
      ),
      numberColumn(
        'popularity',
        num(() => 100 * rng()),
      ),
    ],
  };
}

const TRAIN = Array.from({ length: 30 }, (_, i) => i);
const ROWS = Array.from({ length: 10 }, (_, i) => 30 + i);

function fit(table: Table, features: FeatureSpec[]): FittedPipeline {
  return fitPipeline(table, TRAIN, { target: 'popularity', task: 'regression', features });
}

/** Build a zoo model over the pipeline's features (wide & deep when it has embeddings, else the MLP). */
function modelFor(p: FittedPipeline): tf.LayersModel {
  const embeddings = p.features.flatMap((f) =>
    f.kind === 'embedding' ? [{ name: f.column, vocabSize: f.vocab.length + 1 }] : [],
  );
  const d = getModelDescriptor(embeddings.length ? 'wide-deep' : 'mlp');
  const m = d.build(
    { inputs: { tabular: p.featureNames.length, embeddings }, task: 'regression', outputUnits: 1, seed: 3 },
    { ...d.defaults, batchNorm: true },
  );
  perturbWeights(m, 5);
  return m;
}

/** Per-model-input feeds: tabular prepared (or raw) and the embedding ids, for ROWS. */
function feeds(m: tf.LayersModel, p: FittedPipeline, table: Table, raw: boolean) {
  const X = transformFeatures(p, table, ROWS).X;
  const d = p.featureNames.length;
  const rawX = new Float32Array(ROWS.length * d);
  p.featureNames.forEach((name, j) => {
    // Raw cells exist only for plain number columns (all of them when the pipeline folds).
    const col = table.columns.find((c) => c.name === name);
    ROWS.forEach((r, i) => (rawX[i * d + j] = col?.kind === 'number' ? col.values[r]! : NaN));
  });
  const ids = embeddingInputs(p, table, ROWS);
  const out: Record<string, { data: Float32Array | Int32Array; shape: number[] }> = {
    tabular: { data: raw ? rawX : X, shape: [ROWS.length, d] },
  };
  m.inputNames
    .filter((n) => n.startsWith('embed_'))
    .forEach((n, k) => (out[n] = { data: ids[k]!.ids, shape: [ROWS.length, 1] }));
  return out;
}

describe('preprocessing in the ONNX graph', () => {
  const table = tracks();

  it('folds impute + standard / min-max / robust / no scaling: raw numbers (NaN = missing) give the tfjs prediction', async () => {
    const p = fit(table, [
      { name: 'tempo', type: 'number' },
      { name: 'loudness', type: 'number', scaling: 'minmax' },
      { name: 'duration_ms', type: 'number', scaling: 'robust', impute: 'mean' },
      { name: 'energy', type: 'number', scaling: 'none' },
      { name: 'artist', type: 'category', encoding: 'embedding' },
    ]);
    expect(planTabularFold(p)).toMatchObject({
      folded: true,
      reasons: [],
      columns: ['tempo', 'loudness', 'duration_ms', 'energy'],
    });
    const m = modelFor(p);
    const r = await compareWithTfjs(m, {
      feeds: feeds(m, p, table, false),
      onnxFeeds: feeds(m, p, table, true),
      export: { pipeline: p },
    });
    expect(Array.from(feeds(m, p, table, true).tabular!.data).some(Number.isNaN)).toBe(true);
    expect(r.error).toBeLessThan(1e-4);
    expect(r.exported.preprocessing).toBe('folded');
    expect(r.exported.metadata['encore.preprocessing']).toBe('folded');
    expect(r.exported.inputs[0]!.docString).toMatch(
      /^Raw numbers.*Columns: tempo, loudness, duration_ms, energy/,
    );
    const vocab = JSON.parse(vocabulariesJson(r.exported.vocabularies));
    expect(vocab.columns).toEqual([
      {
        column: 'artist',
        kind: 'embedding',
        input: 'embed_0_artist',
        vocab: (p.features[4] as { vocab: string[] }).vocab,
      },
    ]);
    const file = path.join(dir, 'folded.onnx');
    writeFileSync(file, r.exported.bytes);
    const [v] = checkOnnxFiles([file]);
    expect(v!.error ?? '').toBe('');
    expect(v!.metadata?.['encore.feature_names']).toBe(JSON.stringify(p.featureNames));
    m.dispose();
  });

  it('keeps prepared inputs, and says why, for log1p, clipping, indicators and one-hot; vocabularies still come back', async () => {
    const p = fit(table, [
      { name: 'tempo', type: 'number', clip: [5, 95] },
      { name: 'duration_ms', type: 'number', scaling: 'log1p', missingIndicator: true },
      { name: 'genre', type: 'category' },
    ]);
    const fold = planTabularFold(p);
    expect(fold.folded).toBe(false);
    expect(fold.reasons).toEqual([
      '"tempo" is clipped at percentiles',
      '"duration_ms" uses log1p scaling',
      '"genre" is onehot-encoded',
    ]);
    const m = modelFor(p);
    const prepared = feeds(m, p, table, false);
    const r = await compareWithTfjs(m, { feeds: prepared, export: { pipeline: p } });
    expect(r.error).toBeLessThan(1e-4);
    expect(r.exported.preprocessing).toBe('prepared');
    expect(r.exported.preprocessingNote).toMatch(/takes prepared features .*"duration_ms" uses log1p/);
    expect(r.exported.metadata['encore.output']).toMatch(/standardised; value = output \* [\d.]+ \+ [\d.]+/);
    expect(r.exported.vocabularies.columns).toEqual([
      {
        column: 'genre',
        kind: 'onehot',
        vocab: (p.features[2] as { vocab: string[] }).vocab,
        imputeIndex: -1,
        missingIndicator: false,
      },
    ]);
    m.dispose();
  });

  it('rejects a pipeline whose feature count does not fit the tabular input', () => {
    const p = fit(table, [{ name: 'tempo', type: 'number' }]);
    const d = getModelDescriptor('mlp');
    const m = d.build({ inputs: { tabular: 3 }, task: 'regression', outputUnits: 1, seed: 1 }, d.defaults);
    expect(() => exportOnnx(m, { pipeline: p })).toThrow(
      /pipeline makes 1 tabular features but input "tabular" has shape \[N, 3\]/,
    );
    m.dispose();
  });
});
