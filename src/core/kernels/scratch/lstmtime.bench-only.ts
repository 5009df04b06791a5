import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { lstmSequence } from '../lstmOp';
test('t', async () => {
  await tf.setBackend(process.env.BK ?? 'wasm');
  const x = tf.randomNormal([32, 128, 20]) as tf.Tensor3D, K = tf.randomNormal([20, 256]).mul(0.1) as tf.Tensor2D, R = tf.randomNormal([64, 256]).mul(0.1) as tf.Tensor2D, b = tf.zeros([256]) as tf.Tensor1D;
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const y = lstmSequence(x, K, R, b, { recurrentActivation: 'hardSigmoid', goBackwards: false, returnSequences: false });
    y.dataSync(); console.log('fwd', performance.now() - t); t = performance.now();
    const g = tf.grads((a: tf.Tensor, k: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) => lstmSequence(a as tf.Tensor3D, k as tf.Tensor2D, rr as tf.Tensor2D, bb as tf.Tensor1D, { recurrentActivation: 'hardSigmoid', goBackwards: false, returnSequences: false }).sum())([x, K, R, b]);
    g.forEach(q => q.dataSync()); console.log('fwd+bwd', performance.now() - t);
    t = performance.now();
    for (let i = 0; i < 128; i++) tf.tidy(() => tf.matMul(tf.tensor2d(new Float32Array(32 * 64), [32, 64]), R).dataSync());
    console.log('128 mm', performance.now() - t);
  }
});
