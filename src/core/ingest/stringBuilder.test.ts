/** StringBuilder against a Map reference: codes, first-seen dictionary order, blanks, wide chars, reserve. */
import { describe, expect, it } from 'vitest';
import { mulberry32, randInt, type Rng } from '../random';
import { StringBuilder } from './stringBuilder';

function value(rng: Rng, r: number, uniqueShare: number): string {
  if (rng() < 0.03) return pick(rng, ['', ' ', '\t ']);
  if (rng() < uniqueShare) return `id-${r}-${randInt(rng, 1e6).toString(36)}${rng() < 0.1 ? 'é' : ''}`;
  return pick(rng, ['pop', 'rock', 'R&B', 'café', 'Ωmega', '日本', 'emoji 🎵', 'x', 'pop ']);
}
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randInt(rng, xs.length)]!;

describe('StringBuilder', () => {
  it('matches a Map reference under reserve() and per-chunk compact() (seeded)', () => {
    const rng = mulberry32(9);
    for (let trial = 0; trial < 12; trial++) {
      const uniqueShare = [0, 0.5, 0.97][trial % 3]!;
      const n = 3000 + randInt(rng, 3000);
      const values = Array.from({ length: n }, (_, r) => value(rng, r, uniqueShare));
      // Cells are ranges of one long text, as in a chunk.
      const text = values.join('|');
      const sb = new StringBuilder();
      const reserveAt = 600 + randInt(rng, 1000);
      let at = 0;
      values.forEach((v, r) => {
        if (r === reserveAt) sb.reserve(n + randInt(rng, 2000) - 1000);
        sb.pushRange(text, at, at + v.length);
        at += v.length + 1;
        if (rng() < 0.01) sb.compact();
      });
      const col = sb.finish('c');
      if (col.kind !== 'string') throw new Error('kind');
      const dict: string[] = [];
      const index = new Map<string, number>();
      const codes = values.map((v) => {
        if (v.trim() === '') return -1;
        let k = index.get(v);
        if (k === undefined) {
          k = dict.length;
          dict.push(v);
          index.set(v, k);
        }
        return k;
      });
      expect(col.dict).toEqual(dict);
      expect(Array.from(col.codes)).toEqual(codes);
    }
  });
});
