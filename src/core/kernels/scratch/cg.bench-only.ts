import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
test('t', async () => {
  await tf.setBackend(process.env.BK ?? 'wasm');
  const R = tf.randomNormal([64, 256]) as tf.Tensor2D; const x = tf.randomNormal([32, 128, 20]);
  const run = (label: string) => { const t = performance.now(); for (let i = 0; i < 128; i++) tf.tidy(() => tf.matMul(tf.tensor2d(new Float32Array(32 * 64), [32, 64]), R).dataSync()); console.log(label, performance.now() - t); };
  for (let r = 0; r < 3; r++) {
    run('outside');
    tf.customGrad((a: tf.Tensor) => { run('inside customGrad'); return { value: a.clone(), gradFunc: (dy: tf.Tensor) => dy }; })(x);
    tf.tidy(() => run('inside tidy'));
  }
});
