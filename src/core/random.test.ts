import { describe, expect, it } from 'vitest';
import { mulberry32, permutation } from './random';

describe('random', () => {
  it('replays the same sequence for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
  it('permutation holds every index once', () => {
    const p = Array.from(permutation(100, mulberry32(1))).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
