/** Small seeded synthetic problems for the model and training tests (not used by the app). */
import { mulberry32, randNormal } from '../../core/random';
import type { TrainSet } from '../../core/train/types';

/** y = x . w + 0.5 + noise with d features; returns the set and the true weights. Shape: x [n, d], y [n]. */
export function linearSet(n: number, d: number, seed: number, noise = 0.05): TrainSet {
  const rng = mulberry32(seed);
  const w = Array.from({ length: d }, (_, j) => (j % 2 === 0 ? 1 : -0.5) * (1 + j / d));
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0.5;
    for (let j = 0; j < d; j++) {
      const v = randNormal(rng);
      x[i * d + j] = v;
      s += v * w[j]!;
    }
    y[i] = s + noise * randNormal(rng);
  }
  return { inputs: [{ data: x, shape: [d] }], y, n };
}

/** Binary target: y = 1 when x0 + x1 > 0. */
export function binarySet(n: number, d: number, seed: number): TrainSet {
  const s = linearSet(n, d, seed);
  const x = s.inputs[0]!.data;
  for (let i = 0; i < n; i++) s.y[i] = x[i * d]! + x[i * d + 1]! > 0 ? 1 : 0;
  return s;
}

/** k classes one-hot, by which of the first k features is largest. y: [n, k]. */
export function multiclassSet(n: number, d: number, k: number, seed: number): TrainSet {
  const s = linearSet(n, d, seed);
  const x = s.inputs[0]!.data;
  const y = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (x[i * d + c]! > x[i * d + best]!) best = c;
    y[i * k + best] = 1;
  }
  return { ...s, y };
}

/** Mean squared error between two flat arrays. */
export function mse(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s / a.length;
}
