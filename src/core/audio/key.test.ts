import { describe, expect, it } from 'vitest';
import { chordName, recognizeChords, romanNumeral } from './chords';
import { keyFromProfile } from './key';

describe('key profiles', () => {
  // Pitch-class weights of a tonal melody: tonic triad strong, scale tones medium.
  const profile = (tonic: number, minor: boolean): number[] => {
    const scale = minor ? [0, 2, 3, 5, 7, 8, 10] : [0, 2, 4, 5, 7, 9, 11];
    const triad = minor ? [0, 3, 7] : [0, 4, 7];
    return Array.from({ length: 12 }, (_, pc) => {
      const d = (pc - tonic + 12) % 12;
      return triad.includes(d) ? 3 : scale.includes(d) ? 1.5 : 0.2;
    });
  };
  for (const prof of ['krumhansl', 'temperley'] as const) {
    it(`${prof}: finds every major and minor tonic`, () => {
      for (let t = 0; t < 12; t++) {
        const maj = keyFromProfile(profile(t, false), prof);
        expect([maj.tonic, maj.mode]).toEqual([t, 'major']);
        const min = keyFromProfile(profile(t, true), prof);
        expect([min.tonic, min.mode]).toEqual([t, 'minor']);
        expect(maj.confidence).toBeGreaterThan(0.2);
        expect(maj.confidence).toBeLessThanOrEqual(1);
      }
    });
  }
  it('silence has no key', () => {
    const k = keyFromProfile(new Array(12).fill(0));
    expect(k.tonic).toBe(-1);
    expect(k.name).toBe('unknown');
  });
});

describe('chord names and Roman numerals', () => {
  it('names the 24 triads and N', () => {
    expect([chordName(0), chordName(9 + 12), chordName(10), chordName(24)]).toEqual(['C', 'Am', 'Bb', 'N']);
  });
  it('numerals follow the key: major scale degrees in major, natural minor in minor', () => {
    const C = { tonic: 0, mode: 'major' as const };
    expect([0, 7, 9 + 12, 5].map((s) => romanNumeral(s, C.tonic, C.mode)).join('-')).toBe('I-V-vi-IV');
    expect(romanNumeral(10, 0, 'major')).toBe('bVII');
    expect(romanNumeral(2 + 12, 0, 'major')).toBe('ii');
    // A minor: Am F C G = i-VI-III-VII
    expect([9 + 12, 5, 0, 7].map((s) => romanNumeral(s, 9, 'minor')).join('-')).toBe('i-VI-III-VII');
  });
  it('Viterbi smoothing removes a one-unit flicker but keeps real changes; silent units are N', () => {
    // 12 units: C for 5, one noisy unit, C again, then G for 5, then silence.
    const frames = 13;
    const chroma = new Float32Array(12 * frames);
    const set = (t: number, pcs: number[], w = 1): void => pcs.forEach((p) => (chroma[p * frames + t] = w));
    for (let t = 0; t < 12; t++) set(t, t < 6 ? [0, 4, 7] : [7, 11, 2]);
    set(3, [0, 4, 7], 0.5);
    set(3, [9], 0.8); // flicker towards Am at unit 3
    const energy = Float32Array.from({ length: frames }, (_, t) => (t < 12 ? 1 : 0));
    const bounds = Array.from({ length: frames - 1 }, (_, i) => i + 1);
    const r = recognizeChords(chroma, frames, 1, bounds, energy, { tonic: 0, mode: 'major' });
    expect(r.perUnit.join(' ')).toBe('C C C C C C G G G G G G N');
    expect(r.distinct).toBe(2);
    expect(r.segments.map((s) => s.label)).toEqual(['C', 'G', 'N']);
  });
});
