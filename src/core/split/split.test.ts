import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Table, numberColumn, stringColumn } from '../data/table';
import { mulberry32 } from '../random';
import { detectLeakage, leakageColumnsFor, parseTime, splitCounts, splitRows } from './index';

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** n rows: artist (n/5 artists of 5 tracks), title, year 2000..2019, popularity 0..99. */
function tracks(n: number): Table {
  const rng = mulberry32(7);
  return {
    rowCount: n,
    columns: [
      stringColumn(
        'artist',
        Array.from({ length: n }, (_, i) => `Artist ${Math.floor(i / 5)}`),
      ),
      stringColumn(
        'title',
        Array.from({ length: n }, (_, i) => `Song ${i}`),
      ),
      numberColumn(
        'year',
        Array.from({ length: n }, () => 2000 + Math.floor(rng() * 20)),
      ),
      numberColumn(
        'popularity',
        Array.from({ length: n }, () => Math.floor(rng() * 100)),
      ),
    ],
  };
}

function expectPartition(
  r: { train: Int32Array; val: Int32Array; test: Int32Array },
  rows: ArrayLike<number>,
) {
  const all = [...r.train, ...r.val, ...r.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from(rows).sort((a, b) => a - b));
}

describe('splitRows', () => {
  it('random: exact sizes, a partition, replayed by its seed, changed by another seed', () => {
    const t = tracks(1000);
    const cfg = { method: 'random' as const, train: 0.7, val: 0.15, test: 0.15, seed: 3 };
    const a = splitRows(t, range(1000), cfg);
    expect([a.train.length, a.val.length, a.test.length]).toEqual([700, 150, 150]);
    expectPartition(a, range(1000));
    const b = splitRows(t, range(1000), cfg);
    expect(b.test).toEqual(a.test);
    expect(b.train).toEqual(a.train);
    const c = splitRows(t, range(1000), { ...cfg, seed: 4 });
    expect(c.test).not.toEqual(a.test);
  });

  it('only splits the usable rows it is given', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i * 3);
    const r = splitRows(tracks(300), rows, { method: 'random', train: 0.8, val: 0, test: 0.2, seed: 1 });
    expectPartition(r, rows);
    expect(r.val.length).toBe(0);
  });

  it('rejects fractions that do not add up, and empty rows, with a readable message', () => {
    expect(() => splitCounts(10, { train: 0.5, val: 0.1, test: 0.1 })).toThrow(/add up to 1/);
    expect(() => splitCounts(10, { train: -0.1, val: 0.6, test: 0.5 })).toThrow(/train fraction/);
    expect(() => splitRows(tracks(10), [], { method: 'random', train: 1, val: 0, test: 0, seed: 1 })).toThrow(
      /no usable rows/,
    );
    expect(() =>
      splitRows(tracks(10), range(10), {
        method: 'grouped',
        train: 0.8,
        val: 0,
        test: 0.2,
        seed: 1,
        groupColumn: 'nope',
      }),
    ).toThrow(/"nope"/);
  });

  it('stratified (regression): every quantile bin is cut 70/15/15 within one row', () => {
    const t = tracks(1000);
    const bins = 5;
    const r = splitRows(t, range(1000), {
      method: 'stratified',
      train: 0.7,
      val: 0.15,
      test: 0.15,
      seed: 9,
      targetColumn: 'popularity',
      bins,
    });
    expectPartition(r, range(1000));
    expect(r.test.length).toBe(150);
    // Independent binning: sort all rows by target and cut into 5 equal-count bins.
    const pop = (t.columns[3] as { values: Float64Array }).values;
    const sorted = Array.from(range(1000)).sort((a, b) => pop[a]! - pop[b]! || a - b);
    const edges = [1, 2, 3, 4].map((k) => pop[sorted[k * 200]!]!);
    const binOf = (v: number) => edges.filter((e) => v >= e).length;
    const inTest = new Array(bins).fill(0);
    const inAll = new Array(bins).fill(0);
    for (const i of range(1000)) inAll[binOf(pop[i]!)]++;
    for (const i of r.test) inTest[binOf(pop[i]!)]++;
    // Ties at the edges blur value bins slightly; each bin's test share stays near 15%.
    for (let b = 0; b < bins; b++) expect(Math.abs(inTest[b] / inAll[b] - 0.15)).toBeLessThan(0.03);
    // A random split of the same data is visibly less even in at least one bin.
    const rand = splitRows(t, range(1000), { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 9 });
    const randShare = [0, 1, 2, 3, 4].map(
      (b) => rand.test.filter((i) => binOf(pop[i]!) === b).length / inAll[b],
    );
    expect(Math.max(...randShare) - Math.min(...randShare)).toBeGreaterThan(0.02);
  });

  it('stratified (classes): a 10% minority class keeps its share in every part', () => {
    const n = 500;
    const t: Table = {
      rowCount: n,
      columns: [
        numberColumn(
          'hit',
          Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)),
        ),
      ],
    };
    const r = splitRows(t, range(n), {
      method: 'stratified',
      train: 0.6,
      val: 0.2,
      test: 0.2,
      seed: 2,
      targetColumn: 'hit',
    });
    const hits = (a: Int32Array) => a.filter((i) => i % 10 === 0).length;
    expect([hits(r.train), hits(r.val), hits(r.test)]).toEqual([30, 10, 10]);
  });

  it('grouped: no artist on two sides, fractions roughly kept, no leakage reported', () => {
    const t = tracks(1000);
    const r = splitRows(t, range(1000), {
      method: 'grouped',
      train: 0.7,
      val: 0.15,
      test: 0.15,
      seed: 5,
      groupColumn: 'artist',
    });
    expectPartition(r, range(1000));
    const side = new Map<number, string>();
    for (const [name, part] of [
      ['train', r.train],
      ['val', r.val],
      ['test', r.test],
    ] as const) {
      for (const i of part) {
        const g = Math.floor(i / 5);
        expect(side.get(g) ?? name).toBe(name);
        side.set(g, name);
      }
    }
    expect(Math.abs(r.test.length - 150)).toBeLessThanOrEqual(5);
    expect(Math.abs(r.val.length - 150)).toBeLessThanOrEqual(5);
    expect(r.leakage).toEqual([]);
    // The same data under a random split leaks artists, and says so.
    const rand = splitRows(t, range(1000), { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 5 });
    expect(rand.leakage[0]?.column).toBe('artist');
    expect(rand.warnings.join(' ')).toMatch(/share "artist"/);
  });

  it('temporal: train is older than validation, which is older than test, for mixed date strings', () => {
    const dates = [
      '2019',
      '2018-05-01',
      '2001-01-15',
      '2010',
      '2015-12',
      '2003-07-04',
      'soon',
      '2012-02-02',
      '2007',
      '2016-06-06',
      '2011',
    ];
    const t: Table = { rowCount: dates.length, columns: [stringColumn('released', dates)] };
    const r = splitRows(t, range(dates.length), {
      method: 'temporal',
      train: 0.6,
      val: 0.2,
      test: 0.2,
      seed: 1,
      timeColumn: 'released',
    });
    const time = (i: number) => parseTime(dates[i]!);
    const dated = (a: Int32Array) => [...a].filter((i) => !Number.isNaN(time(i)));
    const maxTrain = Math.max(...dated(r.train).map(time));
    const minVal = Math.min(...[...r.val].map(time));
    expect(maxTrain).toBeLessThanOrEqual(minVal);
    expect(Math.max(...[...r.val].map(time))).toBeLessThanOrEqual(Math.min(...[...r.test].map(time)));
    expect([...r.test].map((i) => dates[i])).toEqual(expect.arrayContaining(['2019', '2018-05-01']));
    expect(r.train).toContain(6); // "soon" has no date: kept in training, with a warning
    expect(r.warnings.join(' ')).toMatch(/no readable "released"/);
  });

  it('temporal: a numeric year column, with seeded tie-breaking', () => {
    const t = tracks(400);
    const cfg = { method: 'temporal' as const, train: 0.7, val: 0.1, test: 0.2, seed: 8, timeColumn: 'year' };
    const r = splitRows(t, range(400), cfg);
    const year = (t.columns[2] as { values: Float64Array }).values;
    expect(Math.max(...[...r.train].map((i) => year[i]!))).toBeLessThanOrEqual(
      Math.min(...[...r.test].map((i) => year[i]!)),
    );
    expect(r.test.length).toBe(80);
    expect(splitRows(t, range(400), cfg).test).toEqual(r.test);
  });
});

describe('parseTime', () => {
  it('reads years, ISO dates and year-months in order', () => {
    expect(parseTime('2019')).toBe(Date.UTC(2019, 0, 1));
    expect(parseTime('2019-05-01')).toBe(Date.UTC(2019, 4, 1));
    expect(parseTime('2019-05')).toBe(Date.UTC(2019, 4, 1));
    expect(parseTime('not a date')).toBeNaN();
  });
});

describe('detectLeakage', () => {
  it('finds a planted duplicate song written differently, and nothing else', () => {
    const artists = ['Beyoncé', 'Adele', 'Drake', 'beyonce', 'Sia', 'Muse'];
    const titles = ['Halo', 'Hello', 'Hotline Bling', 'Halo (Remastered)', 'Chandelier', 'Uprising'];
    const t: Table = {
      rowCount: 6,
      columns: [stringColumn('artist', artists), stringColumn('song', titles)],
    };
    const split = { train: Int32Array.of(0, 1, 2), val: Int32Array.of(4), test: Int32Array.of(3, 5) };
    expect(leakageColumnsFor(t)).toEqual(['artist', 'artist+song']);
    const found = detectLeakage(t, split, ['artist', 'artist+song']);
    expect(found).toEqual([
      { column: 'artist', sharedGroups: 1, testRowsAffected: 1, examples: ['beyonce'] },
      {
        column: 'artist+song',
        sharedGroups: 1,
        testRowsAffected: 1,
        examples: ['beyonce - Halo (Remastered)'],
      },
    ]);
    // Validation rows never count, and a clean split reports nothing.
    expect(
      detectLeakage(t, { train: Int32Array.of(0, 1), val: Int32Array.of(3), test: Int32Array.of(4, 5) }, [
        'artist',
      ]),
    ).toEqual([]);
  });

  it('on top_hits_2000_2019: a random split leaks artists and duplicate songs; grouped by artist does not', () => {
    const csv = fs.readFileSync(
      path.resolve(__dirname, '../../../testdata/data/tabular/top_hits_2000_2019.csv'),
      'utf8',
    );
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    const rows = parsed.data;
    const t: Table = {
      rowCount: rows.length,
      columns: [
        stringColumn(
          'artist',
          rows.map((r) => r.artist),
        ),
        stringColumn(
          'song',
          rows.map((r) => r.song),
        ),
        numberColumn(
          'popularity',
          rows.map((r) => Number(r.popularity)),
        ),
      ],
    };
    const cfg = { method: 'random' as const, train: 0.7, val: 0.15, test: 0.15, seed: 42 };
    const rand = splitRows(t, range(t.rowCount), cfg);
    const byCol = Object.fromEntries(rand.leakage.map((f) => [f.column, f]));
    expect(byCol.artist!.testRowsAffected).toBeGreaterThan(100);
    expect(byCol['artist+song']!.sharedGroups).toBeGreaterThan(5); // the file lists some hits twice
    const grouped = splitRows(t, range(t.rowCount), { ...cfg, method: 'grouped', groupColumn: 'artist' });
    expect(grouped.leakage).toEqual([]);
  });
});
