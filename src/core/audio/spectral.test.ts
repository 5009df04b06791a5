import { describe, expect, it } from 'vitest';
import { fftFrequencies } from './filters';
import { stft } from './frames';
import {
  bandwidthOf,
  centroidOf,
  contrastOf,
  contrastScratch,
  makeContrastPlan,
  perFrame,
  rolloffOf,
} from './spectral';
import { allcloseExcess, flat, maxAbsDiff, readJson, readMono } from '../../test-support/audio/testutil';

interface MetCase {
  case: string;
  params: { roll_percent?: number };
  input: { S?: { data: number[][] }; centroid?: { data: number[][] } };
  expected: { shape: number[]; data: unknown };
  tolerance: { rtol: number; atol: number };
}

const met = (name: string): MetCase => readJson<MetCase>('librosa-reference', 'spectral', `${name}.json`);

/** The MET spectrogram: |STFT| with a symmetric Hamming(512), hop 256, no centring, per-frame normalised. */
function metS(): { S: Float64Array; frames: number } {
  const { y } = readMono('librosa-reference', 'audio', 'test1_22050.wav');
  const w = new Float64Array(512);
  for (let n = 0; n < 512; n++) w[n] = 0.54 - 0.46 * Math.cos((2 * Math.PI * n) / 511);
  const X = stft(y, { nFft: 512, hop: 256, window: w, center: false });
  const S = new Float64Array(X.re.length);
  for (let i = 0; i < S.length; i++) S[i] = Math.hypot(X.re[i]!, X.im[i]!);
  for (let t = 0; t < X.frames; t++) {
    let z = S[t]! + S[256 * X.frames + t]!;
    for (let k = 1; k < 256; k++) z += 2 * S[k * X.frames + t]!;
    for (let k = 0; k < 257; k++) S[k * X.frames + t] = S[k * X.frames + t]! / z;
  }
  return { S, frames: X.frames };
}

describe('librosa-reference: MET spectral features', () => {
  const { S, frames } = metS();
  const freqs = fftFrequencies(22050, 512);

  it('centroid and rolloff (80/90/95 %) within allclose defaults', () => {
    expect(frames).toBe(394);
    const c = met('centroid-001');
    const cen = perFrame(S, 257, frames, (col) => centroidOf(col, freqs));
    expect(
      allcloseExcess(cen, flat(c.expected.data), c.tolerance.rtol, c.tolerance.atol),
    ).toBeLessThanOrEqual(0);
    for (const n of ['rolloff-001', 'rolloff-002', 'rolloff-003']) {
      const r = met(n);
      const roll = perFrame(S, 257, frames, (col) => rolloffOf(col, freqs, r.params.roll_percent));
      expect(
        allcloseExcess(roll, flat(r.expected.data), r.tolerance.rtol, r.tolerance.atol),
        n,
      ).toBeLessThanOrEqual(0);
    }
  });

  it('bandwidth (p = 1, unnormalised, from the given S and centroid) within allclose defaults', () => {
    const b = met('bandwidth-001');
    const Sg = Float64Array.from(flat(b.input.S!.data));
    const cg = flat(b.input.centroid!.data);
    const bw = perFrame(Sg, 257, frames, (col, t) => bandwidthOf(col, freqs, cg[t]!, 1, false));
    expect(allcloseExcess(bw, flat(b.expected.data), b.tolerance.rtol, b.tolerance.atol)).toBeLessThanOrEqual(
      0,
    );
  });

  it('contrast (linear) within rtol 1e-3, atol 1e-2; bands other than 5 within 1e-6', () => {
    const c = met('contrast-001');
    const plan = makeContrastPlan(22050, 512);
    const scratch = contrastScratch(plan);
    const peak = new Float64Array(7);
    const valley = new Float64Array(7);
    const out = new Float64Array(7 * frames);
    perFrame(S, 257, frames, (col, t) => {
      contrastOf(col, plan, scratch, peak, valley);
      for (let b = 0; b < 7; b++) out[b * frames + t] = peak[b]! - valley[b]!;
      return 0;
    });
    const exp = flat(c.expected.data);
    expect(allcloseExcess(out, exp, c.tolerance.rtol, c.tolerance.atol)).toBeLessThanOrEqual(0);
    for (const b of [0, 1, 2, 3, 4, 6]) {
      const d = maxAbsDiff(
        out.subarray(b * frames, (b + 1) * frames),
        exp.slice(b * frames, (b + 1) * frames),
      );
      expect(d, `band ${b}`).toBeLessThan(1e-6);
    }
  });
});

describe('the fused frame loop agrees with the column kernels', () => {
  it('bandwidth, centroid, rolloff, flatness and contrast (dB) on a real clip', async () => {
    const { spectralFrames, frameConfig, powerToDbInPlace } = await import('./frames');
    const { flatnessOf } = await import('./spectral');
    const { y } = readMono('audio-reference', 'trumpet.wav');
    const sp = spectralFrames(y, frameConfig(22050));
    const X = stft(y, { nFft: 2048, hop: 512 });
    const T = X.frames;
    const mag = new Float64Array(X.re.length);
    for (let i = 0; i < mag.length; i++) mag[i] = Math.hypot(X.re[i]!, X.im[i]!);
    const freqs = fftFrequencies(22050, 2048);
    const rel = (a: ArrayLike<number>, b: ArrayLike<number>): number => allcloseExcess(a, b, 1e-5, 1e-6);
    const cen = perFrame(mag, 1025, T, (c) => centroidOf(c, freqs));
    expect(rel(sp.centroid, cen)).toBeLessThanOrEqual(0);
    expect(
      rel(
        sp.bandwidth,
        perFrame(mag, 1025, T, (c, t) => bandwidthOf(c, freqs, cen[t]!)),
      ),
    ).toBeLessThanOrEqual(0);
    expect(
      rel(
        sp.rolloff,
        perFrame(mag, 1025, T, (c) => rolloffOf(c, freqs, 0.85)),
      ),
    ).toBeLessThanOrEqual(0);
    expect(
      rel(
        sp.flatness,
        perFrame(mag, 1025, T, (c) =>
          flatnessOf(
            c.map((v) => v * v),
            1025,
          ),
        ),
      ),
    ).toBeLessThanOrEqual(0);
    const plan = makeContrastPlan(22050, 2048);
    const scratch = contrastScratch(plan);
    const pk = new Float64Array(7 * T);
    const vl = new Float64Array(7 * T);
    const p = new Float64Array(7);
    const v = new Float64Array(7);
    perFrame(mag, 1025, T, (c, t) => {
      contrastOf(c, plan, scratch, p, v);
      for (let b = 0; b < 7; b++) {
        pk[b * T + t] = p[b]!;
        vl[b * T + t] = v[b]!;
      }
      return 0;
    });
    powerToDbInPlace(pk);
    powerToDbInPlace(vl);
    expect(
      allcloseExcess(
        sp.contrast,
        pk.map((x, i) => x - vl[i]!),
        1e-5,
        1e-4,
      ),
    ).toBeLessThanOrEqual(0);
  });
});
