/**
 * Frame features derived from the log-mel spectrogram or the waveform: MFCC, deltas,
 * onset strength, RMS and zero-crossing rate (librosa definitions and defaults).
 * Matrices are row-major [rows, frames].
 */
import { dctOrthoMatrix } from './filters';

const dctCache = new Map<string, Float64Array>();

/**
 * MFCC = orthonormal DCT-II over the mel axis of a log-mel spectrogram [nMels, frames],
 * first nMfcc coefficients. Shape: [nMfcc, frames].
 */
export function mfccFromLogMel(
  logMel: Float32Array,
  nMels: number,
  frames: number,
  nMfcc = 20,
): Float32Array {
  const key = `${nMfcc}x${nMels}`;
  let D = dctCache.get(key);
  if (!D) {
    D = dctOrthoMatrix(nMfcc, nMels);
    dctCache.set(key, D);
  }
  // Row-streaming with the DCT's symmetry: D[k][N−1−n] = (−1)^k·D[k][n], so even rows need
  // x[n] + x[N−1−n] and odd rows x[n] − x[N−1−n] over half the bands (half the multiplies), and
  // every inner loop runs along contiguous frames.
  const acc = new Float64Array(nMfcc * frames);
  dctPairs(logMel, nMels, frames, nMfcc, D, acc);
  const half = nMels >> 1;
  if (nMels % 2 === 1) {
    // The middle band pairs with itself (odd rows vanish there).
    const a = half * frames;
    for (let k = 0; k < nMfcc; k += 2) {
      const w = D[k * nMels + half]!;
      for (let t = 0; t < frames; t++) acc[k * frames + t] = acc[k * frames + t]! + w * logMel[a + t]!;
    }
  }
  return Float32Array.from(acc);
}

/**
 * The paired bands of {@link mfccFromLogMel} into acc [nMfcc, frames]. A function that ends
 * with its loop (see frameLoop in frames.ts: V8's on-the-fly compiled loop then has no code
 * after it to bail out on).
 */
function dctPairs(
  logMel: Float32Array,
  nMels: number,
  frames: number,
  nMfcc: number,
  D: Float64Array,
  acc: Float64Array,
): void {
  const even = new Float64Array(frames);
  const odd = new Float64Array(frames);
  const half = nMels >> 1;
  for (let n = 0; n < half; n++) {
    const a = n * frames;
    const b = (nMels - 1 - n) * frames;
    for (let t = 0; t < frames; t++) {
      const x = logMel[a + t]!;
      const y = logMel[b + t]!;
      even[t] = x + y;
      odd[t] = x - y;
    }
    for (let k = 0; k < nMfcc; k++) {
      const w = D[k * nMels + n]!;
      const src = k % 2 === 0 ? even : odd;
      const o = k * frames;
      for (let t = 0; t < frames; t++) acc[o + t] = acc[o + t]! + w * src[t]!;
    }
  }
}

/**
 * librosa.feature.delta (Savitzky–Golay, width 9, mode 'interp') along frames of a
 * [rows, frames] matrix, order 1 or 2. With polyorder = order the edge fit is the same
 * polynomial, so the 4 edge frames take the value of the nearest full window. Fewer frames
 * than the width shrink the window to the largest odd size that fits (< 3 frames: zeros).
 */
export function delta(
  data: Float32Array,
  rows: number,
  frames: number,
  order: 1 | 2 = 1,
  width = 9,
): Float32Array {
  const out = new Float32Array(rows * frames);
  let w = Math.min(width, frames % 2 === 1 ? frames : frames - 1);
  if (w < 3) return out;
  if (w % 2 === 0) w--;
  const h = (w - 1) >> 1;
  const coef = new Float64Array(w);
  if (order === 1) {
    let s2 = 0;
    for (let n = -h; n <= h; n++) s2 += n * n;
    for (let n = -h; n <= h; n++) coef[n + h] = n / s2;
  } else {
    // Second derivative of the least-squares quadratic: 2·Σ(n² − m2)·x / Σ(n² − m2)².
    let s2 = 0;
    for (let n = -h; n <= h; n++) s2 += n * n;
    const m2 = s2 / w;
    let den = 0;
    for (let n = -h; n <= h; n++) den += (n * n - m2) * (n * n - m2);
    for (let n = -h; n <= h; n++) coef[n + h] = (2 * (n * n - m2)) / den;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * frames;
    for (let t = h; t < frames - h; t++) {
      let s = 0;
      for (let j = 0; j < w; j++) s += coef[j]! * data[base + t - h + j]!;
      out[base + t] = s;
    }
    const first = out[base + h]!;
    const last = out[base + frames - h - 1]!;
    for (let t = 0; t < h; t++) {
      out[base + t] = first;
      out[base + frames - 1 - t] = last;
    }
  }
  return out;
}

/**
 * Onset strength (librosa.onset.onset_strength defaults: lag 1, max_size 1, mean over bands,
 * center alignment): o[t] = mean_m max(0, L[m, t−2] − L[m, t−3]) on the log-mel L (dB), with
 * the first 3 frames 0. Length: frames.
 */
export function onsetStrengthFromLogMel(
  logMel: Float32Array,
  nMels: number,
  frames: number,
  nFft = 2048,
  hop = 512,
): Float32Array {
  const out = new Float32Array(frames);
  const pad = 1 + Math.floor(nFft / (2 * hop));
  const acc = new Float64Array(frames);
  positiveFlux(logMel, nMels, frames, pad, acc);
  meanInto(out, acc, nMels);
  return out;
}

/** acc[t] += max(0, L[m, t − pad + 1] − L[m, t − pad]) over all bands m (ends with its loop, see dctPairs). */
function positiveFlux(
  logMel: Float32Array,
  nMels: number,
  frames: number,
  pad: number,
  acc: Float64Array,
): void {
  for (let m = 0; m < nMels; m++) {
    const base = m * frames;
    for (let t = pad; t < frames; t++) {
      const d = logMel[base + t - pad + 1]! - logMel[base + t - pad]!;
      if (d > 0) acc[t] = acc[t]! + d;
    }
  }
}

function meanInto(out: Float32Array, acc: Float64Array, n: number): void {
  for (let t = 0; t < out.length; t++) out[t] = acc[t]! / n;
}

/**
 * Onset strength from a given [nBands, frames] dB spectrogram with lag 1, no centring:
 * o[t] = mean_m max(0, D[m,t] − D[m,t−1]) for t ≥ 1, optional IIR detrend
 * y[t] = x[t] − x[t−1] + 0.99·y[t−1]. Length: frames − 1 (float64).
 */
export function onsetFromDb(
  D: ArrayLike<number>,
  nBands: number,
  frames: number,
  detrend = false,
): Float64Array {
  const o = new Float64Array(Math.max(0, frames - 1));
  for (let m = 0; m < nBands; m++) {
    const base = m * frames;
    for (let t = 1; t < frames; t++) {
      const d = D[base + t]! - D[base + t - 1]!;
      if (d > 0) o[t - 1] = o[t - 1]! + d;
    }
  }
  for (let i = 0; i < o.length; i++) o[i] = o[i]! / nBands;
  if (detrend) {
    let px = 0;
    let py = 0;
    for (let i = 0; i < o.length; i++) {
      const x = o[i]!;
      const yv = x - px + 0.99 * py;
      o[i] = yv;
      px = x;
      py = yv;
    }
  }
  return o;
}

/** RMS per centred frame (librosa.feature.rms: zero padding, no window). Length: frames. */
export function rmsFrames(y: Float32Array, frames: number, frameLength = 2048, hop = 512): Float32Array {
  const out = new Float32Array(frames);
  const half = frameLength >> 1;
  if (frameLength % hop === 0 && half % hop === 0) {
    // Frames are whole numbers of hop-sized blocks: sum squares once per block, then add blocks
    // (no running subtraction, so no cancellation error).
    const nb = Math.ceil(y.length / hop);
    const block = new Float64Array(nb);
    blockSquares(y, hop, block);
    const per = frameLength / hop;
    const back = half / hop;
    for (let t = 0; t < frames; t++) {
      let s = 0;
      for (let b = t - back, e = b + per; b < e; b++) if (b >= 0 && b < nb) s += block[b]!;
      out[t] = Math.sqrt(s / frameLength);
    }
    return out;
  }
  for (let t = 0; t < frames; t++) {
    const start = t * hop - half;
    const a = Math.max(0, start);
    const b = Math.min(y.length, start + frameLength);
    let s = 0;
    for (let i = a; i < b; i++) s += y[i]! * y[i]!;
    out[t] = Math.sqrt(s / frameLength);
  }
  return out;
}

/** block[b] = Σ y[i]² over block b of `hop` samples (ends with its loop, see dctPairs). */
function blockSquares(y: Float32Array, hop: number, block: Float64Array): void {
  for (let b = 0; b < block.length; b++) {
    let s = 0;
    for (let i = b * hop, e = Math.min(y.length, i + hop); i < e; i++) s += y[i]! * y[i]!;
    block[b] = s;
  }
}

/** B[b] = number of sign changes C[j] for j in block b (j ≥ 1); ends with its loop, see dctPairs. */
function blockCrossings(y: Float32Array, hop: number, B: Int32Array): void {
  const n = y.length;
  // Sign bits (1 = negative): a crossing is prev XOR cur, added without a branch, per block.
  let prev = y[0]! < -1e-10 ? 1 : 0;
  for (let b = 0, j = 1; b < B.length; b++) {
    let c = 0;
    for (const e = Math.min(n, (b + 1) * hop); j < e; j++) {
      const cur = y[j]! < -1e-10 ? 1 : 0;
      c += cur ^ prev;
      prev = cur;
    }
    B[b] = c;
  }
}

/**
 * Zero-crossing rate per centred frame (librosa.feature.zero_crossing_rate: edge padding,
 * |x| ≤ 1e-10 counts as +0, crossings between neighbours inside the frame / frameLength).
 */
export function zcrFrames(y: Float32Array, frames: number, frameLength = 2048, hop = 512): Float32Array {
  const out = new Float32Array(frames);
  const n = y.length;
  if (n === 0) return out;
  const half = frameLength >> 1;
  // Edge padding repeats y[0] / y[n−1], so pairs that touch the padding never cross: a frame
  // counts the crossings C[j] (between y[j−1] and y[j]) for start < j < start + frameLength.
  if (frameLength % hop === 0 && half % hop === 0) {
    // Block sums B[b] = Σ C[j] for j in [b·hop, (b+1)·hop): a frame is whole blocks minus C[start].
    const nb = Math.ceil(n / hop);
    const B = new Int32Array(nb);
    blockCrossings(y, hop, B);
    const per = frameLength / hop;
    for (let t = 0; t < frames; t++) {
      const start = t * hop - half;
      const b0 = start / hop;
      let c = 0;
      for (let b = Math.max(0, b0), e = Math.min(nb, b0 + per); b < e; b++) c += B[b]!;
      if (start >= 1 && start < n && y[start]! < -1e-10 !== y[start - 1]! < -1e-10) c--;
      out[t] = c / frameLength;
    }
    return out;
  }
  // General case: prefix sums P[i] = Σ C[j] for 1 ≤ j ≤ i.
  const P = new Int32Array(n);
  let prev = y[0]! < -1e-10;
  for (let i = 1; i < n; i++) {
    const cur = y[i]! < -1e-10;
    P[i] = P[i - 1]! + (cur !== prev ? 1 : 0);
    prev = cur;
  }
  for (let t = 0; t < frames; t++) {
    const start = t * hop - half; // frame covers y-indices start .. start + frameLength − 1
    const a = Math.max(0, start);
    const b = Math.min(n - 1, start + frameLength - 1);
    out[t] = b > a ? (P[b]! - P[a]!) / frameLength : 0;
  }
  return out;
}
