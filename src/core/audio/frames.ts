/**
 * The frame loop: one pass over a centred, zero-padded STFT that computes every
 * spectrum-based frame feature without storing the spectrogram (librosa ≥ 0.10 defaults:
 * n_fft 2048, hop 512, periodic Hann, center=True, pad_mode='constant').
 */
import { getRealFFT } from './fft';
import { chromaFilterbank, fftFrequencies, hannWindow, melFilterbank, type Filterbank } from './filters';
import { contrastBands, contrastScratch, makeContrastPlan, type ContrastPlan } from './spectral';

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

/**
 * A filterbank as runs of consecutive kept bins: run j covers bins runStart[j] .. runEnd[j] − 1
 * with weights from runW[runOff[j]]; row r owns runs rowRuns[r] .. rowRuns[r+1] − 1.
 */
export interface SparseRows {
  rows: number;
  rowRuns: Int32Array;
  runStart: Int32Array;
  runEnd: Int32Array;
  runOff: Int32Array;
  runW: Float64Array;
}

/** Tables for one configuration, built once and cached. */
export interface FramePlan {
  cfg: FrameConfig;
  window: Float64Array;
  freqs: Float64Array;
  /** Mel filterbank: every non-zero weight (one run per triangle). */
  mel: SparseRows;
  /** Chroma filterbank without its negligible weights (see {@link sparseRows}). */
  chroma: SparseRows;
  contrast: ContrastPlan;
}

/**
 * Keep the weights of `fb` that are non-zero and at least `rel` times their column's largest.
 * Why for chroma (rel 1e-7): weights fall off as a Gaussian in pitch distance, so most of the 12
 * weights of a high bin are tiny next to that bin's largest. Dropping weights under 1e-7 of the
 * column maximum changes a max-normalised chroma value by about 1e-7 (the audio-reference test
 * allows 1e-6) and halves the work (5,915 of 12,300 weights kept at 22,050 Hz / n_fft 2048).
 */
export function sparseRows(fb: Filterbank, rel: number): SparseRows {
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
  const keep = (r: number, j: number): boolean => {
    const v = weights[r * nBins + j]!;
    return v !== 0 && Math.abs(v) >= rel * colMax[j]!;
  };
  for (let r = 0; r < rows; r++) {
    let k = 0;
    while (k < nBins) {
      if (!keep(r, k)) {
        k++;
        continue;
      }
      start.push(k);
      off.push(w.length);
      while (k < nBins && keep(r, k)) w.push(weights[r * nBins + k++]!);
      end.push(k);
    }
    rowRuns.push(start.length);
  }
  return {
    rows,
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
    p = {
      cfg,
      window: hannWindow(cfg.nFft),
      freqs: fftFrequencies(cfg.sr, cfg.nFft),
      mel: sparseRows(melFilterbank(cfg.sr, cfg.nFft, { nMels: cfg.nMels }), 0),
      chroma: sparseRows(chroma, 1e-7),
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
 * Spectral moments of one power column, written at frame t: magnitude |X| into `mag`, its
 * running sum into `cum`, centroid, bandwidth (bandwidth² = Σ S·f²/Σ S − centroid²), roll-off
 * (first bin whose cumulative magnitude reaches pct of the total, found by bisection on `cum`,
 * which holds the same sums a linear scan adds) and flatness (products of 8 thresholded powers
 * per log; see flatnessOf).
 */
function momentsOf(
  power: Float64Array,
  mag: Float64Array,
  cum: Float64Array,
  freqs: Float64Array,
  pct: number,
  flatness: Float32Array,
  centroid: Float32Array,
  bandwidth: Float32Array,
  rolloff: Float32Array,
  t: number,
): void {
  const nBins = freqs.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let pSum = 0;
  let logSum = 0;
  let prod = 1;
  for (let k = 0; k < nBins; k++) {
    const p = power[k]!;
    const m = Math.sqrt(p);
    mag[k] = m;
    const f = freqs[k]!;
    s0 += m;
    cum[k] = s0;
    const mf = m * f;
    s1 += mf;
    s2 += mf * f;
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
  const silent = !(s0 > 1.1754943508222875e-38);
  const cen = silent ? 0 : s1 / s0;
  centroid[t] = cen;
  bandwidth[t] = silent ? 0 : Math.sqrt(Math.max(0, s2 / s0 - cen * cen));
  const target = pct * s0;
  let roll = nBins - 1;
  if (cum[nBins - 1]! >= target) {
    let lo = 0; // invariant: the first bin with cum ≥ target lies in [lo, roll]
    while (lo < roll) {
      const mid = (lo + roll) >> 1;
      if (cum[mid]! >= target) roll = mid;
      else lo = mid + 1;
    }
  }
  rolloff[t] = freqs[roll]!;
}

/**
 * Σ_k W[r, k]·power[k] over runs of consecutive non-zero weights (run j: bins start[j] ..
 * end[j] − 1, weights from w[off[j]]); row r owns runs rowRuns[r] .. rowRuns[r+1] − 1. Written
 * to out[r·stride + t]. Two accumulators: the sum's add latency, not the multiplies, bounds a
 * single chain.
 */
function applyRows(
  power: Float64Array,
  rows: number,
  rowRuns: Int32Array,
  start: Int32Array,
  end: Int32Array,
  off: Int32Array,
  w: Float64Array,
  out: Float32Array | Float64Array,
  stride: number,
  t: number,
): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    let s2 = 0;
    for (let j = rowRuns[r]!, je = rowRuns[r + 1]!; j < je; j++) {
      const o = off[j]! - start[j]!;
      let k = start[j]!;
      const e = end[j]!;
      for (; k + 1 < e; k += 2) {
        s += w[o + k]! * power[k]!;
        s2 += w[o + k + 1]! * power[k + 1]!;
      }
      if (k < e) s += w[o + k]! * power[k]!;
    }
    out[r * stride + t] = s + s2;
  }
}

/**
 * One pass over the STFT of `y` (mono, at cfg.sr). Shapes: [rows, frames] with
 * frames = 1 + floor(len / hop).
 */
export function spectralFrames(y: Float32Array, cfg: FrameConfig): SpectralFrames {
  const plan = framePlan(cfg);
  const { nMels, nChroma } = cfg;
  const T = centredFrameCount(y.length, cfg.hop);
  const nCon = plan.contrast.nBands + 1;
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
  frameLoop(y, T, plan, out, peaks, valleys);
  // librosa: power_to_db(peak) − power_to_db(valley), each with top_db relative to its own max.
  subtractInto(out.contrast, powerToDbInPlace(peaks), powerToDbInPlace(valleys));
  return out;
}

/**
 * The frame loop of {@link spectralFrames}: peak and valley power of each contrast band go to
 * peaks / valleys [nBands + 1, T], everything else to `out`.
 *
 * Why a function of its own that ends with its loop (here and in the other per-clip loops of
 * this folder): V8 compiles a long loop on the fly (on-stack replacement) before the code after
 * it has ever run; such code bails out at the loop's end for lack of type feedback, and V8 keeps
 * reusing it on every later call while it warms up (many slow clips in a fresh worker). With
 * nothing after the loop there is nothing to bail out on. Every array is read from its object
 * once, before the loop, so the optimised per-frame kernels take arrays, not objects.
 */
function frameLoop(
  y: Float32Array,
  T: number,
  plan: FramePlan,
  out: SpectralFrames,
  peaks: Float64Array,
  valleys: Float64Array,
): void {
  const { nFft, hop, nMels, nChroma } = plan.cfg;
  const nBins = (nFft >> 1) + 1;
  const fft = getRealFFT(nFft);
  const edge = new Float32Array(nFft); // zero-padded raw samples of frames that cross an end
  const power = new Float64Array(nBins);
  const mag = new Float64Array(nBins);
  const cum = new Float64Array(nBins);
  const { nBands, nq, order, orderOff } = plan.contrast;
  const nCon = nBands + 1;
  const peak = new Float64Array(nCon);
  const valley = new Float64Array(nCon);
  const { small, large } = contrastScratch(plan.contrast);
  const chromaCol = new Float64Array(nChroma);
  const { freqs, window, mel, chroma: ch } = plan;
  const { melPower, chroma, centroid, bandwidth, rolloff, flatness } = out;
  const pct = plan.cfg.rollPercent;
  const { rowRuns: cRuns, runStart: cStart, runEnd: cEnd, runOff: cOff, runW: cW } = ch;
  const { rowRuns: mRuns, runStart: mStart, runEnd: mEnd, runOff: mOff, runW: mW } = mel;
  for (let t = 0; t < T; t++) {
    const start = t * hop - (nFft >> 1);
    if (start >= 0 && start + nFft <= y.length) fft.loadWindowed(y, start, window);
    else {
      for (let i = 0; i < nFft; i++) {
        const j = start + i;
        edge[i] = j >= 0 && j < y.length ? y[j]! : 0;
      }
      fft.loadWindowed(edge, 0, window);
    }
    fft.powerTo(power);
    momentsOf(power, mag, cum, freqs, pct, flatness, centroid, bandwidth, rolloff, t);
    applyRows(power, nChroma, cRuns, cStart, cEnd, cOff, cW, chromaCol, 1, 0);
    applyRows(power, nMels, mRuns, mStart, mEnd, mOff, mW, melPower, T, t);
    let cmax = 0;
    for (let c = 0; c < nChroma; c++) if (chromaCol[c]! > cmax) cmax = chromaCol[c]!;
    const cs = cmax > 1.1754943508222875e-38 ? 1 / cmax : 1;
    for (let c = 0; c < nChroma; c++) chroma[c * T + t] = chromaCol[c]! * cs;
    contrastBands(mag, nBands, nq, order, orderOff, small, large, peak, valley);
    for (let b = 0; b < nCon; b++) {
      peaks[b * T + t] = peak[b]!;
      valleys[b * T + t] = valley[b]!;
    }
  }
}

/** out[i] = a[i] − b[i]. */
function subtractInto(out: Float32Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! - b[i]!;
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
  const range = topDb === null ? Infinity : topDb; // Infinity: floor at −Infinity, i.e. none
  // Why two copies: one function fed both array types deoptimises ("wrong map") again and again
  // while V8 warms up; each copy stays monomorphic.
  if (S instanceof Float32Array) dbF32(S, off, amin, range);
  else dbF64(S as Float64Array, off, amin, range);
  return S;
}

// Each loop is a function that ends with it (see frameLoop).
function dbF32(S: Float32Array, off: number, amin: number, topDb: number): void {
  floorF32(S, toDbF32(S, off, amin) - topDb);
}

/** S ← dB of S in place; returns the largest dB value. */
function toDbF32(S: Float32Array, off: number, amin: number): number {
  let mx = -Infinity;
  for (let i = 0; i < S.length; i++) {
    const p = S[i]!;
    const v = DB_PER_LN * Math.log(p > amin ? p : amin) - off; // Math.log is ~1.5x faster than log10
    S[i] = v;
    if (v > mx) mx = v;
  }
  return mx;
}

function floorF32(S: Float32Array, floor: number): void {
  for (let i = 0; i < S.length; i++) if (S[i]! < floor) S[i] = floor;
}

function dbF64(S: Float64Array, off: number, amin: number, topDb: number): void {
  floorF64(S, toDbF64(S, off, amin) - topDb);
}

function toDbF64(S: Float64Array, off: number, amin: number): number {
  let mx = -Infinity;
  for (let i = 0; i < S.length; i++) {
    const p = S[i]!;
    const v = DB_PER_LN * Math.log(p > amin ? p : amin) - off;
    S[i] = v;
    if (v > mx) mx = v;
  }
  return mx;
}

function floorF64(S: Float64Array, floor: number): void {
  for (let i = 0; i < S.length; i++) if (S[i]! < floor) S[i] = floor;
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
