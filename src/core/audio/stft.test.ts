import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stft } from './frames';
import { allcloseExcess, readJson, readMono, testdata } from '../../test-support/audio/testutil';

interface StftCase {
  case: string;
  params: { n_fft: number; hop_length: number; window: 'hann' | 'ones' };
  n_frames_full: number;
  frame_indices: number[];
  expected_real: { data: number[][] };
  expected_imag: { data: number[][] };
  tolerance: { rtol: number; atol: number };
}

describe('librosa-reference: STFT (center=False, allclose rtol 1e-5, atol 1e-8)', () => {
  it('all 14 cases, every stored frame', () => {
    const { y } = readMono('librosa-reference', 'audio', 'test1_22050.wav');
    expect(y.length).toBe(101155);
    const files = readdirSync(testdata('librosa-reference', 'stft')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(14);
    for (const f of files) {
      const c = readJson<StftCase>('librosa-reference', 'stft', f);
      const S = stft(y, {
        nFft: c.params.n_fft,
        hop: c.params.hop_length,
        window: c.params.window,
        center: false,
      });
      expect(S.frames, c.case).toBe(c.n_frames_full);
      const re: number[] = [];
      const im: number[] = [];
      const expRe: number[] = [];
      const expIm: number[] = [];
      for (let k = 0; k < S.nBins; k++) {
        c.frame_indices.forEach((t, j) => {
          re.push(S.re[k * S.frames + t]!);
          im.push(S.im[k * S.frames + t]!);
          expRe.push(c.expected_real.data[k]![j]!);
          expIm.push(c.expected_imag.data[k]![j]!);
        });
      }
      expect(
        allcloseExcess(re, expRe, c.tolerance.rtol, c.tolerance.atol),
        `${c.case} real`,
      ).toBeLessThanOrEqual(0);
      expect(
        allcloseExcess(im, expIm, c.tolerance.rtol, c.tolerance.atol),
        `${c.case} imag`,
      ).toBeLessThanOrEqual(0);
    }
  });
});
