/**
 * Every transform of the pipeline against numbers computed by hand (see the comments), plus
 * JSON round-trips and robustness on unseen tables.
 */
import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../data/table';
import {
  embeddingInputs,
  fitPipeline,
  inverseTarget,
  targetPresentRows,
  transformFeatures,
  transformTarget,
} from './index';
import type { FeatureSpec, PrepConfig } from './index';
import { foldOf, TE_SMOOTHING } from './categorical';

const table: Table = {
  rowCount: 5,
  columns: [
    numberColumn('x', [1, 2, 6, NaN, 10]),
    stringColumn('b', ['True', 'False', 'True', '', 'False']),
    stringColumn('cat', ['a', 'b', 'a', 'c', '']),
    stringColumn('multi', ['pop, rock', 'pop', 'jazz', '', 'rock; pop']),
    stringColumn('date', ['2019-03-01', '2020', '2018-07', '', '2021-01-15']),
    numberColumn('y', [10, 20, 30, 40, 50]),
  ],
};
const TRAIN = [0, 1, 2, 3];
const reg = (features: FeatureSpec[], extra: Partial<PrepConfig> = {}): PrepConfig => ({
  target: 'y',
  task: 'regression',
  features,
  ...extra,
});
const col = (p: ReturnType<typeof transformFeatures>, name: string) => {
  const j = p.featureNames.indexOf(name);
  expect(j).toBeGreaterThanOrEqual(0);
  return Array.from({ length: p.nRows }, (_, i) => p.X[i * p.nFeatures + j]!);
};

describe('numeric chain (train x = 1, 2, 6, missing)', () => {
  it('median impute + standard: imputed 2 -> t = 1,2,6,2, mean 2.75, std 1.920286', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', missingIndicator: true }]));
    const out = transformFeatures(p, table);
    expect(out.featureNames).toEqual(['x', 'x__missing']);
    expect(out.sourceColumn).toEqual(['x', 'x']);
    const x = col(out, 'x');
    expect(x[0]).toBeCloseTo(-0.9113224, 5);
    expect(x[3]).toBeCloseTo((2 - 2.75) / 1.920286, 5);
    expect(x[4]).toBeCloseTo(3.7754784, 5);
    expect(col(out, 'x__missing')).toEqual([0, 0, 0, 1, 0]);
  });
  it('mean impute: 3 -> t = 1,2,6,3, mean 3, std 1.870829; the missing row becomes 0', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', impute: 'mean' }]));
    const x = col(transformFeatures(p, table), 'x');
    expect(x[3]).toBeCloseTo(0, 6);
    expect(x[0]).toBeCloseTo((1 - 3) / 1.8708287, 5);
  });
  it('constant impute -1 with no scaling', () => {
    const p = fitPipeline(
      table,
      TRAIN,
      reg([{ name: 'x', type: 'number', impute: 'constant', constant: -1, scaling: 'none' }]),
    );
    expect(col(transformFeatures(p, table), 'x')).toEqual([1, 2, 6, -1, 10]);
  });
  it('minmax: t = 1,2,6,2 -> (v - 1) / 5', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', scaling: 'minmax' }]));
    const x = col(transformFeatures(p, table), 'x');
    [0, 0.2, 1, 0.2, 1.8].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 6));
  });
  it('robust: median 2, IQR 3 - 1.75 = 1.25 (linear quantiles of 1,2,2,6)', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', scaling: 'robust' }]));
    const x = col(transformFeatures(p, table), 'x');
    expect(x[4]).toBeCloseTo(6.4, 5);
    expect(x[0]).toBeCloseTo(-0.8, 5);
  });
  it('log1p: log1p(t) has mean 1.2090705, std 0.4564843; x = 10 -> 2.6043061', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', scaling: 'log1p' }]));
    expect(col(transformFeatures(p, table), 'x')[4]).toBeCloseTo(2.6043061, 5);
  });
  it('clip at the 25th/75th percentiles of 1,2,6 (1.5 and 4): t = 1.5,2,4,2, mean 2.375, std 0.9601432', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'x', type: 'number', clip: [25, 75] }]));
    const f = p.features[0]!;
    expect(f.kind === 'numeric' && f.clip).toEqual([1.5, 4]);
    const x = col(transformFeatures(p, table), 'x');
    expect(x[4]).toBeCloseTo(1.6924558, 5);
    expect(x[0]).toBeCloseTo(-0.9113224, 5);
  });
  it('boolean text: True/False -> 1/0, mode-imputed (train 1,0,1 -> 1), unscaled', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'b', type: 'boolean' }]));
    expect(col(transformFeatures(p, table), 'b')).toEqual([1, 0, 1, 1, 0]);
  });
});

describe('categorical encoders', () => {
  it('one-hot top K=2 of a(2) b(1) c(1) + other; missing is all zeros', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'cat', type: 'category', topK: 2 }]));
    const out = transformFeatures(p, table);
    expect(out.featureNames).toEqual(['cat=a', 'cat=b', 'cat=__other__']);
    expect(Array.from(out.X)).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
  });
  it('one-hot with mode imputation and a missing indicator', () => {
    const p = fitPipeline(
      table,
      TRAIN,
      reg([{ name: 'cat', type: 'category', impute: 'mode', missingIndicator: true }]),
    );
    const out = transformFeatures(p, table, [4]);
    expect(out.featureNames).toEqual(['cat=a', 'cat=b', 'cat=c', 'cat=__other__', 'cat__missing']);
    expect(Array.from(out.X)).toEqual([1, 0, 0, 0, 1]);
  });
  it('multi-hot: parts pop(2) rock(1) jazz(1); "rock; pop" sets two slots', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'multi', type: 'multicategory' }]));
    const out = transformFeatures(p, table);
    expect(out.featureNames).toEqual(['multi=pop', 'multi=rock', 'multi=jazz', 'multi=__other__']);
    expect(Array.from(out.X)).toEqual([1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
  });
  it('embedding vocabulary: a=1, b=2, c=3, unknown and missing = 0', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'cat', type: 'category', encoding: 'embedding' }]));
    expect(transformFeatures(p, table).nFeatures).toBe(0);
    const other: Table = { rowCount: 3, columns: [stringColumn('cat', ['c', 'zzz', ''])] };
    expect(embeddingInputs(p, other)).toEqual([
      { name: 'cat', ids: Int32Array.from([3, 0, 0]), vocabSize: 4 },
    ]);
  });
  it('dates -> year, month, age in years from the latest training date (2020.0)', () => {
    const p = fitPipeline(table, TRAIN, reg([{ name: 'date', type: 'date', scaling: 'none' }]));
    const out = transformFeatures(p, table);
    expect(out.featureNames).toEqual(['date__year', 'date__month', 'date__age']);
    // year: 2019, 2020, 2018, missing -> median 2019, 2021
    expect(col(out, 'date__year')).toEqual([2019, 2020, 2018, 2019, 2021]);
    // month: 3, (year only), 7, missing -> median of 3 and 7 = 5, 1
    expect(col(out, 'date__month')).toEqual([3, 5, 7, 5, 1]);
    // age: 2020 - (2019 + 2/12), 0, 2020 - 2018.5, median 0.8333, 2020 - (2021 + 14/365)
    const age = col(out, 'date__age');
    [2020 - (2019 + 2 / 12), 0, 1.5, 2020 - (2019 + 2 / 12), 2020 - (2021 + 14 / 365)].forEach((v, i) =>
      expect(age[i]).toBeCloseTo(v, 5),
    );
  });
});

describe('target encoding (smoothed, out-of-fold on training rows)', () => {
  // 40 rows: category k = i % 4, target 1 when i % 4 < 2 (so a and b are "hits") with one exception.
  const n = 40;
  const cats = Array.from({ length: n }, (_, i) => 'abcd'[i % 4]!);
  const ys = Array.from({ length: n }, (_, i) => (i % 4 < 2 ? 1 : 0) ^ (i === 0 ? 1 : 0));
  const t: Table = {
    rowCount: n,
    columns: [
      stringColumn('k', cats),
      numberColumn('hit', ys),
      stringColumn(
        'uid',
        cats.map((_, i) => `u${i}`),
      ),
    ],
  };
  const train = Array.from({ length: 30 }, (_, i) => i);
  const config: PrepConfig = {
    target: 'hit',
    task: 'classification',
    features: [{ name: 'k', type: 'category', encoding: 'target' }],
  };
  const p = fitPipeline(t, train, config, 7);

  it('rows outside training get (sum + m·prior) / (count + m) from all training rows', () => {
    // Train rows 0..29: a = rows 0,4,..,28 (8 rows, y=1 except row 0 -> sum 7), b = rows 1,5,..,29
    // (8 rows, sum 8), c and d: 7 rows each, all 0 -> prior = 15/30 = 0.5, m = 10.
    // Rows 30, 31, 32 are c, d, a: 5/17, 5/17, (7 + 5)/(8 + 10).
    expect(TE_SMOOTHING).toBe(10);
    const X = transformFeatures(p, t, [30, 31, 32]).X;
    expect(X[0]).toBeCloseTo(5 / 17, 6);
    expect(X[1]).toBeCloseTo(5 / 17, 6);
    expect(X[2]).toBeCloseTo(12 / 18, 6);
  });
  it('training rows get the out-of-fold value (brute force over the same folds)', () => {
    const X = transformFeatures(p, t, train).X;
    const prior = 0.5;
    train.forEach((r, i) => {
      let s = 0;
      let c = 0;
      for (const q of train) {
        if (cats[q] !== cats[r] || foldOf(q, 7) === foldOf(r, 7)) continue;
        s += ys[q]!;
        c++;
      }
      expect(X[i]).toBeCloseTo((s + TE_SMOOTHING * prior) / (c + TE_SMOOTHING), 6);
    });
  });
  it('never sees its own target: unique categories encode to the prior on training rows', () => {
    const q = fitPipeline(
      t,
      train,
      { ...config, features: [{ name: 'uid', type: 'category', encoding: 'target' }] },
      3,
    );
    const X = transformFeatures(q, t, train).X;
    X.forEach((v) => expect(v).toBeCloseTo(0.5, 6));
  });
  it('unseen and missing categories get the prior; JSON round-trip changes nothing', () => {
    const other: Table = { rowCount: 2, columns: [stringColumn('k', ['zzz', ''])] };
    const X = transformFeatures(JSON.parse(JSON.stringify(p)), other).X;
    expect(X[0]).toBeCloseTo(0.5, 6);
    expect(X[1]).toBeCloseTo(0.5, 6);
    expect(transformFeatures(JSON.parse(JSON.stringify(p)), t).X).toEqual(transformFeatures(p, t).X);
  });
});

describe('target', () => {
  it('regression: standardised by train mean 25, std sqrt(125); inverse gives units back', () => {
    const p = fitPipeline(table, TRAIN, reg([]));
    const y = transformTarget(p, table);
    expect(y[4]).toBeCloseTo(25 / Math.sqrt(125), 5);
    expect(Array.from(inverseTarget(p, y))).toEqual([10, 20, 30, 40, 50].map((v) => expect.closeTo(v, 4)));
  });
  it('regression with log1p: mean 3.1474942, std 0.4937166; y=50 -> 1.5886269; inverse exact', () => {
    const p = fitPipeline(table, TRAIN, reg([], { targetTransform: 'log1p' }));
    const y = transformTarget(p, table);
    expect(y[4]).toBeCloseTo(1.5886269, 5);
    expect(inverseTarget(p, y)[4]).toBeCloseTo(50, 3);
  });
  it('classification: numeric target binarised at hitThreshold (>= is 1)', () => {
    const p = fitPipeline(table, TRAIN, {
      target: 'y',
      task: 'classification',
      features: [],
      hitThreshold: 30,
    });
    expect(Array.from(transformTarget(p, table))).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(inverseTarget(p, [0.25]))).toEqual([0.25]);
  });
  it('classification: text labels with a positive label, true/false text, and missing -> NaN', () => {
    const p = fitPipeline(table, TRAIN, {
      target: 'cat',
      task: 'classification',
      features: [],
      positiveLabel: 'b',
    });
    expect(Array.from(transformTarget(p, table))).toEqual([0, 1, 0, 0, NaN]);
    const q = fitPipeline(table, TRAIN, { target: 'b', task: 'classification', features: [] });
    expect(Array.from(transformTarget(q, table))).toEqual([1, 0, 1, NaN, 0]);
  });
  it('targetPresentRows drops missing targets and rows missing a feature imputed with "drop"', () => {
    const p = fitPipeline(table, TRAIN, { target: 'b', task: 'classification', features: [] });
    expect(Array.from(targetPresentRows(p, table))).toEqual([0, 1, 2, 4]);
    const cfg = reg([{ name: 'cat', type: 'category', impute: 'drop' }]);
    expect(Array.from(targetPresentRows(cfg, table))).toEqual([0, 1, 2, 3]);
  });
});

describe('robustness and serialisation', () => {
  const features: FeatureSpec[] = [
    { name: 'x', type: 'number' },
    { name: 'b', type: 'boolean' },
    { name: 'cat', type: 'category' },
    { name: 'multi', type: 'multicategory' },
    { name: 'date', type: 'date' },
  ];
  it('is versioned plain JSON; a round-trip transforms identically', () => {
    const p = fitPipeline(table, TRAIN, reg(features));
    expect(p.version).toBe(1);
    const q = JSON.parse(JSON.stringify(p));
    expect(q).toEqual(p);
    expect(transformFeatures(q, table).X).toEqual(transformFeatures(p, table).X);
  });
  it('an unseen table with new categories, junk and missing cells never throws and has no NaN', () => {
    const p = fitPipeline(table, TRAIN, reg(features));
    const fresh: Table = {
      rowCount: 3,
      columns: [
        stringColumn('x', ['oops', '', '3']),
        numberColumn('b', [NaN, 1, 0]),
        stringColumn('cat', ['zzz', '', 'a']),
        stringColumn('multi', ['metal', '', 'pop']),
        stringColumn('date', ['someday', '', '1999']),
      ],
    };
    const out = transformFeatures(p, fresh);
    expect(out.nRows).toBe(3);
    expect(Array.from(out.X).every(Number.isFinite)).toBe(true);
    expect(col(out, 'cat=__other__')).toEqual([1, 0, 0]);
    expect(col(out, 'multi=__other__')).toEqual([1, 0, 0]);
  });
  it('a missing column is an Error naming it', () => {
    const p = fitPipeline(table, TRAIN, reg(features));
    expect(() => transformFeatures(p, { rowCount: 0, columns: [] })).toThrow(
      /Column "x" is not in this table/,
    );
  });
});
