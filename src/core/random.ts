/**
 * Seeded randomness. Everything random in Encore (shuffles, splits, initialisers, tuners,
 * bootstrap) draws from one of these so that an experiment replays exactly from its seed.
 */

/** A PRNG returning floats in [0, 1). mulberry32: tiny, fast, 2^32 period, good enough for ML shuffles. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher-Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}

/** 0..n-1 in a seeded random order. */
export function permutation(n: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return shuffleInPlace(out, rng);
}

/** A standard normal draw (Box-Muller). */
export function randNormal(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A stream of 31-bit integer seeds derived from one seed, so every layer gets its own reproducible draw. */
export function seedStream(seed: number): () => number {
  const rng = mulberry32(seed);
  return () => Math.floor(rng() * 0x7fffffff);
}

/** Mix two integers into a 31-bit seed (used for per-epoch and per-call seeds). */
export function mixSeed(a: number, b: number): number {
  let h = Math.imul((a | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) & 0x7fffffff;
}

/**
 * Something whose random stream restarts from a seed: models/'s SeededDropout, or a future seeded-noise layer.
 * It lives here, not in models/, so that train/ can reseed layers without importing the zoo.
 */
export interface Reseedable {
  reseed(seed: number): void;
}

/** Does this object (typically a layer) expose `reseed`? */
export function isReseedable(x: unknown): x is Reseedable {
  return typeof x === 'object' && x !== null && typeof (x as { reseed?: unknown }).reseed === 'function';
}
