/** FastAdam follows tf.train.adam step for step, keeps its state in tfjs's variables, and leaks no tensors. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { FastAdam } from './fastAdam';

/** A tiny model and batch; `steps` optimizer steps; returns the final weights. */
function train(
  opt: tf.Optimizer,
  steps: number,
  model = makeModel(),
): { model: tf.LayersModel; weights: Float32Array[] } {
  const x = tf.randomNormal([16, 5], 0, 1, 'float32', 1);
  const y = tf.randomNormal([16, 1], 0, 1, 'float32', 2);
  for (let s = 0; s < steps; s++) {
    opt
      .minimize(
        () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
        true,
      )
      ?.dispose();
  }
  tf.dispose([x, y]);
  return { model, weights: model.getWeights().map((w) => Float32Array.from(w.dataSync())) };
}

function makeModel(): tf.LayersModel {
  const inp = tf.input({ shape: [5] });
  const h = tf.layers
    .dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })
    .apply(inp) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })
    .apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: inp, outputs: out });
}

function maxDiff(a: Float32Array[], b: Float32Array[]): number {
  let d = 0;
  a.forEach((w, i) =>
    w.forEach((v, j) => (d = Math.max(d, Math.abs(v - ((b[i] as Float32Array)[j] as number))))),
  );
  return d;
}

describe.each(['cpu', 'wasm'])('FastAdam on %s', (backend) => {
  it('gives the weights of tf.train.adam after 6 steps', async () => {
    await tf.setBackend(backend);
    const ref = train(tf.train.adam(0.05, 0.9, 0.999, 1e-7), 6).weights;
    const got = train(new FastAdam(0.05, 0.9, 0.999, 1e-7), 6).weights;
    const start = makeModel()
      .getWeights()
      .map((w) => Float32Array.from(w.dataSync()));
    expect(maxDiff(ref, start)).toBeGreaterThan(0.05); // the weights did move
    expect(maxDiff(ref, got)).toBeLessThan(2e-6);
  });

  it('round-trips its state through getWeights / setWeights and leaks no tensors', async () => {
    await tf.setBackend(backend);
    const a = new FastAdam(0.05);
    const { model } = train(a, 3);
    const before = tf.memory().numTensors;
    train(a, 2, model);
    expect(tf.memory().numTensors).toBe(before);
    const state = await a.getWeights();
    expect(state.map((w) => w.name)).toContain(`${model.trainableWeights[0]?.originalName}/m`);
    const b = new FastAdam(0.05);
    await b.setWeights(state);
    const m1 = makeModel();
    const m2 = makeModel();
    m2.setWeights(m1.getWeights());
    const r1 = train(a, 2, m1).weights;
    const r2 = train(b, 2, m2).weights;
    // setWeights rebuilds accBeta as beta^(t+1) with tf.pow instead of a running product: float rounding only.
    expect(maxDiff(r1, r2)).toBeLessThan(1e-6);
  });
});
