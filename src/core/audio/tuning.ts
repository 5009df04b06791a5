/**
 * Tuning estimation (librosa.estimate_tuning: piptrack + pitch_tuning), so chroma can follow
 * recordings that are not at A440.
 */
import { getRealFFT } from './fft';
import { fftFrequencies, hannWindow, hzToOcts } from './filters';
import { centredFrameCount, loadFrame } from './frames';

/**
 * Deviation of `y` from A440 in semitones, in [−0.5, 0.5) at 0.01 resolution. Spectral peaks
 * between 150 and 4,000 Hz above 10 % of their frame's maximum (parabolically interpolated, as
 * piptrack does) and at least as strong as the median peak vote in a histogram of their
 * distance from the equal-tempered grid; the fullest bin wins. Every `frameStep`-th frame is
 * used (default 2, for speed). Returns 0 when there are no pitched peaks.
 */
export function estimateTuning(y: Float32Array, sr: number, nFft = 2048, hop = 512, frameStep = 2): number {
  const T = centredFrameCount(y.length, hop);
  const fft = getRealFFT(nFft);
  const window = hannWindow(nFft);
  const freqs = fftFrequencies(sr, nFft);
  const nBins = freqs.length;
  const buf = new Float64Array(nFft);
  const mag = new Float64Array(nBins);
  const lo = Math.max(
    1,
    freqs.findIndex((f) => f >= 150),
  );
  let hi = freqs.findIndex((f) => f >= 4000);
  if (hi < 0) hi = nBins - 1;
  hi = Math.min(hi, nBins - 1);
  const pitch: number[] = [];
  const weight: number[] = [];
  for (let t = 0; t < T; t += frameStep) {
    loadFrame(y, t, hop, window, buf);
    const X = fft.forward(buf);
    let mx = 0;
    for (let k = 0; k < nBins; k++) {
      mag[k] = Math.hypot(X[2 * k]!, X[2 * k + 1]!);
      if (mag[k]! > mx) mx = mag[k]!;
    }
    const thr = 0.1 * mx;
    for (let k = lo; k < hi; k++) {
      const v = mag[k]!;
      if (v <= thr || !(v > mag[k - 1]!) || !(v >= mag[k + 1]!)) continue;
      const avg = 0.5 * (mag[k + 1]! - mag[k - 1]!);
      const den = 2 * v - mag[k + 1]! - mag[k - 1]!;
      const shift = Math.abs(den) > 1e-12 ? avg / den : 0;
      pitch.push(((k + shift) * sr) / nFft);
      weight.push(v + 0.5 * avg * shift);
    }
  }
  if (pitch.length === 0) return 0;
  const sorted = Float64Array.from(weight).sort();
  const median = sorted[sorted.length >> 1]!;
  const counts = new Int32Array(100);
  for (let i = 0; i < pitch.length; i++) {
    if (weight[i]! < median) continue;
    let r = 12 * hzToOcts(pitch[i]!);
    r -= Math.floor(r);
    if (r >= 0.5) r -= 1;
    const b = Math.min(99, Math.floor((r + 0.5) * 100));
    counts[b] = counts[b]! + 1;
  }
  let best = 0;
  for (let b = 1; b < 100; b++) if (counts[b]! > counts[best]!) best = b;
  return -0.5 + best / 100;
}
