import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { installFastKernels } from '../install';
test('sum', async () => {
  await tf.setBackend('wasm');
  const x = tf.randomNormal([32,96,128,16]);
  const bench = (name: string, f: () => tf.Tensor, n = 5) => { tf.tidy(() => f().dataSync()); const t = performance.now(); for (let i = 0; i < n; i++) tf.tidy(() => { f().dataSync(); }); console.log(name, ((performance.now() - t) / n).toFixed(2), 'ms'); };
  bench('stock sum', () => x.sum([0,1,2]));
  installFastKernels('wasm');
  bench('fast sum', () => x.sum([0,1,2]));
  bench('fast sum keep', () => x.sum([0,1,2], true));
  bench('fast mean', () => x.mean([0,1,2]));
  const p = await tf.profile(() => x.sum([0,1,2])); console.log(p.kernels.map(k => k.name + ' ' + k.kernelTimeMs));
});
