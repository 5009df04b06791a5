import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromaFilterbank, hzToMel, hzToOcts, melFilterbank, melToHz } from './filters';
import { allcloseExcess, flat, readJson, testdata } from '../../test-support/audio/testutil';

interface Case {
  case: string;
  params: Record<string, unknown>;
  input?: { values: number[] };
  expected: { shape: number[]; data: unknown };
  tolerance: { rtol: number; atol: number };
}

const cases = (family: string): Case[] =>
  readdirSync(testdata('librosa-reference', family))
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson<Case>('librosa-reference', family, f));

describe('librosa-reference: conversions (allclose rtol 1e-5, atol 1e-8)', () => {
  it('hz_to_mel, mel_to_hz (Slaney and HTK), hz_to_octs: all 10 cases', () => {
    const all = cases('convert');
    expect(all.length).toBe(10);
    for (const c of all) {
      const htk = c.params.htk === true;
      const fn = c.case.startsWith('hz_to_mel')
        ? (v: number) => hzToMel(v, htk)
        : c.case.startsWith('mel_to_hz')
          ? (v: number) => melToHz(v, htk)
          : (v: number) => hzToOcts(v);
      const got = c.input!.values.map(fn);
      expect(
        allcloseExcess(got, flat(c.expected.data), c.tolerance.rtol, c.tolerance.atol),
        c.case,
      ).toBeLessThanOrEqual(0);
    }
  });
});

describe('librosa-reference: filterbanks (allclose rtol 1e-5, atol 1e-8)', () => {
  it('mel filterbanks: all 145 cases, empty filters are zero rows', () => {
    const all = cases('melfb');
    expect(all.length).toBe(145);
    for (const c of all) {
      const p = c.params as {
        sr: number;
        n_fft: number;
        n_mels: number;
        fmin: number;
        fmax: number;
        htk: boolean;
        norm: string | null;
      };
      const fb = melFilterbank(p.sr, p.n_fft, {
        nMels: p.n_mels,
        fmin: p.fmin,
        fmax: p.fmax,
        htk: p.htk,
        norm: p.norm === 'slaney' ? 'slaney' : null,
      });
      expect([fb.rows, fb.nBins], c.case).toEqual(c.expected.shape);
      expect(
        allcloseExcess(fb.weights, flat(c.expected.data), c.tolerance.rtol, c.tolerance.atol),
        c.case,
      ).toBeLessThanOrEqual(0);
    }
  });

  it('chroma filterbanks: all 96 cases', () => {
    const all = cases('chromafb');
    expect(all.length).toBe(96);
    for (const c of all) {
      const p = c.params as {
        sr: number;
        n_fft: number;
        n_chroma: number;
        tuning: number;
        ctroct: number;
        octwidth: number | null;
        base_c: boolean;
      };
      const fb = chromaFilterbank(p.sr, p.n_fft, {
        nChroma: p.n_chroma,
        tuning: p.tuning,
        ctroct: p.ctroct,
        octwidth: p.octwidth,
        norm: 2,
        baseC: p.base_c,
      });
      expect([fb.rows, fb.nBins], c.case).toEqual(c.expected.shape);
      expect(
        allcloseExcess(fb.weights, flat(c.expected.data), c.tolerance.rtol, c.tolerance.atol),
        c.case,
      ).toBeLessThanOrEqual(0);
    }
  });

  it('default chroma filterbank starts at C (base_c) and peaks where the pitch is', () => {
    const fb = chromaFilterbank(22050, 2048);
    const bin = Math.round((440 * 2048) / 22050); // A4
    let best = 0;
    for (let c = 1; c < 12; c++)
      if (fb.weights[c * fb.nBins + bin]! > fb.weights[best * fb.nBins + bin]!) best = c;
    expect(best).toBe(9);
  });
});
