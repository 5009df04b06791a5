import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFrameFeatures } from './extract';
import { allcloseExcess, maxAbsDiff, readJson, readMono, testdata } from '../../test-support/audio/testutil';

type Ref = Record<string, number[] | { shape: number[]; data: number[] }>;

const clips = readJson<[string, string, number, number][]>('audio-reference', 'index.json');

describe('audio-reference: librosa 0.10 features of real clips', () => {
  for (const [name, , , frames] of clips) {
    it(`${name}: frame features match`, () => {
      const { sr, y } = readMono('audio-reference', `${name}.wav`);
      expect(sr).toBe(22050);
      const ff = computeFrameFeatures(y, sr);
      expect(ff.frames).toBe(frames);
      const buf = readFileSync(testdata('audio-reference', `${name}.logmel128.f32`));
      const ref = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4); // [frames, 128]
      const T = ff.frames;
      let lmMax = 0;
      let lmCount = 0;
      let refMax = -Infinity;
      for (const v of ref) refMax = Math.max(refMax, v);
      for (let t = 0; t < T; t++) {
        for (let m = 0; m < 128; m++) {
          const e = ref[t * 128 + m]!;
          const d = Math.abs(ff.logMel[m * T + t]! - e);
          if (e > refMax - 79) lmMax = Math.max(lmMax, d);
          if (d > 1e-3) lmCount++;
        }
      }
      const feat = JSON.parse(
        readFileSync(testdata('audio-reference', `${name}.features.json`), 'utf8'),
      ) as Ref;
      const report: Record<string, number> = { logmel: lmMax, logmelOver1e3: lmCount };
      // Tolerances: the reference is rounded to 6 significant digits; README expects ~1e-3 dB / 1e-3.
      const cmp = (key: string, ours: Float32Array, rtol: number, atol: number): void => {
        const r = feat[key]!;
        const ref = Array.isArray(r) ? r : r.data;
        report[key] = maxAbsDiff(ours, ref);
        expect(allcloseExcess(ours, ref, rtol, atol), `${name} ${key}`).toBeLessThanOrEqual(0);
      };
      expect(lmMax).toBeLessThan(1e-3);
      expect(lmCount).toBe(0);
      cmp('mfcc', ff.mfcc, 5e-6, 1e-3);
      cmp('mfcc_delta', ff.mfccDelta, 5e-6, 1e-4);
      cmp('chroma_stft_tuning0', ff.chroma, 1e-5, 1e-6);
      cmp('spectral_centroid', ff.centroid, 5e-6, 1e-3);
      cmp('spectral_rolloff_85', ff.rolloff, 5e-6, 1e-3);
      cmp('spectral_flatness', ff.flatness, 1e-5, 1e-8);
      cmp('zero_crossing_rate', ff.zcr, 1e-5, 1e-6);
      cmp('rms', ff.rms, 1e-5, 1e-8);
      cmp('onset_strength', ff.onset, 1e-5, 1e-4);
      console.log(name, JSON.stringify(report));
    });
  }
});
