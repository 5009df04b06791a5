import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import { ingestBytes } from '../ingest';
import { mulberry32, randNormal } from '../random';
import { defaultBiasColumns, evaluateRun, findArtistColumn, type EvaluationInput } from './evaluation';

const GENRES = ['pop', 'rock', 'rap'];
const FEATURES = ['signal', 'noise', 'genre=pop', 'genre=rock', 'genre=rap'];
const SOURCES = ['signal', 'noise', 'genre', 'genre', 'genre'];

/**
 * n tracks: popularity = 50 + 10 * signal + N(0, 3); noise is unrelated; genre cycles pop/rock/rap.
 * Every 5th row is a test row; half of those belong to an artist with no training tracks.
 */
function generated(n: number, seed = 1) {
  const rng = mulberry32(seed);
  const signal = Array.from({ length: n }, () => randNormal(rng));
  const noise = Array.from({ length: n }, () => randNormal(rng));
  const genre = Array.from({ length: n }, (_, i) => GENRES[Math.floor(i / 5) % 3]!);
  const y = signal.map((s) => 50 + 10 * s + 3 * randNormal(rng));
  const artist = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? `New Artist ${i}` : `Artist ${i % 37}`));
  const table: Table = {
    rowCount: n,
    columns: [
      stringColumn('artist', artist),
      stringColumn(
        'song',
        Array.from({ length: n }, (_, i) => `Song number ${i}`),
      ),
      numberColumn('signal', signal),
      numberColumn('noise', noise),
      stringColumn('genre', genre),
      stringColumn(
        'explicit',
        Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 'True' : 'False')),
      ),
      numberColumn(
        'year',
        Array.from({ length: n }, (_, i) => 1990 + (i % 30)),
      ),
      numberColumn('popularity', y),
    ],
  };
  const X = (rows: Int32Array) => {
    const out = new Float32Array(rows.length * 5);
    rows.forEach((r, i) => {
      out[i * 5] = signal[r]!;
      out[i * 5 + 1] = noise[r]!;
      out[i * 5 + 2 + GENRES.indexOf(genre[r]!)] = 1;
    });
    return out;
  };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const testRows = all.filter((i) => i % 5 === 0);
  const trainRows = all.filter((i) => i % 5 !== 0);
  return { table, y, X, testRows, trainRows };
}

/** The "model": right on signal, but it wrongly adds 8 points to every rap track. */
const predictReg = (X: Float32Array) => {
  const out = new Float32Array(X.length / 5);
  for (let i = 0; i < out.length; i++) out[i] = 50 + 10 * X[i * 5]! + 8 * X[i * 5 + 4]!;
  return out;
};

function regressionInput(n: number): EvaluationInput {
  const g = generated(n);
  const xTest = g.X(g.testRows);
  return {
    table: g.table,
    task: 'regression',
    seed: 3,
    trainRows: g.trainRows,
    testRows: g.testRows,
    xTest,
    xTrain: g.X(g.trainRows),
    nFeatures: 5,
    featureNames: FEATURES,
    sourceColumn: SOURCES,
    yTest: Float32Array.from(g.testRows, (r) => g.y[r]!),
    yTrain: Float32Array.from(g.trainRows, (r) => g.y[r]!),
    testPredicted: predictReg(xTest),
    predict: predictReg,
    target: 'popularity',
  };
}

describe('evaluateRun (regression, planted signal and bias)', () => {
  it('gives intervals, baselines, importance, dependence, bias and familiarity as plain data', async () => {
    const fractions: number[] = [];
    const input = { ...regressionInput(1500), onProgress: (f: number) => fractions.push(f) };
    const ev = await evaluateRun(input);

    // Intervals: every numeric metric, each containing its point value.
    expect(Object.keys(ev.intervals).sort()).toEqual(
      ['mae', 'mse', 'r2', 'rmse', 'spearman', 'within10', 'within5'].sort(),
    );
    for (const iv of Object.values(ev.intervals)) {
      expect(iv.lo).toBeLessThanOrEqual(iv.value);
      expect(iv.hi).toBeGreaterThanOrEqual(iv.value);
      expect(iv.hi).toBeGreaterThan(iv.lo);
    }

    // Baselines: the linear one finds the planted signal, the mean does not.
    expect(ev.baselines.map((b) => b.id)).toEqual(['mean', 'linear', 'rule']);
    const r2 = (id: string) => (ev.baselines.find((b) => b.id === id)!.metrics as { r2: number }).r2;
    expect(r2('mean')).toBeLessThan(0.05);
    expect(r2('linear')).toBeGreaterThan(0.8);
    expect(r2('rule')).toBeGreaterThan(r2('mean') + 0.2);
    expect(ev.baselines.find((b) => b.id === 'rule')!.description).toContain('signal');

    // Importance: signal first, genre (the bias) second, noise last near zero.
    expect(ev.importance.features.map((f) => f.name)).toEqual(['signal', 'genre', 'noise']);
    expect(ev.importance.features[2]!.importance).toBeCloseTo(0, 5);
    expect(ev.dependence.map((p) => p.feature)).toEqual(['signal', 'genre', 'noise']);
    const genrePd = ev.dependence[1]!;
    expect(genrePd.labels).toEqual(['pop', 'rock', 'rap']);
    expect(genrePd.y[2]! - genrePd.y[0]!).toBeCloseTo(8, 4);
    // Signal's grid is labelled in raw units (here equal to X), increasing.
    const sig = ev.dependence[0]!;
    expect(sig.labels.map(Number)).toEqual(sig.x.map((v) => +v.toPrecision(4)));

    // Bias: rap is over-predicted and flagged; pop and rock are not.
    expect(ev.biasColumns.slice(0, 3)).toEqual(['genre', 'year', 'explicit']);
    const genre = ev.bias.find((b) => b.column === 'genre')!;
    const group = (g: string) => genre.groups.find((x) => x.group === g)!;
    expect(group('rap').leaning).toBe('over');
    expect(group('rap').signedError.value).toBeCloseTo(8, 0);
    expect(group('pop').leaning).toBeUndefined();
    expect(group('rock').leaning).toBeUndefined();
    expect(genre.largestGap).toMatchObject({ worse: 'rap', significant: true });
    expect(genre.findings.join(' ')).toMatch(/rap \(n=\d+\) is systematically over-predicted/);
    const explicit = ev.bias.find((b) => b.column === 'explicit')!;
    expect(explicit.groups.every((g) => g.leaning === undefined || g.leaning === 'over')).toBe(true);

    // Familiarity: known and unseen artists, 150 each.
    expect(ev.artistColumn).toBe('artist');
    const fam = ev.familiarity!.knownVsUnseen.groups;
    expect(fam.map((g) => [g.group, g.n])).toEqual([
      ['known artist', 150],
      ['unseen artist', 150],
    ]);

    // Plots: residuals against numeric source columns, most important first.
    expect(ev.plots.residualVsFeature.map((p) => p.column)).toEqual(['signal', 'noise']);
    expect(ev.plots.predictedVsActual).toHaveLength(300);
    expect(ev.plots.roc).toBeUndefined();

    // Plain data, progress to 1.
    expect(structuredClone(ev)).toEqual(ev);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('is deterministic for a seed and rejects misaligned inputs', async () => {
    const input = regressionInput(300);
    const a = await evaluateRun(input);
    const b = await evaluateRun(input);
    expect(b).toEqual(a);
    await expect(evaluateRun({ ...input, testPredicted: input.testPredicted.slice(1) })).rejects.toThrow(
      /60 test rows but 60 targets and 59 predictions/,
    );
  });

  it('stays fast on a 30k-row table (6k test rows)', async () => {
    const input = regressionInput(30_000);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const ev = await evaluateRun(input);
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    console.log(
      `evaluateRun, 6000 test / 24000 train rows: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${cpu.toFixed(2)} s cpu`,
    );
    expect(ev.notes.join(' ')).toMatch(/2000 of 6000 test rows/);
    expect(ev.importance.features[0]!.name).toBe('signal');
    expect(cpu).toBeLessThan(10);
  }, 30_000);
});

describe('evaluateRun (classification)', () => {
  it('adds ROC, PR and calibration, and a logistic baseline that beats the majority', async () => {
    const g = generated(1000, 5);
    const label = (r: number) => (g.y[r]! > 55 ? 1 : 0);
    const predict = (X: Float32Array) =>
      Float32Array.from({ length: X.length / 5 }, (_, i) => 1 / (1 + Math.exp(-3 * (X[i * 5]! - 0.5))));
    const xTest = g.X(g.testRows);
    const ev = await evaluateRun({
      ...regressionInput(1000),
      task: 'classification',
      xTest,
      xTrain: g.X(g.trainRows),
      yTest: Float32Array.from(g.testRows, label),
      yTrain: Float32Array.from(g.trainRows, label),
      testPredicted: predict(xTest),
      predict,
      threshold: 0.4,
      biasColumns: ['genre'],
    });
    expect(ev.threshold).toBe(0.4);
    expect(ev.intervals.rocAuc!.value).toBeGreaterThan(0.85);
    expect(ev.intervals.rocAuc!.lo).toBeLessThanOrEqual(ev.intervals.rocAuc!.value);
    expect(ev.intervals).not.toHaveProperty('threshold');
    const auc = (id: string) => (ev.baselines.find((b) => b.id === id)!.metrics as { rocAuc: number }).rocAuc;
    expect(auc('mean')).toBe(0.5);
    expect(auc('linear')).toBeGreaterThan(0.85);
    expect(ev.importance.metric).toBe('rocAuc');
    expect(ev.importance.features[0]!.name).toBe('signal');
    expect(ev.plots.roc![0]).toEqual({ fpr: 0, tpr: 0 });
    expect(ev.plots.pr!.length).toBeGreaterThan(10);
    expect(ev.plots.calibration!.length).toBeGreaterThan(3);
    expect(ev.bias[0]!.groups[0]!.tpr).toBeDefined();
    expect(structuredClone(ev)).toEqual(ev);
  });
});

describe('defaultBiasColumns', () => {
  it('picks genre, year and explicit on top_hits and leaves out song, artist and the target', () => {
    const file = path.resolve(__dirname, '../../../testdata/data/tabular/top_hits_2000_2019.csv');
    const { table } = ingestBytes(new Uint8Array(readFileSync(file)));
    const cols = defaultBiasColumns(table, 'popularity');
    expect(cols.slice(0, 3)).toEqual(['genre', 'year', 'explicit']);
    expect(cols).toEqual(expect.arrayContaining(['mode', 'key']));
    for (const c of ['song', 'popularity', 'artist', 'tempo', 'duration_ms']) expect(cols).not.toContain(c);
    expect(cols.length).toBeLessThanOrEqual(6);
    expect(findArtistColumn(table)).toBe('artist');
  });

  it('skips columns with one group or more than 30', () => {
    const t: Table = {
      rowCount: 40,
      columns: [
        stringColumn('same', Array(40).fill('x')),
        stringColumn(
          'many',
          Array.from({ length: 40 }, (_, i) => `v${i} a`),
        ),
        stringColumn(
          'colour',
          Array.from({ length: 40 }, (_, i) => ['red', 'blue'][i % 2]!),
        ),
        numberColumn(
          'y',
          Array.from({ length: 40 }, (_, i) => i),
        ),
      ],
    };
    expect(defaultBiasColumns(t, 'y')).toEqual(['colour']);
  });
});
