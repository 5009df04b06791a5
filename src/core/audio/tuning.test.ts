import { describe, expect, it } from 'vitest';
import { extractFeatures } from './extract';
import { chordTrack, tone } from '../../test-support/audio/testsignals';
import { readMono } from '../../test-support/audio/testutil';
import { estimateTuning } from './tuning';

const progression: [number, 'maj' | 'min'][] = [
  [60, 'maj'],
  [67, 'maj'],
  [69, 'min'],
  [65, 'maj'],
];

describe('tuning estimation (librosa estimate_tuning)', () => {
  it('finds the deviation of detuned tones and chords, and ~0 for in-tune real recordings', () => {
    expect(Math.abs(estimateTuning(tone(440, 3), 22050))).toBeLessThanOrEqual(0.02);
    expect(estimateTuning(tone(440 * Math.pow(2, 0.3 / 12), 3), 22050)).toBeCloseTo(0.3, 1);
    expect(estimateTuning(chordTrack(progression, 120, 4, 1, 22050, -0.35), 22050)).toBeCloseTo(-0.35, 1);
    const { y } = readMono('audio-reference', 'sugarplum.wav');
    expect(Math.abs(estimateTuning(y, 22050))).toBeLessThan(0.1);
    expect(estimateTuning(new Float32Array(22050), 22050)).toBe(0);
  });

  it("with tuning: 'estimate', chords of a recording 0.45 semitone sharp are still right", () => {
    const y = chordTrack(progression, 120, 4, 2, 22050, 0.45);
    const f = extractFeatures(y, 22050, { tuning: 'estimate' });
    expect(f.tuning).toBeGreaterThan(0.35);
    expect(f.key.name).toBe('C major');
    const seq = f.chords.segments.filter((s) => s.label !== 'N').map((s) => s.label);
    expect(seq).toEqual(['C', 'G', 'Am', 'F', 'C', 'G', 'Am', 'F']);
    expect(() => extractFeatures(y, 22050, { tuning: 2 })).toThrow(/tuning/);
  });
});
