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
    // Block path (frame = 4 hops) and general path (frame 1000, hop 300) agree with a direct count.
    const r = Float32Array.from({ length: 5000 }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.sin(i * 2.1));
    const directZcr = (t: number, L: number, hop: number): number => {
      let c = 0;
      const at = (i: number): number => r[Math.min(r.length - 1, Math.max(0, i))]!;
      for (let i = t * hop - L / 2 + 1; i < t * hop + L / 2; i++)
        if (at(i) < -1e-10 !== at(i - 1) < -1e-10) c++;
      return c / L;
    };
    const zb = zcrFrames(r, 10, 2048, 512);
    for (let t = 0; t < 10; t++) expect(zb[t]).toBeCloseTo(directZcr(t, 2048, 512), 6);
    const zg = zcrFrames(r, 17, 1000, 300);
    for (let t = 0; t < 17; t++) expect(zg[t]).toBeCloseTo(directZcr(t, 1000, 300), 6);
  });
});

describe('summary statistics', () => {
  it('orderStat and the percentiles match a sort (numpy linear interpolation)', async () => {
    const { orderStat, SummaryBuilder } = await import('./summary');
    const { mulberry32 } = await import('../random');
    const rnd = mulberry32(5);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 101, 1292, 1292, 1293]) {
      const x = Float64Array.from({ length: n }, () => Math.round(rnd() * 20) - 10); // many ties
      const sorted = Float64Array.from(x).sort();
      for (const k of [0, n >> 1, n - 1]) expect(orderStat(Float64Array.from(x), k)).toBe(sorted[k]);
      const sb = new SummaryBuilder();
      sb.series('x', x);
      const row = sb.build();
      const q = (p: number): number => {
        const pos = p * (n - 1);
        const lo = Math.floor(pos);
        return sorted[lo]! + (sorted[Math.min(n - 1, lo + 1)]! - sorted[lo]!) * (pos - lo);
      };
      expect(Array.from(row.values.slice(2))).toEqual(
        [q(0.1), q(0.5), q(0.9)].map((v) => expect.closeTo(v, 12)),
      );
    }
  });
});

describe('MFCC', () => {
  it('equals the orthonormal DCT-II of each frame, for even and odd band counts', async () => {
    const { mfccFromLogMel } = await import('./framefeatures');
    const { dctOrthoMatrix } = await import('./filters');
    for (const nMels of [7, 8]) {
      const T = 5;
      const L = Float32Array.from({ length: nMels * T }, (_, i) => Math.sin(i * 1.7) * 30 - 40);
      const got = mfccFromLogMel(L, nMels, T, 6);
      const D = dctOrthoMatrix(6, nMels);
      for (let k = 0; k < 6; k++) {
        for (let t = 0; t < T; t++) {
          let s = 0;
          for (let m = 0; m < nMels; m++) s += D[k * nMels + m]! * L[m * T + t]!;
          expect(got[k * T + t]).toBeCloseTo(s, 3);
        }
      }
    }
  });
});
