import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWavBytes } from './pipeline';
import { sniffAudioFormat } from './sniff';
import { readBytes, testdata } from '../../test-support/audio/testutil';
import type { AudioFeatures } from './extract';
import { mulberry32 } from '../random';

/** Run one file through sniff → decode → features, timing it; returns features or the error message. */
function run(bytes: Uint8Array): { features?: AudioFeatures; error?: string; ms: number } {
  const t = performance.now();
  try {
    const features = analyzeWavBytes(bytes);
    return { features, ms: performance.now() - t };
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).constructor, (e as Error).message).toBe(Error); // not a RangeError from a bad read
    return { error: (e as Error).message, ms: performance.now() - t };
  }
}

/** Frame-feature statistics must be finite for any decodable audio (track-level values may be NaN = missing). */
function expectFiniteFrameStats(f: AudioFeatures, label: string): void {
  const { names, values } = f.summary;
  for (let i = 0; i < names.length; i++) {
    if (/^(tempo|beat|key)_/.test(names[i]!)) continue;
    expect(Number.isFinite(values[i]!), `${label}: ${names[i]}`).toBe(true);
  }
  for (const v of f.mfccSeq.data) if (!Number.isFinite(v)) throw new Error(`${label}: non-finite MFCC`);
  for (const v of f.melPatch.data) if (!Number.isFinite(v)) throw new Error(`${label}: non-finite log-mel`);
}

describe('every test file goes through sniff + decode + features without a crash or hang', () => {
  it('wavefile-gem: valid files yield features, the rest readable errors', () => {
    for (const kind of ['valid', 'invalid', 'unsupported']) {
      for (const f of readdirSync(testdata('wavefile-gem', 'wave', kind)).filter((x) => x.endsWith('.wav'))) {
        const r = run(readBytes('wavefile-gem', 'wave', kind, f));
        expect(r.ms, f).toBeLessThan(5000);
        if (kind === 'valid' && f !== 'no_samples.wav') {
          expect(r.error, f).toBeUndefined();
          expectFiniteFrameStats(r.features!, f);
        } else {
          expect(r.error, f).toMatch(kind === 'valid' ? /empty/ : /WAV|not an audio file|empty/);
        }
      }
    }
  });

  it('generated-audio: odd WAVs decode (with warnings where due), broken or non-WAV files give errors', () => {
    const decodes = [
      'ch8_48000hz_s16.wav',
      'clipped_float_gt1.wav',
      'mono_384000hz_s16.wav',
      'mono_8000hz_u8.wav',
      'silence_0.5s.wav',
      'stereo_44100hz_f32le.wav',
      'stereo_44100hz_f64le.wav',
      'stereo_44100hz_s24le.wav',
      'stereo_44100hz_s32le.wav',
      'wav_named_as.mp3',
    ];
    for (const f of readdirSync(testdata('generated-audio')).filter((x) => !x.endsWith('.md'))) {
      const bytes = readBytes('generated-audio', f);
      const r = run(bytes);
      expect(r.ms, f).toBeLessThan(5000);
      if (decodes.includes(f)) {
        expect(r.error, f).toBeUndefined();
        expectFiniteFrameStats(r.features!, f);
        if (f === 'clipped_float_gt1.wav') expect(r.features!.warnings.join(' ')).toMatch(/beyond ±1/);
        if (f !== 'silence_0.5s.wav') {
          // a 440 Hz sine (ffmpeg lavfi): chroma peaks at A
          const i = r.features!.summary.names.indexOf('chroma_A_mean');
          expect(r.features!.summary.values[i], f).toBeGreaterThan(0.9);
        }
      } else {
        expect(r.error, f).toMatch(/empty|not an audio file|must be decoded by the browser/);
        if (sniffAudioFormat(bytes) !== 'unknown') expect(r.error).toMatch(/decoded by the browser/);
      }
    }
  });

  it('minimp3 vectors: sniffed, routed to the browser decoder with a clear message, never a crash', () => {
    const dir = testdata('minimp3-vectors', 'vectors');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.bit')), 'fuzz/l3-compl-cut.mp3'];
    for (const f of files) {
      const r = run(readBytes('minimp3-vectors', 'vectors', f));
      expect(r.features, f).toBeUndefined();
      expect(r.error, f).toMatch(/MP3, not WAV|not an audio file/);
    }
  });

  it('seeded fuzz: 400 corrupted WAV/MP3/FLAC files give features or a plain readable Error, quickly', () => {
    const rnd = mulberry32(3);
    const dir = testdata('wavefile-gem', 'wave', 'valid');
    const seeds = readdirSync(dir)
      .filter((f) => f.endsWith('.wav'))
      .map((f) => readBytes('wavefile-gem', 'wave', 'valid', f));
    seeds.push(
      readBytes('generated-audio', 'ok_1s.mp3'),
      readBytes('generated-audio', 'stereo_44100hz_s24le.wav'),
    );
    for (let it = 0; it < 400; it++) {
      const src = seeds[Math.floor(rnd() * seeds.length)]!;
      const b = src.slice(0, Math.floor(src.length * (rnd() < 0.3 ? rnd() : 1)));
      for (let m = 1 + Math.floor(rnd() * 6); m > 0 && b.length; m--) {
        const pos = Math.floor(rnd() * (rnd() < 0.7 ? Math.min(b.length, 80) : b.length));
        b[pos] = Math.floor(rnd() * 256);
      }
      const r = run(b);
      expect(r.ms, `case ${it}`).toBeLessThan(5000);
      if (r.error !== undefined) expect(r.error.length, `case ${it}`).toBeGreaterThan(10);
    }
  });
});
