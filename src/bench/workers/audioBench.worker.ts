/**
 * The audio benchmark's worker: decodes WAV fixtures with the core decoder, then times the full feature set
 * (`extractFeatures(samples, sr)` from src/core/audio: frame features, tempo, key, chords and the summary row)
 * per clip, exactly as the app's audio workers call it.
 */
import { decodeWav, extractFeatures } from '../../core/audio';
import { log, serve } from '../rpc';
import type { AudioExtractRun } from '../types';

const clips = new Map<string, { samples: Float32Array; sr: number }>();

/** Mono downmix (mean of channels). Shape: channels x samples -> samples. */
function mono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const out = new Float32Array(channels[0]!.length);
  for (const ch of channels) for (let i = 0; i < out.length; i++) out[i]! += ch[i]! / channels.length;
  return out;
}

/** A short description of what extractFeatures returned (top-level keys), to show it did real work. */
function describe(v: unknown): string[] {
  return v && typeof v === 'object' ? Object.keys(v).slice(0, 40) : [typeof v];
}

type Req =
  | { op: 'load'; name: string; wav: ArrayBuffer }
  | { op: 'extract'; name: string; runs: number; minSeconds: number };

serve<Req>(async (req) => {
  if (req.op === 'load') {
    const d = decodeWav(new Uint8Array(req.wav));
    const samples = mono(d.channels);
    clips.set(req.name, { samples, sr: d.sampleRate });
    return { value: { seconds: samples.length / d.sampleRate, sr: d.sampleRate } };
  }
  const clip = clips.get(req.name);
  if (!clip) throw new Error(`clip ${req.name} was not loaded`);
  const ms: number[] = [];
  let keys: string[] = [];
  const t0 = performance.now();
  // At least `runs` runs, and more until minSeconds of compute have passed (capped at 4x runs).
  while (
    ms.length < req.runs ||
    (performance.now() - t0 < req.minSeconds * 1000 && ms.length < req.runs * 4)
  ) {
    const s = performance.now();
    const out = extractFeatures(clip.samples, clip.sr);
    ms.push(performance.now() - s);
    if (keys.length === 0) keys = describe(out);
  }
  if (req.runs > 1) log(`audio: ${req.name} x${ms.length}, ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
  const run: AudioExtractRun = { clipSeconds: clip.samples.length / clip.sr, ms, outputKeys: keys };
  return { value: run };
});
