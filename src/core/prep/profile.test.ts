/** Type inference, profiles (hand-computed statistics and warnings) and the suggested defaults. */
import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import { summariseNumbers } from './infer';
import { defaultFeatures, inferColumnType, profileTable, suggestTarget, suggestTask } from './index';

const n = 30;
const seq = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('inferColumnType', () => {
  const t = (c: Parameters<typeof inferColumnType>[0]) =>
    inferColumnType(c, c.kind === 'number' ? c.values.length : c.codes.length);
  it('numbers: number, integer, boolean (0/1), id (unique consecutive), constant', () => {
    expect(t(numberColumn('a', [0.5, 1, 2]))).toBe('number');
    expect(t(numberColumn('a', [1, 5, 5, 9]))).toBe('integer');
    expect(t(numberColumn('a', [0, 1, 1, NaN]))).toBe('boolean');
    expect(
      t(
        numberColumn(
          'a',
          seq((i) => i + 1),
        ),
      ),
    ).toBe('id');
    expect(t(numberColumn('a', [7, 7, NaN]))).toBe('constant');
    expect(t(numberColumn('a', [NaN, NaN]))).toBe('constant');
  });
  it('text: booleans in several spellings', () => {
    for (const pair of [
      ['true', 'false'],
      ['Yes', 'No'],
      ['TRUE', 'FALSE'],
      ['y', 'n'],
    ]) {
      expect(t(stringColumn('a', [pair[0], pair[1], pair[0], '']))).toBe('boolean');
    }
  });
  it('text: dates with year, year-month and ISO mixed (release dates)', () => {
    expect(t(stringColumn('d', ['2019', '2019-05', '2018-01-31', '2020-12-01T10:00:00Z', '']))).toBe('date');
    expect(t(stringColumn('d', ['10/18/2010', '6/2/2010', '13/02/2011']))).toBe('date');
  });
  it('multicategory (genres, artists), category, text, id, constant', () => {
    expect(
      t(
        stringColumn(
          'g',
          seq((i) => ['pop, R&B', 'pop', 'rock; pop', 'R&B'][i % 4]!),
        ),
      ),
    ).toBe('multicategory');
    expect(
      t(
        stringColumn(
          'c',
          seq((i) => ['C#', 'D', 'E'][i % 3]!),
        ),
      ),
    ).toBe('category');
    expect(
      t(
        stringColumn(
          's',
          seq((i) => `Song number ${i}`),
        ),
      ),
    ).toBe('text');
    expect(
      t(
        stringColumn(
          'u',
          seq((i) => `spotify:track:${i}x`),
        ),
      ),
    ).toBe('id');
    expect(t(stringColumn('k', ['same', 'same', '']))).toBe('constant');
    // Titles with an occasional comma are prose, not lists.
    expect(
      t(
        stringColumn(
          't',
          seq((i) => (i % 5 ? `Title ${i}` : `Hey, Soul Sister ${i}`)),
        ),
      ),
    ).toBe('text');
  });
});

describe('profileTable', () => {
  const table: Table = {
    rowCount: 6,
    columns: [
      numberColumn('streams', [1, 2, 3, 4, 100, NaN]),
      numberColumn('popularity', [10, 20, 30, 40, 50, 60]),
      numberColumn('pop_copy', [10, 20, 30, 40, 50, 60]),
      numberColumn('almost', [1.1, 2, 3.05, 4, 5, 6]),
      stringColumn('const', ['x', 'x', 'x', 'x', 'x', 'x']),
      stringColumn('genre', ['pop, rock', 'pop', 'rock', 'pop', 'jazz', '']),
    ],
  };
  const ps = profileTable(table, { target: 'popularity' });
  const by = (name: string) => ps.find((p) => p.name === name)!;
  it('statistics of 1, 2, 3, 4, 100 and a missing cell', () => {
    const s = by('streams');
    expect(s).toMatchObject({ index: 0, missing: 1, distinct: 5, min: 1, max: 100, mean: 22 });
    expect(s.missingShare).toBeCloseTo(1 / 6, 10);
    // population std: sqrt((21² + 20² + 19² + 18² + 78²) / 5) = sqrt((441 + 400 + 361 + 324 + 6084) / 5) = sqrt(7610 / 5)
    expect(s.std).toBeCloseTo(Math.sqrt(7610 / 5), 10);
    // 20 bins of width 99/20 over [1, 100]: 1..4 fall in bin 0, 100 in the last bin.
    expect(s.histogram).toHaveLength(20);
    expect(s.histogram![0]).toMatchObject({ x0: 1, count: 4 });
    expect(s.histogram![19]).toMatchObject({ x1: 100, count: 1 });
    expect(s.flags).toContain('skew');
    expect(s.suggestedScaling).toBe('log1p');
  });
  it('leakage: an exact copy and an r >= 0.98 column of the target', () => {
    expect(by('pop_copy').flags).toContain('leak');
    expect(by('pop_copy').warnings.join()).toMatch(/copy of the target/);
    expect(by('almost').flags).toContain('leak');
    expect(by('almost').warnings.join()).toMatch(/correlated/);
    expect(by('streams').flags).not.toContain('leak');
  });
  it('constant and multicategory top values (parts counted)', () => {
    expect(by('const').flags).toContain('constant');
    expect(by('genre').topValues).toEqual([
      { value: 'pop', count: 3 },
      { value: 'rock', count: 2 },
      { value: 'jazz', count: 1 },
    ]);
  });
  it('type overrides are honoured', () => {
    const q = profileTable(table, {
      types: ['number', 'number', 'number', 'number', 'category', 'category'],
    });
    expect(q[5]!.type).toBe('category');
  });
  it('suggestions: target, task, default features', () => {
    expect(suggestTarget(ps)).toBe('popularity');
    expect(suggestTask(by('popularity'))).toBe('regression');
    expect(suggestTask({ ...by('popularity'), type: 'boolean' })).toBe('classification');
    expect(defaultFeatures(ps, 'popularity')).toEqual(['streams', 'genre']);
  });
  it('suggestTarget finds pop / streams / target / hit, or nothing', () => {
    const mk = (names: string[]) =>
      profileTable({ rowCount: 3, columns: names.map((nm) => numberColumn(nm, [1, 2, 3])) });
    expect(suggestTarget(mk(['bpm', 'pop']))).toBe('pop');
    expect(suggestTarget(mk(['bpm', 'Streams']))).toBe('Streams');
    expect(suggestTarget(mk(['bpm', 'target']))).toBe('target');
    expect(suggestTarget(mk(['bpm', 'is_hit']))).toBe('is_hit');
    expect(suggestTarget(mk(['bpm', 'energy']))).toBeUndefined();
  });
});

describe('booleans and dates written as text', () => {
  const table: Table = {
    rowCount: 5,
    columns: [
      stringColumn('explicit', ['True', 'False', 'True', 'True', '']),
      stringColumn('released', ['2019', '2019-07', '2021-01-01', '2019', '']),
      numberColumn('popularity', [10, 0, 10, 10, 5]),
    ],
  };
  const [b, d, pop] = profileTable(table, { target: 'popularity' });
  it('booleans: 0/1 statistics from the value counts', () => {
    expect(b).toMatchObject({ type: 'boolean', missing: 1, distinct: 2, min: 0, max: 1, mean: 0.75 });
    // population std of 0, 1, 1, 1: sqrt(0.75 * 0.25)
    expect(b!.std).toBeCloseTo(Math.sqrt(0.1875), 12);
    expect(b!.histogram![0]!.count).toBe(1);
    expect(b!.histogram![19]!.count).toBe(3);
  });
  it('dates: fractional years (2019, 2019.5, 2021, 2019)', () => {
    expect(d).toMatchObject({ type: 'date', missing: 1, distinct: 3, min: 2019, max: 2021 });
    expect(d!.mean).toBeCloseTo(2019.625, 10);
    // deviations -0.625, -0.125, 1.375, -0.625: squares sum to 2.6875
    expect(d!.std).toBeCloseTo(Math.sqrt(2.6875 / 4), 10);
    expect(d!.histogram!.reduce((a, h) => a + h.count, 0)).toBe(4);
    expect(d!.histogram![0]!.count).toBe(2);
    expect(d!.histogram![19]!.count).toBe(1);
  });
  it('a text boolean that follows the target exactly is a leakage suspect (r = 1)', () => {
    expect(b!.flags).toContain('leak');
    expect(b!.warnings.join(' ')).toContain('r = 1.000');
    expect(pop!.flags).not.toContain('leak');
  });
});

describe('summariseNumbers distinct counts', () => {
  const exact = (xs: number[]) => new Set(xs.filter(Number.isFinite).map((v) => (v === 0 ? 0 : v))).size;
  const cases: [string, number[]][] = [
    ['integers with gaps and missing', [3, 7, 7, NaN, -2, 3, 1e6, Infinity]],
    [
      'three-decimal features (bitmap path)',
      Array.from({ length: 5000 }, (_, i) => Math.round(Math.sin(i) * 1e3) / 1e3),
    ],
    ['negative decimals and -0', [-0.5, -0, 0, 0.25, -60.123, -60.123, 0.001, -0.001]],
    [
      'values that are not k/1000 (hash path)',
      Array.from({ length: 3000 }, (_, i) => (i % 700) * 0.1 + 0.2 + 1e-9),
    ],
    ['0.1 + 0.2 is not 0.3', [0.1 + 0.2, 0.3, 0.3]],
    ['a wide three-decimal range (hash path)', [0.001, 1e5, 2e4 + 0.5, 0.001]],
  ];
  it.each(cases)('%s: equals a Set of the values', (_, xs) => {
    expect(summariseNumbers(Float64Array.from(xs)).distinct).toBe(exact(xs));
  });
});
