/**
 * Synthetic test signals with known answers (used by the tests): click tracks, tempo
 * ramps, struck triads and pure tones. Deterministic (seeded noise).
 */
import { mulberry32 } from '../../core/random';

/** Add a 15 ms decaying noise burst at sample `at`. */
function click(y: Float32Array, at: number, sr: number, rnd: () => number, amp = 0.8): void {
  const len = Math.round(0.015 * sr);
  for (let i = 0; i < len && at + i < y.length; i++) {
    y[at + i] = y[at + i]! + amp * (2 * rnd() - 1) * Math.exp(-i / (0.003 * sr));
  }
}

/** Click track: one click per beat at `bpm` for `seconds` (first click at 0.1 s). */
export function clickTrack(bpm: number, seconds: number, sr = 22050, seed = 1): Float32Array {
  const y = new Float32Array(Math.round(seconds * sr));
  const rnd = mulberry32(seed);
  for (let t = 0.1; t < seconds; t += 60 / bpm) click(y, Math.round(t * sr), sr, rnd);
  return y;
}

/** Click track whose tempo jumps from `bpmA` to `bpmB` at `switchAt` seconds. */
export function tempoChangeTrack(
  bpmA: number,
  bpmB: number,
  seconds: number,
  switchAt: number,
  sr = 22050,
): Float32Array {
  const y = new Float32Array(Math.round(seconds * sr));
  const rnd = mulberry32(7);
  for (let t = 0.1; t < seconds; t += 60 / (t < switchAt ? bpmA : bpmB))
    click(y, Math.round(t * sr), sr, rnd);
  return y;
}

/** Frequency (Hz) of MIDI note n (A4 = 69 = 440 Hz). */
export function midiHz(n: number): number {
  return 440 * Math.pow(2, (n - 69) / 12);
}

/**
 * Triads struck on every beat (piano-like decay, 4 harmonics), `beatsPerChord` beats each.
 * `chords` are [root MIDI note, 'maj' | 'min'] pairs; `detune` shifts every pitch (semitones).
 */
export function chordTrack(
  chords: [number, 'maj' | 'min'][],
  bpm: number,
  beatsPerChord: number,
  repeats: number,
  sr = 22050,
  detune = 0,
): Float32Array {
  const beat = 60 / bpm;
  const total = chords.length * beatsPerChord * repeats * beat + 0.5;
  const y = new Float32Array(Math.round(total * sr));
  let t0 = 0;
  for (let r = 0; r < repeats; r++) {
    for (const [root, q] of chords) {
      const notes = [root, root + (q === 'maj' ? 4 : 3), root + 7];
      for (let b = 0; b < beatsPerChord; b++) {
        const start = Math.round(t0 * sr);
        const len = Math.round(beat * sr);
        for (const n of notes) {
          const f = midiHz(n + detune);
          for (let h = 1; h <= 4; h++) {
            const w = (2 * Math.PI * f * h) / sr;
            const a = 0.12 / h;
            for (let i = 0; i < len && start + i < y.length; i++) {
              y[start + i] =
                y[start + i]! + a * Math.sin(w * i) * Math.exp(-i / (0.25 * sr)) * Math.min(1, i / 40);
            }
          }
        }
        t0 += beat;
      }
    }
  }
  return y;
}

/** A pure sine of `hz` Hz, amplitude 0.5. */
export function tone(hz: number, seconds: number, sr = 22050): Float32Array {
  const y = new Float32Array(Math.round(seconds * sr));
  for (let i = 0; i < y.length; i++) y[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / sr);
  return y;
}
