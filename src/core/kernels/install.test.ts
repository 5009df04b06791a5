/**
 * installFastKernels may run before the wasm backend initialises (as a worker does: import, install, setBackend):
 * the replaced kernels keep tfjs's setup functions, so the backend still starts and the overrides are in effect.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';
import { installFastKernels } from './install';

it('works when installed before tf.setBackend("wasm")', async () => {
  installFastKernels('wasm');
  expect(await tf.setBackend('wasm')).toBe(true);
  const x = tf.randomNormal([2, 5, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))),
  )([x, w]);
  const m = tf.matMul(tf.ones([4, 2]), tf.ones([4, 3]), true, false);
  expect(Array.from(m.dataSync())).toEqual(new Array(6).fill(4));
  expect(dx?.shape).toEqual([2, 5, 6, 3]);
  expect(dw?.shape).toEqual([3, 3, 3, 4]);
  expect(Number.isFinite(tf.sum(tf.abs(dw as tf.Tensor)).dataSync()[0])).toBe(true);
});

it('registers UnsortedSegmentSum on wasm, so an embedding layer trains (hand-computed sums)', async () => {
  installFastKernels('wasm');
  expect(await tf.setBackend('wasm')).toBe(true);
  const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
  const ids = tf.tensor1d([2, 0, 2, 5], 'int32'); // 5 is out of range: dropped
  const s = tf.unsortedSegmentSum(x, ids, 3);
  expect(s.shape).toEqual([3, 2]);
  expect(Array.from(s.dataSync())).toEqual([3, 4, 0, 0, 6, 8]);
  // The gradient of an embedding lookup sums the rows' gradients per code.
  const table = tf.variable(tf.zeros([3, 2]));
  const g = tf.grad((t: tf.Tensor) =>
    tf.sum(tf.mul(tf.gather(t, tf.tensor1d([1, 1, 2], 'int32')), tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]))),
  )(table);
  expect(Array.from(g.dataSync())).toEqual([0, 0, 4, 6, 5, 6]);
});
