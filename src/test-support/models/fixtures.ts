/**
 * Seeded synthetic problems for the zoo's tests (not used by the app). The sequence and spectrogram sets carry an
 * ORDER pattern: class 1 has a pulse in channel A followed one frame later by channel B, class 0 the reverse. Every
 * channel's mean over frames is the same for both classes, so a model on averaged frames cannot beat chance.
 */
import { mulberry32, randInt, randNormal } from '../../core/random';
import type { TrainSet } from '../../core/train';

/** Sequences [n, frames, coeffs] with the order pattern in coefficients 0 and 1; y [n] in {0, 1}. */
export function orderSequences(n: number, frames: number, coeffs: number, seed: number): TrainSet {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * frames * coeffs);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * frames * coeffs;
    for (let k = 0; k < frames * coeffs; k++) x[base + k] = 0.3 * randNormal(rng);
    const label = rng() < 0.5 ? 1 : 0;
    const t = randInt(rng, frames - 1);
    const first = label === 1 ? 0 : 1;
    const second = 1 - first;
    x[base + t * coeffs + first]! += 2;
    x[base + (t + 1) * coeffs + second]! += 2;
    y[i] = label;
  }
  return { inputs: [{ data: x, shape: [frames, coeffs] }], y, n };
}

/** Spectrogram patches [n, mels, frames, 1]: class 1 a low-band blob then a high-band one (rising), class 0 falling. */
export function risingSpectrograms(n: number, mels: number, frames: number, seed: number): TrainSet {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * mels * frames);
  const y = new Float32Array(n);
  // Two bands two bins apart, so one 3 x 3 kernel sees both blobs.
  const low = Math.max(0, Math.floor(mels / 2) - 1);
  const high = Math.min(mels - 1, low + 2);
  for (let i = 0; i < n; i++) {
    const base = i * mels * frames;
    for (let k = 0; k < mels * frames; k++) x[base + k] = 0.3 * randNormal(rng);
    const label = rng() < 0.5 ? 1 : 0;
    const t = randInt(rng, frames - 1);
    const a = label === 1 ? low : high;
    const b = label === 1 ? high : low;
    x[base + a * frames + t]! += 2;
    x[base + b * frames + t + 1]! += 2;
    y[i] = label;
  }
  return { inputs: [{ data: x, shape: [mels, frames, 1] }], y, n };
}

/** Average a [n, frames, coeffs] input over frames into a tabular [n, coeffs] input. */
export function averageFrames(set: TrainSet): TrainSet {
  const a = set.inputs[0]!;
  const [frames, coeffs] = a.shape as [number, number];
  const out = new Float32Array(set.n * coeffs);
  for (let i = 0; i < set.n; i++) {
    for (let t = 0; t < frames; t++) {
      for (let c = 0; c < coeffs; c++)
        out[i * coeffs + c]! += a.data[(i * frames + t) * coeffs + c]! / frames;
    }
  }
  return { inputs: [{ data: out, shape: [coeffs] }], y: set.y, n: set.n };
}

/**
 * Tabular [n, d] plus one category column with `vocab` codes whose effect (a fixed random offset per code) dominates
 * the target: y = effect[code] + 0.3 * x0 + noise; effects are drawn from effectSeed, shared across splits. Only a model that learns per-code values fits it.
 */
export function categorySet(n: number, d: number, vocab: number, seed: number, effectSeed = 99): TrainSet {
  const rng = mulberry32(seed);
  const effectRng = mulberry32(effectSeed); // the same per-code effects in every split
  const effect = Array.from({ length: vocab }, () => 1.5 * randNormal(effectRng));
  const x = new Float32Array(n * d);
  const codes = new Int32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = randNormal(rng);
    codes[i] = randInt(rng, vocab);
    y[i] = effect[codes[i]!]! + 0.3 * x[i * d]! + 0.05 * randNormal(rng);
  }
  return {
    inputs: [
      { data: x, shape: [d] },
      { data: codes, shape: [] },
    ],
    y,
    n,
  };
}

/** Join two sets' inputs row-aligned (targets taken from `a` plus `b`'s scaled by wB). */
export function joinSets(a: TrainSet, b: TrainSet, wB: number): TrainSet {
  const y = a.y.map((v, i) => v + wB * b.y[i]!);
  return { inputs: [...a.inputs, ...b.inputs], y, n: a.n };
}

/** Share of rows where p > 0.5 matches the 0/1 label. */
export function accuracy(p: Float32Array, y: Float32Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) ok += (p[i]! > 0.5 ? 1 : 0) === y[i] ? 1 : 0;
  return ok / y.length;
}
