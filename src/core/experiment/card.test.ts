import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import { classificationMetrics, regressionMetrics } from '../evaluate';
import { mulberry32, randNormal } from '../random';
import { modelCardHtml, modelCardMarkdown } from '../report';
import { modelCardInputOf } from './card';
import { fingerprintOf } from './draft';
import type { RunResult } from './types';
import { evaluateRun, type Evaluation } from './evaluation';

/** 400 tracks: popularity = 50 + 10 * energy + noise; the "model" adds 8 points to every rap track. */
async function run(task: 'regression' | 'classification'): Promise<{ ev: Evaluation; args: RunResult }> {
  const n = 400;
  const rng = mulberry32(7);
  const energy = Array.from({ length: n }, () => randNormal(rng));
  const genre = Array.from({ length: n }, (_, i) => ['pop', 'rap'][Math.floor(i / 15) % 2]!);
  const pop = energy.map((e) => 50 + 10 * e + 3 * randNormal(rng));
  const table: Table = {
    rowCount: n,
    columns: [
      stringColumn(
        'artist',
        Array.from({ length: n }, (_, i) => (i % 10 === 0 ? `New ${i}` : `A${i % 23}`)),
      ),
      numberColumn('energy', energy),
      stringColumn('genre', genre),
      numberColumn('popularity', pop),
    ],
  };
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const testRows = rows.filter((i) => i % 5 === 0);
  const trainRows = rows.filter((i) => i % 5 !== 0);
  const X = (rs: Int32Array) => {
    const out = new Float32Array(rs.length * 3);
    rs.forEach((r, i) => {
      out[i * 3] = energy[r]!;
      out[i * 3 + (genre[r] === 'pop' ? 1 : 2)] = 1;
    });
    return out;
  };
  const cls = task === 'classification';
  const y = (rs: Int32Array) => Float32Array.from(rs, (r) => (cls ? (pop[r]! > 50 ? 1 : 0) : pop[r]!));
  const predict = (x: Float32Array) =>
    Float32Array.from({ length: x.length / 3 }, (_, i) => {
      const v = 50 + 10 * x[i * 3]! + 8 * x[i * 3 + 2]!;
      return cls ? 1 / (1 + Math.exp(-(v - 50) / 4)) : v;
    });
  const xTest = X(testRows);
  const yTest = y(testRows);
  const testPredicted = predict(xTest);
  const ev = await evaluateRun({
    table,
    task,
    seed: 1,
    trainRows,
    testRows,
    xTest,
    xTrain: X(trainRows),
    nFeatures: 3,
    featureNames: ['energy', 'genre=pop', 'genre=rap'],
    sourceColumn: ['energy', 'genre', 'genre'],
    yTest,
    yTrain: y(trainRows),
    testPredicted,
    predict,
    target: 'popularity',
  });
  const metrics: RunResult['metrics'] = cls
    ? {
        task,
        model: classificationMetrics(yTest, testPredicted),
        baseline: classificationMetrics(
          yTest,
          yTest.map(() => 0.5),
        ),
      }
    : {
        task,
        model: regressionMetrics(yTest, testPredicted),
        baseline: regressionMetrics(
          yTest,
          yTest.map(() => 50),
        ),
      };
  const args = {
    runId: 'run-1',
    createdAt: '2026-11-25 16:00',
    config: {
      version: 1,
      data: {
        ...fingerprintOf(table, 'generated.csv'),
        columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
      },
      prep: { target: 'popularity', task, features: [] },
      split: { method: 'grouped', train: 0.8, val: 0, test: 0.2, seed: 1, groupColumn: 'artist' },
      guardLeakage: true,
      modelId: 'mlp',
      modelParams: { hidden: [64, 32], activation: 'relu', dropout: 0.1, extra: { a: 1 } },
      train: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 30, patience: 5, seed: 1 },
    },
    backend: 'cpu',
    stopReason: 'early-stopped',
    history: Array.from({ length: 30 }, (_, i) => ({
      epoch: i + 1,
      loss: 1,
      valLoss: 1,
      lr: 0.001,
      elapsedMs: 1000 * (i + 1),
      best: false,
    })),
    bestEpoch: 22,
    sizes: { train: 320, val: 0, test: 80, droppedNoTarget: 0 },
    metrics,
    intervals: ev.intervals,
    splitUsed: { method: 'grouped', groupColumn: 'artist' },
    leakage: [],
    warnings: ['1 artist straddles train and test.'],
    featureNames: [],
    summary: { layers: [], totalParams: 2817, trainableParams: 2817 },
    trainingMs: 30000,
    testActual: yTest,
    testPredicted,
    testRows,
    trainRows,
    evaluation: ev,
    pipeline: {} as RunResult['pipeline'],
  } as RunResult;
  return { ev, args };
}

describe('modelCardInputOf', () => {
  it('feeds a regression card with metrics, intervals, baselines, importance and the bias finding', async () => {
    const { ev, args } = await run('regression');
    const input = modelCardInputOf(args, { modelLabel: 'MLP' });
    expect(structuredClone(input)).toEqual(input);
    expect(input.split).toMatchObject({
      method: 'grouped',
      train: 0.8,
      val: 0,
      test: 0.2,
      groupColumn: 'artist',
    });
    expect(input.model.params).toEqual({
      hidden: '64, 32',
      activation: 'relu',
      dropout: 0.1,
      extra: '{"a":1}',
    });
    expect(input.data.features).toEqual(['energy', 'genre']);
    const md = modelCardMarkdown(input);
    const html = modelCardHtml(input);
    for (const text of [md, html]) {
      expect(text).toContain('RMSE');
      // The RMSE interval as the card formats it (3 significant digits).
      const rmse = ev.intervals.rmse!;
      expect(text).toContain(String(+rmse.lo.toPrecision(3)));
      expect(text).toContain('Linear (ridge)');
      expect(text).toContain('Best single-feature rule');
      expect(text).toContain('Permutation importance');
      expect(text).toContain('energy');
      expect(text).toMatch(/rap \(n=\d+\) is systematically over-predicted/);
      expect(text).toContain('Known vs unseen artists');
      expect(text).toContain('1 artist straddles train and test.');
    }
    expect(md).toMatch(/\| Linear \(ridge\): ridge regression on the same 3 model inputs \|/);
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
  });

  it('feeds a classification card with ROC, calibration and the threshold', async () => {
    const { args } = await run('classification');
    const input = modelCardInputOf(args, { modelLabel: 'MLP' });
    expect(input.roc!.length).toBeGreaterThan(2);
    expect(input.calibration!.length).toBeGreaterThan(1);
    expect(input.threshold).toBe(0.5);
    expect(input.scatter).toBeUndefined();
    const md = modelCardMarkdown(input, { charts: false });
    expect(md).toContain('ROC AUC');
    expect(md).toContain('Logistic regression');
    expect(md).toContain('Majority class');
    expect(md).toContain('Decision threshold: 0.5');
    expect(md).toMatch(/TPR/);
    expect(() => modelCardHtml(input)).not.toThrow();
  });
});
