import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactsToModel, modelToArtifacts } from './artifacts';
import { packBundle, unpackBundle } from './zip';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tinyModel(): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: 4,
      inputShape: [3],
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  );
  m.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return m;
}

describe('model bundle zip', () => {
  it('round-trips a model: same predictions after pack and unpack', async () => {
    const model = tinyModel();
    const x = tf.tensor2d([
      [0.1, -0.2, 0.3],
      [1, 2, 3],
      [-1, 0.5, 0],
    ]);
    const before = (model.predict(x) as tf.Tensor).dataSync().slice();
    const zip = packBundle({
      model: await modelToArtifacts(model),
      preprocessing: { version: 1, note: 'p' },
      metrics: { r2: 0.5 },
    });
    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual([
      'README.txt',
      'manifest.json',
      'metrics.json',
      'model.json',
      'preprocessing.json',
      'weights.bin',
    ]);
    const back = unpackBundle(zip);
    expect(back.preprocessing).toEqual({ version: 1, note: 'p' });
    expect(back.metrics).toEqual({ r2: 0.5 });
    const loaded = await artifactsToModel(back.model);
    const after = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before));
    x.dispose();
    model.dispose();
    loaded.dispose();
  });

  it('rejects a non-zip and a zip with damaged weights, with a message', async () => {
    expect(() => unpackBundle(new Uint8Array([1, 2, 3]))).toThrow(/not a readable \.zip/);
    const a = await modelToArtifacts(tinyModel());
    const zip = packBundle({
      model: { ...a, weights: a.weights.slice(0, 8) },
      preprocessing: {},
      metrics: {},
    });
    expect(() => unpackBundle(zip)).toThrow(/damaged/);
  });
});
