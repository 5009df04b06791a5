/**
 * The frame loop: one pass over a centred, zero-padded STFT that computes every
 * spectrum-based frame feature without storing the spectrogram (librosa ≥ 0.10 defaults:
 * n_fft 2048, hop 512, periodic Hann, center=True, pad_mode='constant').
 */
import { getRealFFT } from './fft';
import { chromaFilterbank, fftFrequencies, hannWindow, melFilterbank, type Filterbank } from './filters';
import { contrastOf, contrastScratch, makeContrastPlan, type ContrastPlan } from './spectral';

/** STFT / filterbank settings. Defaults are librosa's. */
export interface FrameConfig {
  sr: number;
  nFft: number;
  hop: number;
  nMels: number;
  nChroma: number;
  rollPercent: number;
  /** Chroma tuning: deviation from A440 in fractions of a chroma bin (0 = A440). */
  tuning: number;
}

/** Fill in librosa defaults for a sample rate. */
export function frameConfig(sr: number, partial: Partial<Omit<FrameConfig, 'sr'>> = {}): FrameConfig {
  return {
    sr,
    nFft: partial.nFft ?? 2048,
    hop: partial.hop ?? 512,
    nMels: partial.nMels ?? 128,
    nChroma: partial.nChroma ?? 12,
    rollPercent: partial.rollPercent ?? 0.85,
    // Rounded to librosa's 0.01-bin tuning resolution so plans can be cached.
    tuning: Math.round((partial.tuning ?? 0) * 100) / 100,
  };
}

/** Tables for one configuration, built once and cached. */
export interface FramePlan {
  cfg: FrameConfig;
  window: Float64Array;
  freqs: Float64Array;
  mel: Filterbank;
  chroma: Filterbank;
  /**
   * The chroma filterbank as runs of consecutive bins: run j covers bins
   * runStart[j] .. runEnd[j] − 1 with weights from runW[runOff[j]]; row r owns runs
   * rowRuns[r] .. rowRuns[r+1] − 1.
   */
  rowRuns: Int32Array;
  runStart: Int32Array;
  runEnd: Int32Array;
  runOff: Int32Array;
  runW: Float64Array;
  contrast: ContrastPlan;
}

/**
 * Why sparse: chroma weights fall off as a Gaussian in pitch distance, so most of the 12
 * weights of a high bin are tiny next to that bin's largest. Dropping weights under 1e-7 of the
 * column maximum changes a max-normalised chroma value by about 1e-7 (the audio-reference test
 * allows 1e-6) and halves the work (5,915 of 12,300 weights kept at 22,050 Hz / n_fft 2048).
 */
function sparseRuns(fb: Filterbank): Pick<FramePlan, 'rowRuns' | 'runStart' | 'runEnd' | 'runOff' | 'runW'> {
  const { rows, nBins, weights } = fb;
  const colMax = new Float64Array(nBins);
  for (let k = 0; k < nBins; k++) {
    for (let r = 0; r < rows; r++) colMax[k] = Math.max(colMax[k]!, Math.abs(weights[r * nBins + k]!));
  }
  const rowRuns = [0];
  const start: number[] = [];
  const end: number[] = [];
  const off: number[] = [];
  const w: number[] = [];
  for (let r = 0; r < rows; r++) {
    let k = 0;
    while (k < nBins) {
      const keep = (j: number): boolean => {
        const v = weights[r * nBins + j]!;
        return v !== 0 && Math.abs(v) >= 1e-7 * colMax[j]!;
      };
      if (!keep(k)) {
        k++;
        continue;
      }
      start.push(k);
      off.push(w.length);
      while (k < nBins && keep(k)) w.push(weights[r * nBins + k++]!);
      end.push(k);
    }
    rowRuns.push(start.length);
  }
  return {
    rowRuns: Int32Array.from(rowRuns),
    runStart: Int32Array.from(start),
    runEnd: Int32Array.from(end),
    runOff: Int32Array.from(off),
    runW: Float64Array.from(w),
  };
}

const plans = new Map<string, FramePlan>();
/** Plans kept (each ≈ 1 MB; tunings vary per file, so the cache is bounded). */
const MAX_PLANS = 8;

/** Cached tables for `cfg` (least recently used of at most 8 configurations). */
export function framePlan(cfg: FrameConfig): FramePlan {
  const key = JSON.stringify(cfg);
  let p = plans.get(key);
  if (p) {
    plans.delete(key);
    plans.set(key, p);
  } else {
    const chroma = chromaFilterbank(cfg.sr, cfg.nFft, { nChroma: cfg.nChroma, tuning: cfg.tuning });
    const runs = sparseRuns(chroma);
    p = {
      cfg,
      window: hannWindow(cfg.nFft),
      freqs: fftFrequencies(cfg.sr, cfg.nFft),
      mel: melFilterbank(cfg.sr, cfg.nFft, { nMels: cfg.nMels }),
      chroma,
      ...runs,
      contrast: makeContrastPlan(cfg.sr, cfg.nFft),
    };
    plans.set(key, p);
    if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
  }
  return p;
}

/** Spectrum-based frame features; matrices are row-major [rows, frames]. */
export interface SpectralFrames {
  frames: number;
  /** Mel power spectrogram, [nMels, frames]. */
  melPower: Float32Array;
  /** Chroma (chroma_stft at cfg.tuning), max-normalised per frame, [nChroma, frames]. */
  chroma: Float32Array;
  /** Hz. */
  centroid: Float32Array;
  /** Hz (p = 2, normalised). */
  bandwidth: Float32Array;
  /** Hz. */
  rolloff: Float32Array;
  /** Ratio in [0, 1]. */
  flatness: Float32Array;
  /** Spectral contrast in dB, [nBands + 1, frames]. */
  contrast: Float32Array;
}

/** Number of centred frames librosa gives for n samples: 1 + floor(n / hop). */
export function centredFrameCount(n: number, hop: number): number {
  return 1 + Math.floor(n / hop);
}

/** Copy frame t of the centred, zero-padded signal into `buf`, multiplied by `window`. */
export function loadFrame(
  y: Float32Array,
  t: number,
  hop: number,
  window: Float64Array,
  buf: Float64Array,
): void {
  const n = window.length;
  const start = t * hop - (n >> 1);
  if (start >= 0 && start + n <= y.length) {
    for (let i = 0; i < n; i++) buf[i] = y[start + i]! * window[i]!;
    return;
  }
  for (let i = 0; i < n; i++) {
    const j = start + i;
    buf[i] = j >= 0 && j < y.length ? y[j]! * window[i]! : 0;
  }
}

/**
 * One pass over the STFT of `y` (mono, at cfg.sr). Shapes: [rows, frames] with
 * frames = 1 + floor(len / hop).
 */
export function spectralFrames(y: Float32Array, cfg: FrameConfig): SpectralFrames {
  const plan = framePlan(cfg);
  const { nFft, hop, nMels, nChroma } = cfg;
  const nBins = (nFft >> 1) + 1;
  const T = centredFrameCount(y.length, hop);
  const fft = getRealFFT(nFft);
  const buf = new Float64Array(nFft);
  const power = new Float64Array(nBins);
  const mag = new Float64Array(nBins);
  const nCon = plan.contrast.nBands + 1;
  const peak = new Float64Array(nCon);
  const valley = new Float64Array(nCon);
  const scratch = contrastScratch(plan.contrast);
  const out: SpectralFrames = {
    frames: T,
    melPower: new Float32Array(nMels * T),
    chroma: new Float32Array(nChroma * T),
    centroid: new Float32Array(T),
    bandwidth: new Float32Array(T),
    rolloff: new Float32Array(T),
    flatness: new Float32Array(T),
    contrast: new Float32Array(nCon * T),
  };
  const peaks = new Float64Array(nCon * T);
  const valleys = new Float64Array(nCon * T);
  const { freqs, rowRuns, runStart, runEnd, runOff, runW, window } = plan;
  // Locals, not property loads, in the hot loop.
  const melW = plan.mel.weights;
  const melStart = plan.mel.start;
  const melEnd = plan.mel.end;
  const { melPower, chroma: chromaOut, centroid, bandwidth, rolloff, flatness } = out;
  const chromaCol = new Float64Array(nChroma);
  const thr = cfg.rollPercent;
  for (let t = 0; t < T; t++) {
    loadFrame(y, t, hop, window, buf);
    const X = fft.forward(buf);
    // One pass over the spectrum: power, magnitude, magnitude moments (Σ S, Σ S·f, Σ S·f² give
    // centroid and bandwidth, since bandwidth² = Σ S·f²/Σ S − centroid²) and the flatness sums
    // (products of 8 thresholded powers per log; see flatnessOf).
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let pSum = 0;
    let logSum = 0;
    let prod = 1;
    for (let k = 0; k < nBins; k++) {
      const re = X[2 * k]!;
      const im = X[2 * k + 1]!;
      const p = re * re + im * im;
      power[k] = p;
      const m = Math.sqrt(p);
      mag[k] = m;
      const f = freqs[k]!;
      s0 += m;
      s1 += m * f;
      s2 += m * f * f;
      const pt = p > 1e-10 ? p : 1e-10;
      pSum += pt;
      prod *= pt;
      if ((k & 7) === 7) {
        logSum += Math.log(prod);
        prod = 1;
      }
    }
    logSum += Math.log(prod);
    flatness[t] = Math.exp(logSum / nBins) / (pSum / nBins);
    for (let c = 0; c < nChroma; c++) {
      let s = 0;
      for (let j = rowRuns[c]!, je = rowRuns[c + 1]!; j < je; j++) {
        const o = runOff[j]! - runStart[j]!;
        for (let k = runStart[j]!, e = runEnd[j]!; k < e; k++) s += runW[o + k]! * power[k]!;
      }
      chromaCol[c] = s;
    }
    for (let m = 0; m < nMels; m++) {
      let s = 0;
      const base = m * nBins;
      for (let k = melStart[m]!, e = melEnd[m]!; k < e; k++) s += melW[base + k]! * power[k]!;
      melPower[m * T + t] = s;
    }
    let cmax = 0;
    for (let c = 0; c < nChroma; c++) if (chromaCol[c]! > cmax) cmax = chromaCol[c]!;
    const cs = cmax > 1.1754943508222875e-38 ? 1 / cmax : 1;
    for (let c = 0; c < nChroma; c++) chromaOut[c * T + t] = chromaCol[c]! * cs;
    const silent = !(s0 > 1.1754943508222875e-38);
    const cen = silent ? 0 : s1 / s0;
    centroid[t] = cen;
    bandwidth[t] = silent ? 0 : Math.sqrt(Math.max(0, s2 / s0 - cen * cen));
    // Roll-off: first bin where the cumulative magnitude reaches pct of the total.
    let roll = freqs[nBins - 1]!;
    let c = 0;
    const target = thr * s0;
    for (let k = 0; k < nBins; k++) {
      c += mag[k]!;
      if (c >= target) {
        roll = freqs[k]!;
        break;
      }
    }
    rolloff[t] = roll;
    contrastOf(mag, plan.contrast, scratch, peak, valley);
    for (let b = 0; b < nCon; b++) {
      peaks[b * T + t] = peak[b]!;
      valleys[b * T + t] = valley[b]!;
    }
  }
  // librosa: power_to_db(peak) − power_to_db(valley), each with top_db relative to its own max.
  const pdb = powerToDbInPlace(peaks);
  const vdb = powerToDbInPlace(valleys);
  for (let i = 0; i < nCon * T; i++) out.contrast[i] = pdb[i]! - vdb[i]!;
  return out;
}

const DB_PER_LN = 10 / Math.LN10;

/**
 * librosa.power_to_db in place: 10·log10(max(amin, S)) − 10·log10(max(amin, ref)), then
 * floored at (max − topDb). Pass topDb = null to skip the floor.
 */
export function powerToDbInPlace<T extends Float32Array | Float64Array>(
  S: T,
  ref = 1,
  amin = 1e-10,
  topDb: number | null = 80,
): T {
  const off = 10 * Math.log10(Math.max(amin, ref));
  let mx = -Infinity;
  for (let i = 0; i < S.length; i++) {
    const v = DB_PER_LN * Math.log(S[i]! > amin ? S[i]! : amin) - off; // Math.log is ~1.5x faster than log10
    S[i] = v;
    if (v > mx) mx = v;
  }
  if (topDb !== null) {
    const floor = mx - topDb;
    for (let i = 0; i < S.length; i++) if (S[i]! < floor) S[i] = floor;
  }
  return S;
}

/** Complex STFT, row-major [nBins, frames] real and imaginary parts (float64). */
export interface ComplexSpectrogram {
  nBins: number;
  frames: number;
  re: Float64Array;
  im: Float64Array;
}

/**
 * General STFT (librosa.stft): window 'hann' (periodic), 'ones' or explicit samples;
 * center pads n_fft/2 zeros each side; otherwise frames = 1 + floor((n − n_fft)/hop).
 */
export function stft(
  y: Float32Array,
  opts: { nFft: number; hop: number; window?: 'hann' | 'ones' | Float64Array; center?: boolean },
): ComplexSpectrogram {
  const { nFft, hop } = opts;
  const center = opts.center ?? true;
  const w =
    opts.window instanceof Float64Array
      ? opts.window
      : opts.window === 'ones'
        ? new Float64Array(nFft).fill(1)
        : hannWindow(nFft);
  const nBins = (nFft >> 1) + 1;
  const frames = center
    ? centredFrameCount(y.length, hop)
    : Math.max(0, 1 + Math.floor((y.length - nFft) / hop));
  const re = new Float64Array(nBins * frames);
  const im = new Float64Array(nBins * frames);
  const fft = getRealFFT(nFft);
  const buf = new Float64Array(nFft);
  for (let t = 0; t < frames; t++) {
    if (center) loadFrame(y, t, hop, w, buf);
    else for (let i = 0; i < nFft; i++) buf[i] = y[t * hop + i]! * w[i]!;
    const o = fft.forward(buf);
    for (let k = 0; k < nBins; k++) {
      re[k * frames + t] = o[2 * k]!;
      im[k * frames + t] = o[2 * k + 1]!;
    }
  }
  return { nBins, frames, re, im };
}
