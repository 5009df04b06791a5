import { describe, expect, it } from 'vitest';
import { type Table, numberColumn, stringColumn } from '../data/table';
import { mulberry32, randNormal } from '../random';
import { biasByArtistFamiliarity, biasByColumn, groupRows } from './index';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** n test rows: genre (rock carries a planted +12 over-prediction; "pop, dance" is multi-valued), year, tempo. */
function planted(n: number, seed: number) {
  const rng = mulberry32(seed);
  const genres = range(n).map((i) => (i < 5 ? 'jazz' : ['pop', 'rock', 'hip hop', 'pop, dance'][i % 4]!));
  const yTrue = range(n).map(() => 20 + 70 * rng());
  const yPred = yTrue.map((t, i) => t + 3 * randNormal(rng) + (genres[i] === 'rock' ? 12 : 0));
  const table: Table = {
    rowCount: n,
    columns: [
      stringColumn('genre', genres),
      numberColumn(
        'year',
        range(n).map((i) => 1995 + (i % 25)),
      ),
      numberColumn(
        'tempo',
        range(n).map(() => 80 + 80 * rng()),
      ),
    ],
  };
  return { table, yTrue, yPred };
}

describe('biasByColumn', () => {
  const { table, yTrue, yPred } = planted(1200, 1);
  const report = biasByColumn(table, range(1200), yTrue, yPred, 'genre', {
    task: 'regression',
    seed: 2,
    iterations: 300,
  });

  it('counts a multi-valued genre in each of its genres and marks tiny groups', () => {
    expect(report.grouping).toBe('categories (multi-valued)');
    const n = Object.fromEntries(report.groups.map((g) => [g.group, g.n]));
    // rows 5..1199 cycle pop, rock, hip hop, "pop, dance" by i % 4: residue 0 has 298 rows, the others 299
    expect(n).toEqual({ pop: 298 + 299, rock: 299, 'hip hop': 299, dance: 299, jazz: 5 });
    expect(report.groups.find((g) => g.group === 'jazz')!.small).toBe(true);
    expect(report.overall.n).toBe(1200);
  });

  it('finds the planted over-prediction in rock and nowhere else', () => {
    const rock = report.groups.find((g) => g.group === 'rock')!;
    expect(rock.signedError.value).toBeCloseTo(12, 0);
    expect(rock.signedError.lo).toBeGreaterThan(10);
    expect(rock.metric.value).toBeGreaterThan(10);
    for (const g of report.groups.filter((x) => x.group !== 'rock' && !x.small)) {
      expect(Math.abs(g.signedError.value)).toBeLessThan(0.6);
      expect(g.metric.value).toBeLessThan(3);
      expect(g.metric.lo).toBeLessThanOrEqual(g.metric.value);
      expect(g.metric.hi).toBeGreaterThanOrEqual(g.metric.value);
    }
    expect(report.groups.filter((g) => g.leaning).map((g) => [g.group, g.leaning])).toEqual([
      ['rock', 'over'],
    ]);
    expect(report.largestGap).toMatchObject({ worse: 'rock', significant: true });
    expect(report.signedErrorGap!.worse).toBe('rock');
    const leaning = report.findings.filter((f) => /systematically/.test(f));
    expect(leaning).toHaveLength(1);
    expect(leaning[0]).toMatch(/^rock \(n=299\) is systematically over-predicted/);
    expect(report.findings[0]).toMatch(/do not overlap/);
  });

  it('reports no significant gap when there is no bias', () => {
    const rng = mulberry32(9);
    const fair = yTrue.map((t) => t + 3 * randNormal(rng));
    const r = biasByColumn(table, range(1200), yTrue, fair, 'genre', {
      task: 'regression',
      seed: 2,
      iterations: 300,
    });
    expect(r.largestGap!.significant).toBe(false);
  });

  it('a lean shared by the whole model is reported once, not pinned on every group', () => {
    const rng = mulberry32(10);
    const shifted = yTrue.map((t) => t + 5 + 3 * randNormal(rng));
    const r = biasByColumn(table, range(1200), yTrue, shifted, 'genre', {
      task: 'regression',
      seed: 2,
      iterations: 300,
    });
    expect(r.findings.filter((f) => /^Overall the model is over-predicting/.test(f))).toHaveLength(1);
    expect(r.groups.filter((g) => g.leaning)).toEqual([]);
  });

  it('bins a year column into decades and a tempo column into equal-count bands', () => {
    const byYear = groupRows(table, 'year', range(1200));
    expect(byYear.how).toBe('decades');
    expect(byYear.labels).toEqual(['1990s', '2000s', '2010s']);
    const tempo = biasByColumn(table, range(1200), yTrue, yPred, 'tempo', {
      task: 'regression',
      bins: 4,
      iterations: 100,
    });
    expect(tempo.groups).toHaveLength(4);
    for (const g of tempo.groups) expect(g.n).toBe(300);
    expect(tempo.groups[0]!.group.startsWith('<')).toBe(true);
    expect(tempo.groups[3]!.group.startsWith('≥')).toBe(true);
    const edges = groupRows(table, 'tempo', range(1200), { bins: [100, 120] });
    expect(edges.labels).toEqual(['< 100', '100–120', '≥ 120']);
  });

  it('reads date strings as decades, pools groups past maxGroups, and rejects a bad column', () => {
    const t: Table = {
      rowCount: 4,
      columns: [stringColumn('released', ['1999-05-01', '2004', '2011-01-01', ''])],
    };
    expect(groupRows(t, 'released', range(4)).labels).toEqual(['1990s', '2000s', '2010s', '(missing)']);
    const many: Table = {
      rowCount: 50,
      columns: [
        stringColumn(
          'g',
          range(50).map((i) => `g${i % 10}`),
        ),
      ],
    };
    const pooled = groupRows(many, 'g', range(50), { maxGroups: 4 });
    expect(pooled.labels).toHaveLength(4);
    expect(pooled.labels[3]).toBe('Other');
    expect(pooled.membership.filter((m) => m[0] === 3)).toHaveLength(35);
    expect(() => biasByColumn(many, range(50), [], [], 'nope', { task: 'regression' })).toThrow(/"nope"/);
  });
});

describe('classification bias', () => {
  it('finds a planted false-positive excess in one group, with TPR and FPR per group', () => {
    const n = 1600;
    const rng = mulberry32(4);
    const explicit = range(n).map((i) => (i % 2 ? 'True' : 'False'));
    const y = range(n).map(() => (rng() < 0.4 ? 1 : 0));
    // A decent classifier, except explicit negatives get pushed over the threshold 40% of the time.
    const prob = y.map((v, i) => {
      const base = v ? 0.65 + 0.3 * rng() : 0.05 + 0.35 * rng();
      return explicit[i] === 'True' && !v && rng() < 0.4 ? 0.7 : base;
    });
    const table: Table = { rowCount: n, columns: [stringColumn('explicit', explicit)] };
    const r = biasByColumn(table, range(n), y, prob, 'explicit', {
      task: 'classification',
      seed: 1,
      iterations: 300,
    });
    const g = Object.fromEntries(r.groups.map((x) => [x.group, x]));
    expect(g.False!.fpr!.value).toBe(0);
    expect(g.True!.fpr!.value).toBeGreaterThan(0.3);
    expect(g.True!.fpr!.lo).toBeGreaterThan(g.False!.fpr!.hi);
    expect(g.True!.tpr!.value).toBe(1);
    expect(r.metricName).toBe('accuracy');
    expect(r.largestGap).toMatchObject({ worse: 'True', better: 'False', significant: true });
  });
});

describe('biasByArtistFamiliarity', () => {
  it('separates known from unseen artists and buckets by training tracks', () => {
    // Train: artist A has 12 tracks, B 3, C 1. Test: A x40, B x40, C x40, new artists x60 ("Beyoncé" = "beyonce").
    const artists: string[] = [];
    const push = (name: string, k: number) => {
      for (let i = 0; i < k; i++) artists.push(name);
    };
    push('A', 12);
    push('B', 3);
    push('beyonce', 1);
    const trainRows = range(artists.length);
    push('a', 40);
    push('B', 40);
    push('Beyoncé', 40);
    for (let i = 0; i < 60; i++) artists.push(`New ${i}`);
    const table: Table = { rowCount: artists.length, columns: [stringColumn('artist', artists)] };
    const testRows = range(180).map((i) => i + 16);
    const rng = mulberry32(5);
    const yTrue = testRows.map(() => 50 + 20 * rng());
    const yPred = yTrue.map((t, i) => t + (i >= 120 ? 10 : 2) * randNormal(rng)); // unseen: much larger errors
    const r = biasByArtistFamiliarity(table, trainRows, testRows, yTrue, yPred, 'artist', {
      task: 'regression',
      seed: 3,
      iterations: 300,
    });
    expect(r.knownVsUnseen.groups.map((g) => [g.group, g.n])).toEqual([
      ['known artist', 120],
      ['unseen artist', 60],
    ]);
    expect(r.knownVsUnseen.largestGap).toMatchObject({ worse: 'unseen artist', significant: true });
    expect(r.byTrainingTracks.groups.map((g) => [g.group, g.n])).toEqual([
      ['0 training tracks', 60],
      ['1 training track', 40],
      ['2–4 training tracks', 40],
      ['10+ training tracks', 40],
    ]);
  });
});
