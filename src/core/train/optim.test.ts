import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModelDescriptor } from '../models';
import { binarySet, linearSet, multiclassSet, mse } from '../../test-support/train/fixtures';
import { computeLoss, predictBatched, trainModel } from './index';
import type { TrainCheckpoint, TrainConfig, TrainSet } from './index';
import { clipByGlobalNorm, scheduledLr } from './optim';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const loss = (
  name: Parameters<typeof computeLoss>[0],
  p: number[][],
  y: number[][],
  w?: number[],
): number => {
  const v = tf.tidy(() => computeLoss(name, tf.tensor2d(p), tf.tensor2d(y), w).dataSync()[0]!);
  return v;
};

describe('losses (hand-computed)', () => {
  it('regression losses', () => {
    expect(loss('mse', [[0.5], [2]], [[1], [0]])).toBeCloseTo(2.125, 6);
    expect(loss('mae', [[0.5], [2]], [[1], [0]])).toBeCloseTo(1.25, 6);
    expect(loss('huber', [[0.5], [2]], [[1], [0]])).toBeCloseTo((0.125 + 1.5) / 2, 6);
  });
  it('binary cross-entropy with and without class weights', () => {
    const a = -Math.log(0.8);
    const b = -Math.log(0.7);
    expect(loss('bce', [[0.8], [0.3]], [[1], [0]])).toBeCloseTo((a + b) / 2, 5);
    expect(loss('bce', [[0.8], [0.3]], [[1], [0]], [1, 3])).toBeCloseTo((3 * a + b) / 2, 5);
  });
  it('categorical cross-entropy with class weights', () => {
    const p = [
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
    ];
    const y = [
      [1, 0, 0],
      [0, 0, 1],
    ];
    expect(loss('cce', p, y)).toBeCloseTo((-Math.log(0.7) - Math.log(0.8)) / 2, 5);
    expect(loss('cce', p, y, [2, 1, 1])).toBeCloseTo((-2 * Math.log(0.7) - Math.log(0.8)) / 2, 5);
  });
});

describe('schedules and clipping', () => {
  it('step and cosine learning rates', () => {
    const step = { type: 'step' as const, stepEvery: 2, factor: 0.5 };
    expect([1, 2, 3, 4, 5].map((e) => scheduledLr(0.1, step, e, 5))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    const cos = { type: 'cosine' as const };
    expect(scheduledLr(0.1, cos, 1, 10)).toBeCloseTo(0.1, 9);
    expect(scheduledLr(0.1, cos, 6, 10)).toBeCloseTo(0.05, 9);
    expect(scheduledLr(0.1, cos, 10, 10)).toBeLessThan(0.01);
  });
  it('clips by global norm', () => {
    const g: tf.NamedTensorMap = { a: tf.tensor1d([3]), b: tf.tensor1d([4]) };
    expect(clipByGlobalNorm(g, 1)).toBeCloseTo(5, 5);
    expect(g.a!.dataSync()[0]).toBeCloseTo(0.6, 5);
    expect(g.b!.dataSync()[0]).toBeCloseTo(0.8, 5);
    clipByGlobalNorm(g, 10);
    expect(g.b!.dataSync()[0]).toBeCloseTo(0.8, 5);
    tf.dispose(g);
  });
});

const D = 5;
const train = linearSet(192, D, 1);
const val = linearSet(64, D, 2);
const cfg = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 4,
  patience: 0,
  seed: 1,
  ...over,
});
const build = (
  task: 'regression' | 'classification' = 'regression',
  units = 1,
  params: Record<string, unknown> = {},
) => {
  const d = getModelDescriptor('mlp');
  return d.build(
    { inputs: { tabular: D }, task, outputUnits: units, seed: 4 },
    { ...d.defaults, hiddenUnits: [16], dropout: 0, ...params },
  );
};
const kernelNorm = (m: tf.LayersModel): number =>
  m.weights
    .filter((w) => w.name.includes('kernel'))
    .reduce((s, w) => s + tf.tidy(() => tf.sum(tf.square(w.read())).dataSync()[0]!), 0);

describe('optimizers and training options', () => {
  const variants: [string, Partial<TrainConfig>][] = [
    ['adam', { optimizer: 'adam', learningRate: 0.05 }],
    ['adamw', { optimizer: 'adamw', learningRate: 0.05, weightDecay: 0.01 }],
    ['rmsprop', { optimizer: 'rmsprop', learningRate: 0.01 }],
    ['sgd + momentum', { optimizer: 'sgd', learningRate: 0.02, momentum: 0.9 }],
    ['sgd', { optimizer: 'sgd', learningRate: 0.05 }],
  ];
  for (const [name, over] of variants) {
    it(`${name} lowers the validation loss`, async () => {
      const m = build();
      const before = mse(predictBatched(m, val.inputs, val.n), val.y);
      const r = await trainModel(m, train, val, cfg(over));
      expect(r.history[3]!.valLoss).toBeLessThan(before * 0.3);
      m.dispose();
    });
  }

  it('AdamW decoupled weight decay shrinks the kernels relative to Adam', async () => {
    const a = build();
    const w = build();
    await trainModel(a, train, val, cfg({ optimizer: 'adam', epochs: 3 }));
    await trainModel(w, train, val, cfg({ optimizer: 'adamw', weightDecay: 2, epochs: 3 }));
    expect(kernelNorm(w)).toBeLessThan(kernelNorm(a) * 0.9);
    a.dispose();
    w.dispose();
  });

  it('reports the scheduled learning rate; plateau halves it after stalled epochs', async () => {
    const m = build();
    const r = await trainModel(
      m,
      train,
      val,
      cfg({ epochs: 4, schedule: { type: 'step', stepEvery: 2, factor: 0.1 } }),
    );
    expect(r.history.map((e) => e.lr)).toEqual([0.01, 0.01, 0.001, 0.001].map((v) => expect.closeTo(v, 9)));
    const badVal: TrainSet = { ...val, y: val.y.map((v) => -v) };
    const r2 = await trainModel(
      m,
      train,
      badVal,
      cfg({ epochs: 5, schedule: { type: 'plateau', patience: 1, factor: 0.5 } }),
    );
    const lrs = r2.history.map((e) => e.lr);
    expect(lrs[0]).toBe(0.01);
    expect(Math.min(...lrs)).toBeLessThan(0.01);
    lrs.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(lrs[i]!));
    m.dispose();
  });

  it('class weights push a binary model towards the weighted class', async () => {
    const bin = binarySet(192, D, 5);
    const meanP = async (w?: number[]) => {
      const m = build('classification');
      await trainModel(m, bin, binarySet(64, D, 6), cfg({ epochs: 3, classWeights: w }));
      const p = predictBatched(m, bin.inputs, bin.n);
      m.dispose();
      return p.reduce((s, v) => s + v, 0) / p.length;
    };
    expect(await meanP([1, 8])).toBeGreaterThan((await meanP()) + 0.1);
  });

  it('trains a softmax head with categorical cross-entropy by default', async () => {
    const k = 3;
    const tr = multiclassSet(192, D, k, 7);
    const va = multiclassSet(96, D, k, 8);
    const m = build('classification', k);
    const r = await trainModel(m, tr, va, cfg({ epochs: 6, learningRate: 0.02 }));
    expect(r.history[5]!.valLoss).toBeLessThan(r.history[0]!.valLoss);
    const p = predictBatched(m, va.inputs, va.n);
    let ok = 0;
    for (let i = 0; i < va.n; i++) {
      const row = Array.from(p.subarray(i * k, i * k + k));
      ok += va.y[i * k + row.indexOf(Math.max(...row))] === 1 ? 1 : 0;
    }
    expect(ok / va.n).toBeGreaterThan(0.75);
    m.dispose();
  });

  it('blames the data when the very first batch is not finite', async () => {
    const huge: TrainSet = {
      ...train,
      inputs: [{ data: train.inputs[0]!.data.map((v) => v * 1e30), shape: [D] }],
    };
    const m = build();
    const r = await trainModel(m, huge, val, cfg());
    expect(r.stopReason).toBe('diverged');
    expect(r.message).toMatch(/first batch.*scaled/);
    m.dispose();
  });

  it('checkpoints are plain, structured-cloneable data', async () => {
    const m = build();
    const cks: TrainCheckpoint[] = [];
    await trainModel(m, train, val, cfg({ epochs: 2, patience: 2 }), {
      onCheckpoint: (c) => void cks.push(c),
    });
    expect(cks.map((c) => c.epoch)).toEqual([1, 2]);
    const c = structuredClone(cks[1]!);
    expect(c.weights.every((w) => w.data instanceof Float32Array)).toBe(true);
    expect(c.weights.map((w) => w.shape)).toEqual(m.weights.map((w) => w.shape));
    expect(c.optimizerState!.length).toBe(2 * m.trainableWeights.length);
    expect(c.history).toHaveLength(2);
    m.dispose();
  });
});
