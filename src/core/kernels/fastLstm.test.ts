/**
 * FastLSTM equals tf.layers.lstm with the same weights (outputs, gradients, training losses) on cpu and wasm,
 * saves and loads as 'FastLSTM', works inside tf.layers.bidirectional, and falls back where it must.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { FastLSTM } from './fastLstm';

type Args = Parameters<typeof tf.layers.lstm>[0];

const seeded = (units: number, extra: Partial<Args> = {}): Args => ({
  units,
  kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
  recurrentInitializer: tf.initializers.glorotUniform({ seed: 2 }),
  biasInitializer: tf.initializers.randomNormal({ seed: 3, stddev: 0.5 }),
  ...extra,
});

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  expect(b.shape).toEqual(a.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

/** Output, dX and weight gradients of sum(layer(x) * r). */
function outAndGrads(layer: tf.layers.Layer, x: tf.Tensor, r: tf.Tensor): tf.Tensor[] {
  const f = (): tf.Scalar => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r));
  const vars = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const { grads } = tf.variableGrads(f, vars);
  const dx = tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(layer.apply(xx) as tf.Tensor, r)))(x);
  return [layer.apply(x) as tf.Tensor, dx, ...vars.map((v) => grads[v.name] as tf.Tensor)];
}

const configs: Array<[string, Partial<Args>]> = [
  ['last step, hardSigmoid', {}],
  [
    'sequences, sigmoid, backwards',
    { returnSequences: true, recurrentActivation: 'sigmoid', goBackwards: true },
  ],
  ['sequences, no bias', { returnSequences: true, useBias: false }],
];

describe.each(['cpu', 'wasm'])('FastLSTM on %s', (backend) => {
  for (const [name, extra] of configs) {
    it(`matches tf.layers.lstm: ${name}`, async () => {
      await tf.setBackend(backend);
      const x = tf.randomNormal([3, 6, 4], 0, 1.5, 'float32', 5);
      const stock = tf.layers.lstm(seeded(5, extra));
      const fast = new FastLSTM(seeded(5, extra));
      stock.apply(x);
      fast.apply(x);
      fast.setWeights(stock.getWeights());
      expect(fast.fastPathReason(x, {})).toBeNull();
      const r = tf.randomNormal((stock.apply(x) as tf.Tensor).shape, 0, 1, 'float32', 9);
      const a = outAndGrads(stock, x, r);
      const b = outAndGrads(fast, x, r);
      a.forEach((t, i) => expect(maxDiff(t, b[i] as tf.Tensor), `tensor ${i}`).toBeLessThan(1e-5));
    });
  }

  it('trains like tf.layers.lstm (Adam losses over 4 steps)', async () => {
    await tf.setBackend(backend);
    const x = tf.randomNormal([4, 7, 3], 0, 1, 'float32', 11);
    const y = tf.randomNormal([4, 1], 0, 1, 'float32', 12);
    const run = (make: (a: Args) => tf.layers.Layer): number[] => {
      const inp = tf.input({ shape: [7, 3] });
      const h = make(seeded(6)).apply(inp) as tf.SymbolicTensor;
      const out = tf.layers
        .dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })
        .apply(h) as tf.SymbolicTensor;
      const model = tf.model({ inputs: inp, outputs: out });
      const opt = tf.train.adam(0.05);
      const losses: number[] = [];
      let tensors = 0;
      for (let s = 0; s < 4; s++) {
        const l = opt.minimize(
          () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          true,
        );
        losses.push(l?.dataSync()[0] as number);
        l?.dispose();
        if (s === 1) tensors = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors).toBe(tensors); // no tensor leaks per step
      return losses;
    };
    const stock = run((a) => tf.layers.lstm(a));
    const fast = run((a) => new FastLSTM(a));
    expect(stock[3]).toBeLessThan(stock[0] as number);
    fast.forEach((v, i) =>
      expect(Math.abs(v - (stock[i] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(v))),
    );
  });
});

describe('FastLSTM on the wasm heap path', () => {
  it('matches tf.layers.lstm at a larger size and leaves no heap buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([9, 40, 7], 0, 1, 'float32', 21);
    for (const extra of [
      {},
      { returnSequences: true, goBackwards: true, recurrentActivation: 'sigmoid' as const },
    ]) {
      const stock = tf.layers.lstm(seeded(24, extra));
      const fast = new FastLSTM(seeded(24, extra));
      stock.apply(x);
      fast.apply(x);
      fast.setWeights(stock.getWeights());
      const r = tf.randomNormal((stock.apply(x) as tf.Tensor).shape, 0, 1, 'float32', 22);
      const a = outAndGrads(stock, x, r);
      outAndGrads(fast, x, r).forEach((t) => t.dispose()); // warm: XNNPACK operators, pooled arrays
      const ids = (): number => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
      const before = [ids(), tf.memory().numTensors];
      const b = outAndGrads(fast, x, r);
      // Every new heap buffer belongs to a tensor: the per-step scratch (registered with the backend only, not the
      // engine) and the dZ / Hp^T buffers were all released.
      expect(ids() - (before[0] as number)).toBe(tf.memory().numTensors - (before[1] as number));
      a.forEach((t, i) => expect(maxDiff(t, b[i] as tf.Tensor), `tensor ${i}`).toBeLessThan(2e-5));
    }
  });
});

describe('FastLSTM as a Keras layer', () => {
  it('saves and loads as FastLSTM with identical predictions', async () => {
    await tf.setBackend('cpu');
    const inp = tf.input({ shape: [5, 2] });
    const h = new FastLSTM(seeded(3, { returnSequences: true, name: 'fl' })).apply(inp) as tf.SymbolicTensor;
    const model = tf.model({ inputs: inp, outputs: tf.layers.flatten().apply(h) as tf.SymbolicTensor });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    expect(JSON.stringify(artifacts?.modelTopology)).toContain('"class_name":"FastLSTM"');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
    expect(loaded.getLayer('fl')).toBeInstanceOf(FastLSTM);
    const x = tf.randomNormal([2, 5, 2], 0, 1, 'float32', 3);
    expect(maxDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });

  it('works inside tf.layers.bidirectional like the stock LSTM', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 8);
    const stock = tf.layers.bidirectional({
      layer: tf.layers.lstm(seeded(4, { returnSequences: true })) as unknown as tf.RNN,
    });
    const fast = tf.layers.bidirectional({
      layer: new FastLSTM(seeded(4, { returnSequences: true })) as unknown as tf.RNN,
    });
    stock.apply(x);
    fast.apply(x);
    fast.setWeights(stock.getWeights());
    expect(maxDiff(stock.apply(x) as tf.Tensor, fast.apply(x) as tf.Tensor)).toBeLessThan(1e-5);
  });

  it('falls back to the stock path for dropout in training and for other backends', async () => {
    await tf.setBackend('cpu');
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 6);
    const drop = new FastLSTM(seeded(3, { dropout: 0.5 }));
    drop.apply(x);
    expect(drop.fastPathReason(x, { training: true })).toBe('dropout');
    expect(drop.fastPathReason(x, { training: false })).toBeNull();
    expect((drop.apply(x, { training: true }) as tf.Tensor).shape).toEqual([2, 3]);
    expect(new FastLSTM(seeded(3, { activation: 'relu' })).fastPathReason(x, {})).toBe('activation');
  });
});
