import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictBatched, summarizeModel, trainModel } from '../train';
import type { ArrayInput } from '../train';
import { SeededDropout, getModelDescriptor, modelRegistry } from './index';
import type { BuildContext, InputSpec, ModelDescriptor } from './index';
import { mulberry32 } from '../random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec: InputSpec = {
  tabular: 5,
  embeddings: [
    { name: 'artist', vocabSize: 30 },
    { name: 'genre', vocabSize: 6 },
  ],
  sequence: { frames: 16, coeffs: 4 },
  spectrogram: { mels: 8, frames: 16 },
};

/** Expected per-row input shapes in contract order for a descriptor's needs. */
function expectedInputs(d: ModelDescriptor): { shape: number[]; dtype: string }[] {
  const out: { shape: number[]; dtype: string }[] = [];
  if (d.needs.includes('tabular')) out.push({ shape: [5], dtype: 'float32' });
  if (d.needs.includes('embeddings'))
    out.push({ shape: [1], dtype: 'int32' }, { shape: [1], dtype: 'int32' });
  if (d.needs.includes('sequence')) out.push({ shape: [16, 4], dtype: 'float32' });
  if (d.needs.includes('spectrogram')) out.push({ shape: [8, 16, 1], dtype: 'float32' });
  return out;
}

function randomInputs(d: ModelDescriptor, n: number): ArrayInput[] {
  const rng = mulberry32(3);
  return expectedInputs(d).map(({ shape, dtype }) => {
    const size = n * shape.reduce((a, b) => a * b, 1);
    const data =
      dtype === 'int32'
        ? Int32Array.from({ length: size }, () => Math.floor(rng() * 6))
        : Float32Array.from({ length: size }, () => rng() - 0.5);
    return { data, shape };
  });
}

describe('model registry', () => {
  it('has unique ids, schemas covering every default, and a readable error for unknown ids', () => {
    expect(new Set(modelRegistry.map((m) => m.id)).size).toBe(modelRegistry.length);
    expect(modelRegistry.map((m) => m.id)).toEqual([
      'mlp',
      'wide-deep',
      'cnn1d',
      'cnn2d',
      'lstm',
      'gru',
      'crnn',
      'fusion-seq',
      'fusion-spec',
    ]);
    for (const m of modelRegistry) {
      expect(Object.keys(m.paramSchema).sort()).toEqual(Object.keys(m.defaults).sort());
      for (const [k, s] of Object.entries(m.paramSchema)) {
        if (s.type === 'enum') expect(s.options, `${m.id}.${k}`).toContain(m.defaults[k]);
      }
    }
    expect(() => getModelDescriptor('nope')).toThrow(/Known models: mlp/);
  });

  for (const d of modelRegistry) {
    for (const task of d.tasks) {
      for (const units of task === 'classification' ? [1, 3] : [1]) {
        it(`${d.id} builds for ${task} with ${units} output unit(s)`, () => {
          const ctx: BuildContext = { inputs: spec, task, outputUnits: units, seed: 1 };
          const model = d.build(ctx, d.defaults);
          const want = expectedInputs(d);
          expect(model.inputs.map((i) => i.shape.slice(1))).toEqual(want.map((w) => w.shape));
          expect(model.inputs.map((i) => i.dtype)).toEqual(want.map((w) => w.dtype));
          expect(model.outputs[0]!.shape).toEqual([null, units]);
          const act = (model.layers[model.layers.length - 1]!.getConfig() as { activation: string })
            .activation;
          expect(act).toBe(task === 'regression' ? 'linear' : units === 1 ? 'sigmoid' : 'softmax');
          const p = predictBatched(model, randomInputs(d, 3), 3);
          expect(p).toHaveLength(3 * units);
          expect(Array.from(p).every(Number.isFinite)).toBe(true);
          if (units === 3)
            for (let r = 0; r < 3; r++) expect(p[r * 3]! + p[r * 3 + 1]! + p[r * 3 + 2]!).toBeCloseTo(1, 5);
          expect(summarizeModel(model).totalParams).toBeGreaterThan(0);
          model.dispose();
        });
      }
    }
  }

  it('every entry survives a save / load round trip with the same predictions (custom layers registered)', async () => {
    for (const d of modelRegistry) {
      const model = d.build({ inputs: spec, task: 'regression', outputUnits: 1, seed: 4 }, d.defaults);
      const x = randomInputs(d, 2);
      const before = predictBatched(model, x, 2);
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (a) => {
          saved = a;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
      const after = predictBatched(loaded, x, 2);
      Array.from(after).forEach((v, i) => expect(v, d.id).toBeCloseTo(before[i]!, 5));
      model.dispose();
      loaded.dispose();
    }
  });

  it('SeededDropout is active only in training, varies per call and replays after reseed', () => {
    const d = getModelDescriptor('mlp');
    const m = d.build(
      { inputs: { tabular: 5 }, task: 'regression', outputUnits: 1, seed: 1 },
      { ...d.defaults, hiddenUnits: [32], dropout: 0.5 },
    );
    const x = tf.ones([4, 5]);
    const run = (training: boolean) =>
      tf.tidy(() => Array.from((m.apply(x, { training }) as tf.Tensor).dataSync()));
    const drop = m.layers.find((l) => l instanceof SeededDropout) as SeededDropout;
    drop.reseed(5);
    const a = run(true);
    const b = run(true);
    expect(a).not.toEqual(b);
    expect(run(false)).toEqual(run(false));
    expect(run(false)).not.toEqual(a);
    drop.reseed(5);
    expect(run(true)).toEqual(a);
    x.dispose();
    m.dispose();
  });

  it('bidirectional layers start with different forward and backward kernels', () => {
    const d = getModelDescriptor('gru');
    const m = d.build(
      { inputs: spec, task: 'regression', outputUnits: 1, seed: 1 },
      { ...d.defaults, units: [4], bidirectional: true },
    );
    const k = (dir: string) =>
      m.weights
        .find((w) => w.name.includes(`${dir}_gru1/kernel`))!
        .read()
        .dataSync();
    expect(Array.from(k('forward'))).not.toEqual(Array.from(k('backward')));
    m.dispose();
  });

  it('rejects category codes outside the embedding vocabulary', async () => {
    const d = getModelDescriptor('wide-deep');
    const m = d.build(
      {
        inputs: { tabular: 2, embeddings: [{ name: 'artist', vocabSize: 4 }] },
        task: 'regression',
        outputUnits: 1,
        seed: 1,
      },
      d.defaults,
    );
    const set = {
      inputs: [
        { data: new Float32Array(6), shape: [2] },
        { data: Int32Array.from([0, 3, -1]), shape: [] },
      ],
      y: new Float32Array(3),
      n: 3,
    };
    const cfg = {
      optimizer: 'adam' as const,
      learningRate: 0.01,
      batchSize: 2,
      epochs: 1,
      patience: 0,
      seed: 1,
    };
    await expect(trainModel(m, set, set, cfg)).rejects.toThrow(/code -1 in row 2 .*outside 0\.\.3/);
    m.dispose();
  });

  it('tells the user which input a model is missing', () => {
    expect(() =>
      getModelDescriptor('lstm').build(
        { inputs: { tabular: 4 }, task: 'regression', outputUnits: 1, seed: 1 },
        getModelDescriptor('lstm').defaults,
      ),
    ).toThrow(/needs frame sequences/);
  });
});

describe('parameter counts (hand-computed)', () => {
  const count = (
    id: string,
    params: Record<string, unknown>,
    inputs: InputSpec = spec,
    units = 1,
  ): number => {
    const d = getModelDescriptor(id);
    const m = d.build(
      { inputs, task: 'regression', outputUnits: units, seed: 2 },
      { ...d.defaults, ...params },
    );
    const n = m.countParams();
    m.dispose();
    return n;
  };

  it('mlp: 5 -> 8 -> 4 -> 1', () => {
    expect(count('mlp', { hiddenUnits: [8, 4], batchNorm: false })).toBe(5 * 8 + 8 + (8 * 4 + 4) + (4 + 1));
  });
  it('cnn1d: conv(k3, 4 -> 8) + head', () => {
    expect(count('cnn1d', { filters: [8], kernelSize: 3, batchNorm: false, denseUnits: 0 })).toBe(
      3 * 4 * 8 + 8 + 8 + 1,
    );
  });
  it('cnn2d: conv(3x3, 1 -> 4) + BN(4) + dense 6 + head', () => {
    expect(count('cnn2d', { filters: [4], kernelSize: 3, batchNorm: true, denseUnits: 6 })).toBe(
      3 * 3 * 4 + 4 * 4 + (4 * 6 + 6) + (6 + 1),
    );
  });
  it('lstm: 4 gates x (8 x (4 + 8) + 8), bidirectional doubles it', () => {
    expect(count('lstm', { units: [8], denseUnits: 0 })).toBe(4 * (8 * 12 + 8) + 9);
    expect(count('lstm', { units: [8], denseUnits: 0, bidirectional: true })).toBe(2 * 4 * (8 * 12 + 8) + 17);
  });
  it('gru: 3 gates x (u x (in + u) + u), stacked', () => {
    expect(count('gru', { units: [8, 4], denseUnits: 0 })).toBe(3 * (8 * 12 + 8) + 3 * (4 * 12 + 4) + 5);
  });
  it('crnn: conv(3x3, 1 -> 4), pool 2 -> 4 mels x 8 frames x 4 ch -> GRU(6) over 16 features', () => {
    expect(
      count('crnn', { filters: [4], kernelSize: 3, batchNorm: false, rnnUnits: [6], denseUnits: 0 }),
    ).toBe(3 * 3 * 4 + 4 + 3 * (6 * (16 + 6) + 6) + 7);
  });
  it('wide-deep: embeddings + deep tower + wide part', () => {
    const inputs: InputSpec = { tabular: 3, embeddings: [{ name: 'a', vocabSize: 10 }] };
    const deep = 10 * 4 + (3 + 4) * 8 + 8 + (8 + 1);
    expect(count('wide-deep', { embeddingDim: 4, hiddenUnits: [8], wide: false }, inputs)).toBe(deep);
    expect(count('wide-deep', { embeddingDim: 4, hiddenUnits: [8], wide: true }, inputs)).toBe(
      deep + (3 + 1) + 10,
    );
  });
  it('fusion-seq: tabular tower + 1D CNN joined', () => {
    const p = {
      tabularUnits: [4],
      audioBranch: 'cnn1d',
      audioWidths: [6],
      kernelSize: 3,
      fusionUnits: [5],
      batchNorm: false,
    };
    expect(count('fusion-seq', p)).toBe(5 * 4 + 4 + (3 * 4 * 6 + 6) + (10 * 5 + 5) + 6);
  });
});
