import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { FastLSTM } from '../fastLstm';
for (const backend of ['cpu', 'wasm']) for (const [ra, rs, gb] of [['hardSigmoid', false, false], ['sigmoid', true, true], ['hardSigmoid', true, false]] as const)
test(`lstm ${backend} ${ra} ${rs} ${gb}`, async () => {
  await tf.setBackend(backend);
  const args = { units: 5, recurrentActivation: ra, returnSequences: rs, goBackwards: gb, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 2 }), biasInitializer: tf.initializers.randomNormal({ seed: 3 }) };
  const a = tf.layers.lstm(args), b = new FastLSTM(args);
  const x = tf.randomNormal([3, 7, 4], 0, 1.5, 'float32', 5);
  a.apply(x); b.apply(x);
  b.setWeights(a.getWeights());
  const r = tf.randomNormal(rs ? [3, 7, 5] : [3, 5], 0, 1, 'float32', 9);
  const f = (l: tf.layers.Layer) => (xx: tf.Tensor) => tf.sum(tf.mul(l.apply(xx) as tf.Tensor, r)) as tf.Scalar;
  const ya = (a.apply(x) as tf.Tensor), yb = b.apply(x) as tf.Tensor;
  console.log('y diff', tf.max(tf.abs(tf.sub(ya, yb))).dataSync()[0]);
  const ga = tf.variableGrads(() => f(a)(x), a.trainableWeights.map(w => (w as unknown as {val: tf.Variable}).val));
  const gb2 = tf.variableGrads(() => f(b)(x), b.trainableWeights.map(w => (w as unknown as {val: tf.Variable}).val));
  const ka = Object.keys(ga.grads), kb = Object.keys(gb2.grads);
  ka.forEach((k, i) => console.log(k, kb[i], tf.max(tf.abs(tf.sub(ga.grads[k]!, gb2.grads[kb[i]!]!))).dataSync()[0], tf.max(tf.abs(ga.grads[k]!)).dataSync()[0]));
  const dxa = tf.grad(f(a))(x), dxb = tf.grad(f(b))(x);
  console.log('dx diff', tf.max(tf.abs(tf.sub(dxa, dxb))).dataSync()[0], tf.max(tf.abs(dxa)).dataSync()[0]);
});
