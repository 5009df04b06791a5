import { describe, expect, it } from 'vitest';
import { onsetFromDb } from './framefeatures';
import { resample } from './resample';
import { estimateTempo } from './tempo';
import { allcloseExcess, flat, readJson, readMono } from '../../test-support/audio/testutil';

interface Arr {
  shape: number[];
  data: unknown;
}

describe('librosa-reference: onset, tempo, beats, resampling', () => {
  it('onset strength from the given 40-band dB spectrogram (lag 1, mean, IIR detrend) within allclose defaults', () => {
    const c = readJson<{ input: { D: Arr }; expected: Arr; tolerance: { rtol: number; atol: number } }>(
      'librosa-reference',
      'onset',
      'onset-000.json',
    );
    const [bands, frames] = c.input.D.shape as [number, number];
    const o = onsetFromDb(flat(c.input.D.data), bands, frames, true);
    expect(o.length).toBe(7541);
    expect(allcloseExcess(o, flat(c.expected.data), c.tolerance.rtol, c.tolerance.atol)).toBeLessThanOrEqual(
      0,
    );
  });

  const env = (name: string): Float32Array =>
    Float32Array.from(
      flat(
        readJson<{ input: { onset_envelope: Arr } }>('librosa-reference', name, `${name}-000.json`).input
          .onset_envelope.data,
      ),
    );

  it('tempo at 250 frames/s lands on dpwe tempo2 fast tempo (115.38 BPM) within one lag step', () => {
    const e = readJson<{ expected: { tempo_slow_bpm: number; tempo_fast_bpm: number } }>(
      'librosa-reference',
      'tempo',
      'tempo-000.json',
    );
    const r = estimateTempo(env('tempo'), 250, { winLength: 1536, step: 32 });
    const step = (bpm: number): number => bpm - (60 * 250) / ((60 * 250) / bpm + 1);
    const near = [e.expected.tempo_fast_bpm, e.expected.tempo_slow_bpm].some(
      (t) => Math.abs(r.bpm - t) <= step(t),
    );
    expect(near, `got ${r.bpm}`).toBe(true);
  });

  it('beats: tempo near 115 BPM and most reference beats matched within 3 frames (loose check)', () => {
    const c = readJson<{ expected: { beat_times_s: number[] } }>(
      'librosa-reference',
      'beat',
      'beat-000.json',
    );
    const r = estimateTempo(env('beat'), 250, { winLength: 1536, step: 32 });
    expect(Math.abs(r.bpm - 115.4)).toBeLessThan(3);
    const ref = c.expected.beat_times_s;
    const hits = ref.filter((t) => r.beats.some((b) => Math.abs(b - t) <= 3 / 250)).length;
    console.log('beats matched', hits, 'of', ref.length, 'ours', r.beats.length);
    expect(hits / ref.length).toBeGreaterThan(0.8);
  });

  it('resampling: identity exact; 22,050 → 8,000 / 44,100 Hz match MATLAB resample loosely, lengths exact', () => {
    const { y } = readMono('librosa-reference', 'audio', 'test1_22050.wav');
    for (const n of ['001', '002', '003']) {
      const c = readJson<{
        params: { orig_sr: number; target_sr: number };
        n_out_full: number;
        expected: Arr;
      }>('librosa-reference', 'resample', `resample-${n}.json`);
      const out = resample(y, c.params.orig_sr, c.params.target_sr);
      expect(out.length).toBe(c.n_out_full);
      const exp = flat(c.expected.data);
      const got = exp.map((_, i) => out[i * 8]!);
      let se = 0;
      let ss = 0;
      for (let i = 0; i < exp.length; i++) {
        se += (got[i]! - exp[i]!) ** 2;
        ss += exp[i]! ** 2;
      }
      const relRms = Math.sqrt(se / ss);
      const maxErr = allcloseExcess(got, exp, 0, 0);
      console.log(`resample-${n}`, 'max abs err', maxErr, 'relative rms err', relRms);
      if (n === '002')
        expect(maxErr).toBeLessThan(1e-9); // the stored 9 significant digits
      else expect(relRms).toBeLessThan(0.02);
    }
  });
});
