/**
 * Tempo and beats from an onset-strength envelope: an autocorrelation tempogram (librosa's
 * definition: Hann-windowed, centred, 384-frame windows, max-normalised) with a log-normal
 * tempo prior, a local tempo curve, and dynamic-programming beat tracking (Ellis 2007, as in
 * librosa.beat.beat_track), refined to sub-frame precision by regressing beat times.
 */
import { beatTrack } from './beats';
import { getRealFFT } from './fft';

/** Global tempo, local tempo curve and beats. BPM values are NaN when no pulse is found. */
export interface TempoResult {
  /** Global tempo (BPM). */
  bpm: number;
  /** Strength of the periodicity in [0, 1]: (ac[period] − median ac) / (1 − median ac) of the mean tempogram. */
  confidence: number;
  /** Local tempo curve: times (s) and BPM, one point per tempogram column. */
  curve: { times: Float32Array; bpm: Float32Array };
  /** Standard deviation (BPM) and coefficient of variation of the local tempo curve. */
  variabilityBpm: number;
  variabilityCv: number;
  /** Number of sustained tempo changes (> 4 % for ≥ 3 s) along the curve. */
  changes: number;
  /** Beat times (s). */
  beats: Float32Array;
  /** 1 − CV of the inter-beat intervals, clipped to [0, 1]. */
  beatRegularity: number;
  /** Standard deviation of the inter-beat intervals (s). */
  ibiStd: number;
}

/** Options of {@link estimateTempo}. */
export interface TempoOptions {
  /** Tempogram window (frames, default 384 as in librosa). */
  winLength?: number;
  /** Prior centre (BPM, default 120) and width (octaves, default 1). */
  startBpm?: number;
  stdBpm?: number;
  /** Highest tempo considered (BPM, default 320); lowest (default 30). */
  maxBpm?: number;
  minBpm?: number;
  /** Tempogram column step in frames (default 8, ≈ 0.19 s at 22,050 Hz / hop 512). */
  step?: number;
  /** Beat-tracker tightness (default 100, librosa's). */
  tightness?: number;
}

/** Autocorrelation tempogram, row-major [cols, lags], each column max-normalised (lag 0 = 1). */
export interface Tempogram {
  cols: number;
  lags: number;
  /** Onset frame at the centre of each column. */
  centers: Int32Array;
  data: Float64Array;
}

/**
 * Tempogram columns every `step` frames: window the onset envelope (linear-ramp padded as
 * librosa does) with a periodic Hann of `win` frames, autocorrelate for lags 0..maxLag.
 */
export function tempogram(onset: ArrayLike<number>, win: number, maxLag: number, step: number): Tempogram {
  const T = onset.length;
  const half = win >> 1;
  // librosa pads with np.pad(mode='linear_ramp', end_values=0): ramps from 0 to the edge value.
  const padded = new Float64Array(T + 2 * half);
  for (let i = 0; i < T; i++) padded[half + i] = onset[i]!;
  const first = T > 0 ? onset[0]! : 0;
  const last = T > 0 ? onset[T - 1]! : 0;
  for (let i = 0; i < half; i++) {
    padded[i] = (first * i) / half;
    padded[half + T + i] = last * (1 - (i + 1) / half);
  }
  const w = new Float64Array(win);
  for (let i = 0; i < win; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / win);
  const lags = Math.min(maxLag, win - 1) + 1;
  const cols = Math.max(1, Math.ceil(T / step));
  const data = new Float64Array(cols * lags);
  const centers = new Int32Array(cols);
  tempogramColumns(padded, w, T, step, lags, centers, data);
  return { cols, lags, centers, data };
}

/**
 * The columns of {@link tempogram} into centers / data. A function that ends with its loop (see
 * frameLoop in frames.ts: V8's on-the-fly compiled loop has no code after it to bail out on).
 */
function tempogramColumns(
  padded: Float64Array,
  w: Float64Array,
  T: number,
  step: number,
  lags: number,
  centers: Int32Array,
  data: Float64Array,
): void {
  const win = w.length;
  const cols = centers.length;
  // Autocorrelation by FFT: |FFT(seg, zero-padded to ≥ 2·win)|² transformed again (the power
  // spectrum is real and even, so a forward transform is the inverse up to 1/n).
  let n = 1;
  while (n < 2 * win) n <<= 1;
  const fft = getRealFFT(n);
  const buf = new Float64Array(n);
  const pw = new Float64Array(n);
  for (let c = 0; c < cols; c++) {
    const t = Math.min(T - 1, c * step);
    centers[c] = t;
    buf.fill(0);
    for (let i = 0; i < win; i++) buf[i] = padded[t + i]! * w[i]!;
    const X = fft.forward(buf);
    const h = n >> 1;
    for (let k = 0; k <= h; k++) pw[k] = X[2 * k]! * X[2 * k]! + X[2 * k + 1]! * X[2 * k + 1]!;
    for (let k = 1; k < h; k++) pw[n - k] = pw[k]!;
    const A = fft.forward(pw);
    const zero = A[0]!;
    const base = c * lags;
    if (!(zero > 1e-20)) continue;
    for (let l = 0; l < lags; l++) data[base + l] = A[2 * l]! / zero;
  }
}

/** Parabolic peak refinement: fractional offset in (−0.5, 0.5) from three samples. */
function parabolic(a: number, b: number, c: number): number {
  const den = a - 2 * b + c;
  if (den >= 0) return 0;
  const d = (0.5 * (a - c)) / den;
  return Math.max(-0.5, Math.min(0.5, d));
}

/** Best lag of a lag profile under a log-normal prior over BPM; fractional (parabolic). */
function bestLag(
  prof: Float64Array,
  off: number,
  lags: number,
  lagMin: number,
  lagMax: number,
  fps: number,
  center: number,
  std: number,
): { lag: number } {
  const score = new Float64Array(lags).fill(-Infinity);
  let best = -1;
  for (let l = lagMin; l <= lagMax && l < lags; l++) {
    const bpm = (60 * fps) / l;
    const z = (Math.log2(bpm) - Math.log2(center)) / std;
    score[l] = Math.log1p(1e6 * Math.max(0, prof[off + l]!)) - 0.5 * z * z;
    if (best < 0 || score[l]! > score[best]!) best = l;
  }
  if (best < 0) return { lag: NaN };
  const a = best > 0 ? prof[off + best - 1]! : prof[off + best]!;
  const c = best + 1 < lags ? prof[off + best + 1]! : prof[off + best]!;
  return { lag: best + parabolic(a, prof[off + best]!, c) };
}

function median(xs: Float64Array | number[]): number {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

/**
 * Estimate tempo, local tempo, beats and their regularity from an onset envelope sampled at
 * `fps` frames per second (sr / hop).
 */
export function estimateTempo(onset: Float32Array, fps: number, opts: TempoOptions = {}): TempoResult {
  const win = opts.winLength ?? 384;
  const start = opts.startBpm ?? 120;
  const std = opts.stdBpm ?? 1;
  const maxBpm = opts.maxBpm ?? 320;
  const minBpm = opts.minBpm ?? 30;
  const step = opts.step ?? 8;
  const lagMin = Math.max(1, Math.ceil((60 * fps) / maxBpm));
  const lagMax = Math.floor((60 * fps) / minBpm);
  const empty: TempoResult = {
    bpm: NaN,
    confidence: 0,
    curve: { times: new Float32Array(0), bpm: new Float32Array(0) },
    variabilityBpm: NaN,
    variabilityCv: NaN,
    changes: 0,
    beats: new Float32Array(0),
    beatRegularity: NaN,
    ibiStd: NaN,
  };
  let energy = 0;
  for (let i = 0; i < onset.length; i++) energy += onset[i]!;
  if (onset.length < 2 * lagMin + 2 || !(energy > 0)) return empty;

  const tg = tempogram(onset, win, lagMax + 1, step);
  const { cols, lags } = tg;
  const mean = new Float64Array(lags);
  for (let c = 0; c < cols; c++)
    for (let l = 0; l < lags; l++) mean[l] = mean[l]! + tg.data[c * lags + l]! / cols;
  const g = bestLag(mean, 0, lags, lagMin, lagMax, fps, start, std);
  if (!Number.isFinite(g.lag)) return empty;
  // Confidence: how far the chosen lag's mean autocorrelation stands above the median
  // candidate lag, as a fraction of the room above that median (1 = perfectly periodic).
  const cand = mean.slice(lagMin, Math.min(lags, lagMax + 1));
  const medAc = median(cand);
  const peakAc = mean[Math.round(g.lag)]!;
  const confidence = medAc < 1 ? Math.max(0, Math.min(1, (peakAc - medAc) / (1 - medAc))) : 0;
  const acBpm = (60 * fps) / g.lag;

  // Local tempo: per column, prior centred on the global tempo (half an octave wide).
  const times = new Float32Array(cols);
  const local = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    times[c] = tg.centers[c]! / fps;
    const r = bestLag(tg.data, c * lags, lags, lagMin, lagMax, fps, acBpm, 0.5);
    local[c] = Number.isFinite(r.lag) ? (60 * fps) / r.lag : acBpm;
  }
  const curve = new Float32Array(cols);
  const k = Math.max(1, Math.round((0.8 * fps) / step)); // median filter over ≈ 1.6 s
  for (let c = 0; c < cols; c++) {
    const a = Math.max(0, c - k);
    const b = Math.min(cols, c + k + 1);
    curve[c] = median(local.subarray(a, b));
  }

  const beatsF = beatTrack(onset, (60 * fps) / acBpm, opts.tightness ?? 100);
  const beats = new Float32Array(beatsF.length);
  for (let i = 0; i < beatsF.length; i++) beats[i] = beatsF[i]! / fps;
  let bpm = acBpm;
  if (beatsF.length >= 8) {
    // Least-squares period over beat index: sub-frame precision from many quantised beats.
    const n = beatsF.length;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sx += i;
      sy += beatsF[i]!;
      sxx += i * i;
      sxy += i * beatsF[i]!;
    }
    const period = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const fromBeats = (60 * fps) / period;
    if (Math.abs(Math.log(fromBeats / acBpm)) < 0.08) bpm = fromBeats;
  }
  let ibiMean = NaN;
  let ibiStd = NaN;
  if (beats.length >= 3) {
    const ibi = new Float64Array(beats.length - 1);
    for (let i = 1; i < beats.length; i++) ibi[i - 1] = beats[i]! - beats[i - 1]!;
    ibiMean = ibi.reduce((s, v) => s + v, 0) / ibi.length;
    ibiStd = Math.sqrt(ibi.reduce((s, v) => s + (v - ibiMean) * (v - ibiMean), 0) / ibi.length);
  }
  const cm = curve.reduce((s, v) => s + v, 0) / cols;
  const cs = Math.sqrt(curve.reduce((s, v) => s + (v - cm) * (v - cm), 0) / cols);
  return {
    bpm,
    confidence,
    curve: { times, bpm: curve },
    variabilityBpm: cs,
    variabilityCv: cm > 0 ? cs / cm : NaN,
    changes: countChanges(curve, fps / step),
    beats,
    beatRegularity: Number.isFinite(ibiStd) ? Math.max(0, Math.min(1, 1 - ibiStd / ibiMean)) : NaN,
    ibiStd,
  };
}

/**
 * Count sustained tempo changes: a change is declared when the curve stays more than 4 %
 * away from the current segment's tempo for at least 3 s; the new segment starts there.
 */
export function countChanges(curve: Float32Array, colsPerSec: number, rel = 0.04, minSec = 3): number {
  const need = Math.max(1, Math.round(minSec * colsPerSec));
  if (curve.length === 0) return 0;
  let ref = curve[0]!;
  let run = 0;
  let changes = 0;
  for (let i = 1; i < curve.length; i++) {
    if (Math.abs(curve[i]! - ref) > rel * ref) {
      run++;
      if (run >= need) {
        changes++;
        ref = curve[i]!;
        run = 0;
      }
    } else run = 0;
  }
  return changes;
}
