import { describe, expect, it } from 'vitest';
import { audioSummaryNames, extractFeatures } from './extract';
import { contentHash } from './hash';
import { featureBuffers } from './transfer';
import { analyzeDecoded } from './pipeline';
import { analysisWindow, downmixAndResample } from './resample';
import { clickTrack, tone } from '../../test-support/audio/testsignals';

describe('extractFeatures contract', () => {
  const y = clickTrack(120, 10);
  const f = extractFeatures(y, 22050);

  it('returns fixed-size matrices and a named summary row', () => {
    expect(f.frames).toBe(1 + Math.floor(y.length / 512));
    expect(f.mfccSeq.coeffs).toBe(20);
    expect(f.mfccSeq.frames).toBe(128);
    expect(f.mfccSeq.data.length).toBe(128 * 20);
    expect(f.melPatch.mels).toBe(128);
    expect(f.melPatch.data.length).toBe(128 * 128);
    expect(f.summary.names.length).toBe(f.summary.values.length);
    expect(new Set(f.summary.names).size).toBe(f.summary.names.length);
    expect(f.summary.names).toEqual(audioSummaryNames());
    for (const n of [
      'mfcc_01_mean',
      'mfcc_delta2_20_p90',
      'chroma_A_std',
      'contrast_7_p50',
      'tempo_bpm',
      'key_confidence',
      'chord_change_rate',
    ]) {
      expect(f.summary.names).toContain(n);
    }
    expect(f.display.chroma.rows).toBe(12);
    expect(f.display.logMel.data.length).toBe(f.display.logMel.rows * f.display.logMel.cols);
    expect(f.display.waveform.points).toBe(512);
  });

  it('lists every typed-array buffer for transfer, and the result survives structured cloning', () => {
    const bufs = featureBuffers(f);
    expect(bufs).toContain(f.mfccSeq.data.buffer);
    expect(bufs).toContain(f.summary.values.buffer);
    expect(bufs).toContain(f.tempo.curve.bpm.buffer);
    expect(bufs).toContain(f.display.logMel.data.buffer);
    const copy = structuredClone(f);
    expect(Array.from(copy.summary.values)).toEqual(Array.from(f.summary.values));
  });

  it('is deterministic', () => {
    const g = extractFeatures(y, 22050);
    expect(Array.from(g.summary.values)).toEqual(Array.from(f.summary.values));
    expect(g.mfccSeq.data).toEqual(f.mfccSeq.data);
  });

  it('crops from the middle and pads short clips (MFCC with 0, log-mel with the clip floor)', () => {
    const s = extractFeatures(tone(440, 1), 22050, { seqFrames: 64, patchFrames: 64, keepFrames: true });
    const T = s.frames; // 44 frames < 64
    expect(s.mfccSeq.data[(T - 1) * 20]).not.toBe(0);
    expect(s.mfccSeq.data[T * 20]).toBe(0);
    const floor = Math.min(...s.frameFeatures!.logMel);
    expect(s.melPatch.data[63]).toBe(floor);
    const l = extractFeatures(tone(440, 10), 22050, { seqFrames: 8, keepFrames: true });
    const start = Math.floor((l.frames - 8) / 2);
    expect(l.mfccSeq.data[0]).toBe(l.frameFeatures!.mfcc[start]);
  });

  it('resamples other rates internally so features agree across input rates', () => {
    const a = extractFeatures(tone(440, 3, 22050), 22050);
    const b = extractFeatures(tone(440, 3, 44100), 44100);
    const i = a.summary.names.indexOf('spectral_centroid_p50');
    expect(Math.abs(a.summary.values[i]! - b.summary.values[i]!)).toBeLessThan(2);
  });

  it('silence and short clips give finite frame statistics; tempo and key are missing (NaN / -1)', () => {
    const s = extractFeatures(new Float32Array(22050), 22050);
    expect(Number.isNaN(s.tempo.bpm)).toBe(true);
    expect(s.key.tonic).toBe(-1);
    const names = s.summary.names;
    names.forEach((n, i) => {
      if (!/^(tempo|beat|key)_/.test(n)) expect(Number.isFinite(s.summary.values[i]!), n).toBe(true);
    });
    expect(extractFeatures(new Float32Array(10).fill(0.1), 22050).frames).toBe(1);
  });

  it('throws readable errors and warns about bad samples', () => {
    expect(() => extractFeatures(new Float32Array(0), 22050)).toThrow(/empty/);
    expect(() => extractFeatures(new Float32Array(10), 0)).toThrow(/sample rate/);
    const bad = tone(440, 1);
    bad[5] = NaN;
    bad[6] = 3;
    const w = extractFeatures(bad, 22050).warnings.join(' ');
    expect(w).toMatch(/non-finite/);
    expect(w).toMatch(/beyond ±1/);
    expect(() =>
      extractFeatures(
        tone(440, 1).map((v) => v * 1e6),
        22050,
      ),
    ).toThrow(/unscaled/);
  });
});

describe('downmix, resample, analysis window', () => {
  it('downmix averages channels; resampling keeps a tone and rejects what the new rate cannot hold', () => {
    const l = tone(1000, 1, 44100);
    const r = new Float32Array(l.length);
    const m = downmixAndResample([l, r], 44100, 44100);
    expect(m[100]).toBeCloseTo(l[100]! / 2, 6);
    const rms = (x: Float32Array): number =>
      Math.sqrt(x.slice(2000, -2000).reduce((s, v) => s + v * v, 0) / (x.length - 4000));
    const kept = downmixAndResample([tone(1000, 1, 44100)], 44100);
    expect(kept.length).toBe(22050);
    expect(rms(kept)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    const alias = downmixAndResample([tone(15000, 1, 44100)], 44100); // above the new Nyquist
    expect(rms(alias)).toBeLessThan(1e-3);
    const odd = downmixAndResample([tone(440, 1, 44101)], 44101); // not a small ratio: interpolated phases
    expect(odd.length).toBe(Math.ceil((44101 * 22050) / 44101));
    expect(rms(odd)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('analysisWindow: 30 s from the middle by default, an offset, or the whole track', () => {
    const sr = 100;
    const x = Float32Array.from({ length: 100 * sr }, (_, i) => i);
    const mid = analysisWindow(x, sr);
    expect(mid.length).toBe(30 * sr);
    expect(mid[0]).toBe(35 * sr);
    expect(analysisWindow(x, sr, { mode: 'window', seconds: 10, offset: 95 })[0]).toBe(90 * sr);
    expect(analysisWindow(x, sr, { mode: 'whole' }).length).toBe(x.length);
    expect(analysisWindow(x.subarray(0, 5 * sr), sr).length).toBe(5 * sr);
    expect(() => analysisWindow(x, sr, { mode: 'window', seconds: 0 })).toThrow(/longer than 0/);
  });

  it('analyzeDecoded downmixes, resamples and windows before extracting', () => {
    const f = analyzeDecoded({ sampleRate: 44100, channels: [tone(440, 40, 44100), tone(440, 40, 44100)] });
    expect(f.sampleRate).toBe(22050);
    expect(f.durationSec).toBeCloseTo(30, 3);
    expect(() => analyzeDecoded({ sampleRate: 44100, channels: [new Float32Array(0)] })).toThrow(/empty/);
    expect(() => analyzeDecoded({ sampleRate: 8, channels: [new Float32Array(100)] })).toThrow(
      /sample rate 8 Hz/,
    );
  });
});

describe('contentHash', () => {
  it('is SHA-256 hex (FIPS 180-2 "abc" vector) and hashes only the view', async () => {
    const abc = new TextEncoder().encode('abc');
    expect(await contentHash(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const big = new Uint8Array([1, 2, ...abc, 3]);
    expect(await contentHash(big.subarray(2, 5))).toBe(await contentHash(abc));
  });
});
