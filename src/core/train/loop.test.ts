import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModelDescriptor } from '../models';
import type { BuildContext } from '../models';
import { binarySet, linearSet, mse } from '../../test-support/train/fixtures';
import { predictBatched, summarizeModel, trainModel } from './index';
import type { TrainCheckpoint, TrainConfig, TrainSet } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const D = 6;
const ctx = (seed = 1, task: BuildContext['task'] = 'regression'): BuildContext => ({
  inputs: { tabular: D },
  task,
  outputUnits: 1,
  seed,
});
const mlp = (params: Record<string, unknown> = {}, c = ctx()) => {
  const d = getModelDescriptor('mlp');
  return d.build(c, { ...d.defaults, hiddenUnits: [16, 8], ...params });
};
const cfg = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 5,
  patience: 0,
  seed: 7,
  ...over,
});
const train = linearSet(256, D, 1);
const val = linearSet(64, D, 2);

const flatWeights = (m: tf.LayersModel): number[] => m.getWeights().flatMap((w) => Array.from(w.dataSync()));

describe('trainModel', () => {
  it('lowers the loss on a linear problem and reports every epoch and batch', async () => {
    const model = mlp({ dropout: 0 });
    const before = mse(predictBatched(model, val.inputs, val.n), val.y);
    let batches = 0;
    const r = await trainModel(model, train, val, cfg({ epochs: 8 }), { onBatch: () => batches++ });
    const after = mse(predictBatched(model, val.inputs, val.n), val.y);
    expect(r.stopReason).toBe('completed');
    expect(r.history).toHaveLength(8);
    expect(batches).toBe(8 * 8);
    expect(after).toBeLessThan(before * 0.2);
    expect(r.history[7]!.loss).toBeLessThan(r.history[0]!.loss);
    model.dispose();
  });

  it('early stopping restores the best epoch weights', async () => {
    // Validation targets are the negation of what training learns, so validation loss rises after epoch 1 or 2.
    const badVal: TrainSet = { ...val, y: val.y.map((v) => -v) };
    const model = mlp({ dropout: 0 });
    const r = await trainModel(model, train, badVal, cfg({ epochs: 30, patience: 2, learningRate: 0.02 }));
    expect(r.stopReason).toBe('early-stopped');
    expect(r.history.length).toBe(r.bestEpoch + 2);
    const best = r.history[r.bestEpoch - 1]!;
    expect(best.valLoss).toBe(r.bestValLoss);
    expect(r.history[r.history.length - 1]!.valLoss).toBeGreaterThan(best.valLoss);
    const restored = mse(predictBatched(model, badVal.inputs, badVal.n), badVal.y);
    expect(restored).toBeCloseTo(best.valLoss, 4);
    model.dispose();
  });

  it('divergence guard stops a huge learning rate with advice and finite weights', async () => {
    const model = mlp({ dropout: 0 });
    const r = await trainModel(model, train, val, cfg({ optimizer: 'sgd', learningRate: 1e4, epochs: 20 }));
    expect(r.stopReason).toBe('diverged');
    expect(r.message).toMatch(/lower learning rate|learning rate/i);
    expect(r.message).toMatch(/clipping/);
    expect(flatWeights(model).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('cancels within one batch', async () => {
    const model = mlp();
    let batches = 0;
    const r = await trainModel(model, train, val, cfg({ epochs: 50 }), {
      onBatch: () => batches++,
      shouldStop: () => batches >= 3,
    });
    expect(r.stopReason).toBe('cancelled');
    expect(batches).toBe(3);
    model.dispose();
  });

  it('yields to the event loop so a timer (a worker message) can cancel mid-run', async () => {
    const model = mlp();
    let stop = false;
    setTimeout(() => (stop = true), 30);
    const r = await trainModel(model, train, val, cfg({ epochs: 10_000 }), { shouldStop: () => stop });
    expect(r.stopReason).toBe('cancelled');
    expect(r.history.length).toBeLessThan(10_000);
    model.dispose();
  });

  it('pauses while waitIfPaused is pending and resumes where it stopped', async () => {
    const model = mlp();
    let batches = 0;
    let release: (() => void) | undefined;
    const done = trainModel(model, train, val, cfg({ epochs: 2 }), {
      onBatch: () => batches++,
      waitIfPaused: () => (batches === 3 ? new Promise<void>((r) => (release = r)) : undefined),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(batches).toBe(3);
    expect(release).toBeDefined();
    release!();
    const r = await done;
    expect(r.stopReason).toBe('completed');
    expect(batches).toBe(16);
    model.dispose();
  });

  it('is reproducible: same seed and data give the same history and weights (with dropout)', async () => {
    const run = async () => {
      const model = mlp({ dropout: 0.3 });
      const r = await trainModel(model, train, val, cfg({ epochs: 3 }));
      const w = flatWeights(model);
      model.dispose();
      return { h: r.history.map((e) => [e.loss, e.valLoss]), w };
    };
    const a = await run();
    const b = await run();
    expect(b.h).toEqual(a.h);
    expect(b.w).toEqual(a.w);
  });

  it('classifies a binary target with bce by default', async () => {
    const bin = binarySet(256, D, 3);
    const model = mlp({ dropout: 0 }, ctx(2, 'classification'));
    const r = await trainModel(model, bin, binarySet(64, D, 4), cfg({ epochs: 6 }));
    expect(r.history[5]!.valLoss).toBeLessThan(0.4);
    const p = predictBatched(model, bin.inputs, bin.n);
    let correct = 0;
    for (let i = 0; i < bin.n; i++) correct += (p[i]! > 0.5 ? 1 : 0) === bin.y[i] ? 1 : 0;
    expect(correct / bin.n).toBeGreaterThan(0.85);
    model.dispose();
  });

  it('keeps tf.memory() flat across five runs', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const model = mlp({ dropout: 0.2, batchNorm: i % 2 === 1, l2: 1e-3 });
      await trainModel(
        model,
        train,
        val,
        cfg({ epochs: 2, patience: 1, clipNorm: 1, optimizer: i % 2 ? 'adamw' : 'rmsprop' }),
        {
          onCheckpoint: () => undefined,
        },
      );
      predictBatched(model, val.inputs, val.n, 16);
      model.dispose();
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('resumes from a checkpoint at epoch + 1 and matches an uninterrupted run', async () => {
    const config = cfg({ epochs: 4, patience: 3 });
    const full = mlp({ dropout: 0.2 }, ctx(5));
    const rFull = await trainModel(full, train, val, config);
    const wFull = flatWeights(full);
    full.dispose();

    const first = mlp({ dropout: 0.2 }, ctx(5));
    let ck: TrainCheckpoint | undefined;
    await trainModel(first, train, val, config, {
      onCheckpoint: (c) => {
        if (c.epoch === 2) ck = c;
      },
      shouldStop: () => ck !== undefined,
    });
    first.dispose();
    expect(ck?.epoch).toBe(2);
    const second = mlp({ dropout: 0.2 }, ctx(99)); // different init: everything must come from the checkpoint
    const epochs: number[] = [];
    const rRes = await trainModel(
      second,
      train,
      val,
      config,
      { onEpoch: (e) => void epochs.push(e.epoch) },
      ck,
    );
    expect(epochs).toEqual([3, 4]);
    // FastAdam keeps its bias-correction powers in float32 state: a resumed run matches to ~1e-5, not bit for bit.
    rRes.history.forEach((e, i) => expect(e.valLoss).toBeCloseTo(rFull.history[i]!.valLoss, 4));
    const wRes = flatWeights(second);
    wRes.forEach((v, i) => expect(v).toBeCloseTo(wFull[i]!, 4));
    second.dispose();
  });

  it('rejects data that does not fit the model with a readable message', async () => {
    const model = mlp();
    const wrong = linearSet(10, D + 1, 1);
    await expect(trainModel(model, wrong, val, cfg())).rejects.toThrow(/shape \[7\].*expects \[6\]/);
    await expect(trainModel(model, train, val, cfg({ learningRate: 0 }))).rejects.toThrow(/learning rate/);
    model.dispose();
  });
});

describe('predictBatched and summarizeModel', () => {
  it('predicts in batches like model.predict, without leaking', () => {
    const model = mlp();
    const x = tf.tensor2d(val.inputs[0]!.data as Float32Array, [val.n, D]);
    const direct = (model.predict(x) as tf.Tensor).dataSync();
    const before = tf.memory().numTensors;
    const batched = predictBatched(model, val.inputs, val.n, 10);
    expect(tf.memory().numTensors).toBe(before);
    Array.from(batched).forEach((v, i) => expect(v).toBeCloseTo(direct[i]!, 5));
    tf.dispose(x);
    model.dispose();
  });

  it('summarises layers, shapes and parameter counts', () => {
    const model = mlp({ hiddenUnits: [8, 4], dropout: 0.1, batchNorm: true });
    const s = summarizeModel(model);
    // dense 6x8 (no bias with BN) + BN 4x8 + dense 8x4 + BN 4x4 + output 4x1+1
    expect(s.totalParams).toBe(48 + 32 + 32 + 16 + 5);
    expect(s.trainableParams).toBe(48 + 16 + 32 + 8 + 5);
    expect(s.layers.find((l) => l.name === 'dense1')).toMatchObject({
      type: 'Dense',
      outputShape: '[batch, 8]',
      params: 48,
    });
    expect(s.layers.map((l) => l.type)).toContain('SeededDropout');
    model.dispose();
  });
});
