import { describe, expect, it } from 'vitest';
import { delta, onsetStrengthFromLogMel, rmsFrames, zcrFrames } from './framefeatures';

describe('frame feature definitions', () => {
  it('delta (Savitzky–Golay width 9, interp edges): exact derivatives of polynomials, edges included', () => {
    const T = 20;
    const lin = Float32Array.from({ length: T }, (_, t) => 3 * t + 1);
    const quad = Float32Array.from({ length: T }, (_, t) => t * t);
    for (const v of delta(lin, 1, T, 1)) expect(v).toBeCloseTo(3, 5);
    const d1 = delta(quad, 1, T, 1);
    expect(d1[10]).toBeCloseTo(20, 4); // d/dt t² at t = 10
    expect(d1[0]).toBeCloseTo(d1[4]!, 6); // interp: the edge fit is the first window's line
    for (const v of delta(quad, 1, T, 2)) expect(v).toBeCloseTo(2, 4);
    expect(Array.from(delta(new Float32Array(2), 1, 2, 1))).toEqual([0, 0]);
  });

  it('onset strength: rectified log-mel flux, mean over bands, first 3 frames zero (centre alignment)', () => {
    // two bands, 8 frames: band 0 rises by 10 dB at frame 4, band 1 falls
    const T = 8;
    const L = new Float32Array(2 * T);
    for (let t = 0; t < T; t++) {
      L[t] = t >= 4 ? 10 : 0;
      L[T + t] = t >= 4 ? -10 : 0;
    }
    const o = onsetStrengthFromLogMel(L, 2, T);
    // o[t] = mean max(0, L[t−2] − L[t−3]): the rise at frame 4 shows at t = 6.
    expect(Array.from(o)).toEqual([0, 0, 0, 0, 0, 0, 5, 0]);
  });

  it('RMS pads zeros, ZCR pads edges and counts sign changes per frame length', () => {
    const y = Float32Array.from({ length: 4096 }, (_, i) => (i % 2 ? 0.5 : -0.5));
    const rms = rmsFrames(y, 9);
    expect(rms[4]).toBeCloseTo(0.5, 6);
    expect(rms[0]).toBeCloseTo(0.5 / Math.SQRT2, 6); // half the first frame is padding
    const odd = Float32Array.from({ length: 3001 }, (_, i) => Math.sin(i));
    const direct = (t: number): number => {
      let s = 0;
      for (let i = t * 300 - 500; i < t * 300 + 500; i++) if (i >= 0 && i < odd.length) s += odd[i]! ** 2;
      return Math.sqrt(s / 1000);
    };
    const fast = rmsFrames(odd, 11, 1000, 300); // frame not a multiple of hop: direct path
    expect(fast[5]).toBeCloseTo(direct(5), 6);
    const blocks = rmsFrames(odd, 6, 2048, 512);
    let s = 0;
    for (let i = 0; i < 2048; i++) if (2 * 512 - 1024 + i < odd.length) s += odd[2 * 512 - 1024 + i]! ** 2;
    expect(blocks[2]).toBeCloseTo(Math.sqrt(s / 2048), 6);
    const z = zcrFrames(y, 9);
    expect(z[4]).toBeCloseTo(2047 / 2048, 6);
    expect(z[0]).toBeCloseTo(1023 / 2048, 6); // edge padding repeats y[0]: no crossings there
  });
});
