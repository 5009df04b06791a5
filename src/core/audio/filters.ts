/**
 * Frequency scales, windows and filterbanks with librosa's definitions (librosa.filters.*,
 * librosa.core.convert). All tables are float64 and built once per configuration.
 */

const F_SP = 200 / 3; // Slaney: Hz per mel below 1 kHz
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP; // 15
const LOG_STEP = Math.log(6.4) / 27;

/** Hz → mel. Slaney (default, linear below 1 kHz then log) or HTK (2595·log10(1 + f/700)). */
export function hzToMel(hz: number, htk = false): number {
  if (htk) return 2595 * Math.log10(1 + hz / 700);
  if (hz >= MIN_LOG_HZ) return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
  return hz / F_SP;
}

/** mel → Hz, the exact inverse of {@link hzToMel}. */
export function melToHz(mel: number, htk = false): number {
  if (htk) return 700 * (Math.pow(10, mel / 2595) - 1);
  if (mel >= MIN_LOG_MEL) return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
  return F_SP * mel;
}

/** Hz → octave number with A440 = octave 4 (librosa.hz_to_octs; `tuning` in fractions of a bin). */
export function hzToOcts(hz: number, tuning = 0, binsPerOctave = 12): number {
  const a440 = 440 * Math.pow(2, tuning / binsPerOctave);
  return Math.log2(hz / (a440 / 16));
}

/** `n` frequencies (Hz) evenly spaced on the mel scale from fmin to fmax (librosa.mel_frequencies). */
export function melFrequencies(n: number, fmin: number, fmax: number, htk = false): Float64Array {
  const lo = hzToMel(fmin, htk);
  const hi = hzToMel(fmax, htk);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = melToHz(lo + ((hi - lo) * i) / (n - 1), htk);
  return out;
}

/** Periodic Hann window of length n: 0.5 − 0.5·cos(2πi/n) (scipy get_window('hann', n)). */
export function hannWindow(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/** A filterbank stored dense (row-major [rows, nBins]) plus each row's non-zero span. */
export interface Filterbank {
  rows: number;
  nBins: number;
  /** Row-major weights, shape [rows, nBins]. */
  weights: Float64Array;
  /** First and one-past-last non-zero column of each row (start = end for an empty row). */
  start: Int32Array;
  end: Int32Array;
}

function withSpans(rows: number, nBins: number, weights: Float64Array): Filterbank {
  const start = new Int32Array(rows);
  const end = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = nBins;
    let e = 0;
    for (let k = 0; k < nBins; k++) {
      if (weights[r * nBins + k] !== 0) {
        if (k < s) s = k;
        e = k + 1;
      }
    }
    start[r] = Math.min(s, e);
    end[r] = e;
  }
  return { rows, nBins, weights, start, end };
}

/** Options of {@link melFilterbank} (librosa.filters.mel). */
export interface MelOptions {
  nMels?: number;
  fmin?: number;
  /** Default sr/2. */
  fmax?: number;
  htk?: boolean;
  /** 'slaney' area normalisation (default) or none. */
  norm?: 'slaney' | null;
}

/**
 * Mel filterbank, shape [nMels, nFft/2 + 1], triangles between mel-spaced edges; Slaney
 * area norm scales row i by 2/(e[i+2] − e[i]). Empty rows stay zero (never NaN).
 */
export function melFilterbank(sr: number, nFft: number, opts: MelOptions = {}): Filterbank {
  const nMels = opts.nMels ?? 128;
  const fmin = opts.fmin ?? 0;
  const fmax = opts.fmax ?? sr / 2;
  const htk = opts.htk ?? false;
  const norm = opts.norm === undefined ? 'slaney' : opts.norm;
  const nBins = (nFft >> 1) + 1;
  const edges = melFrequencies(nMels + 2, fmin, fmax, htk);
  const w = new Float64Array(nMels * nBins);
  for (let i = 0; i < nMels; i++) {
    const e0 = edges[i]!;
    const e1 = edges[i + 1]!;
    const e2 = edges[i + 2]!;
    const enorm = norm === 'slaney' ? 2 / (e2 - e0) : 1;
    for (let k = 0; k < nBins; k++) {
      // librosa: fftfreqs = linspace(0, sr/2, nBins)
      const f = ((sr / 2) * k) / (nBins - 1);
      const lower = (f - e0) / (e1 - e0);
      const upper = (e2 - f) / (e2 - e1);
      const v = Math.max(0, Math.min(lower, upper));
      w[i * nBins + k] = v * enorm;
    }
  }
  return withSpans(nMels, nBins, w);
}

/** Options of {@link chromaFilterbank} (librosa.filters.chroma). */
export interface ChromaOptions {
  nChroma?: number;
  /** Tuning deviation from A440 in fractions of a chroma bin. */
  tuning?: number;
  /** Centre octave of the Gaussian octave weighting (A440 = 4). */
  ctroct?: number;
  /** Width of the octave weighting in octaves; null = no weighting. */
  octwidth?: number | null;
  /** Per-column normalisation: 2 (L2, default) or null. */
  norm?: 2 | null;
  /** Start at C (default true) rather than A. */
  baseC?: boolean;
}

/**
 * Chroma filterbank, shape [nChroma, nFft/2 + 1] (dpwe fft2chromamx as in librosa):
 * Gaussian bumps per bin on a log-frequency axis, L2-normalised per column, then weighted
 * by a Gaussian over octaves centred on `ctroct`.
 */
export function chromaFilterbank(sr: number, nFft: number, opts: ChromaOptions = {}): Filterbank {
  const nChroma = opts.nChroma ?? 12;
  const tuning = opts.tuning ?? 0;
  const ctroct = opts.ctroct ?? 5;
  const octwidth = opts.octwidth === undefined ? 2 : opts.octwidth;
  const norm = opts.norm === undefined ? 2 : opts.norm;
  const baseC = opts.baseC ?? true;
  const nBins = (nFft >> 1) + 1;
  // Positions of all nFft bins (the width of the last kept bin looks one bin beyond Nyquist).
  const frq = new Float64Array(nFft);
  for (let k = 1; k < nFft; k++) frq[k] = nChroma * hzToOcts((k * sr) / nFft, tuning, nChroma);
  frq[0] = frq[1]! - 1.5 * nChroma;
  const width = new Float64Array(nFft);
  for (let k = 0; k < nFft - 1; k++) width[k] = Math.max(frq[k + 1]! - frq[k]!, 1);
  width[nFft - 1] = 1;
  const half = Math.round(nChroma / 2);
  const w = new Float64Array(nChroma * nBins);
  const col = new Float64Array(nChroma);
  const roll = baseC ? 3 * Math.floor(nChroma / 12) : 0;
  for (let k = 0; k < nBins; k++) {
    let ss = 0;
    for (let c = 0; c < nChroma; c++) {
      const x = frq[k]! - c + half + 10 * nChroma;
      const d = x - nChroma * Math.floor(x / nChroma) - half; // numpy remainder
      const v = Math.exp(-0.5 * Math.pow((2 * d) / width[k]!, 2));
      col[c] = v;
      ss += v * v;
    }
    const scale = norm === 2 && ss > 0 ? 1 / Math.sqrt(ss) : 1;
    const oct =
      octwidth !== null && octwidth > 0
        ? Math.exp(-0.5 * Math.pow((frq[k]! / nChroma - ctroct) / octwidth, 2))
        : 1;
    for (let c = 0; c < nChroma; c++) {
      // np.roll(wts, -roll, axis=0): new row r takes old row (r + roll).
      const dst = (((c - roll) % nChroma) + nChroma) % nChroma;
      w[dst * nBins + k] = col[c]! * scale * oct;
    }
  }
  return withSpans(nChroma, nBins, w);
}

/**
 * Orthonormal DCT-II basis rows 0..nOut−1 over nIn inputs, row-major [nOut, nIn]
 * (scipy.fft.dct(type=2, norm='ortho'), as librosa.feature.mfcc uses).
 */
export function dctOrthoMatrix(nOut: number, nIn: number): Float64Array {
  const m = new Float64Array(nOut * nIn);
  for (let k = 0; k < nOut; k++) {
    const s = k === 0 ? Math.sqrt(1 / nIn) : Math.sqrt(2 / nIn);
    for (let n = 0; n < nIn; n++) m[k * nIn + n] = s * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * nIn));
  }
  return m;
}

/** Centre frequency (Hz) of each FFT bin 0..nFft/2 (librosa.fft_frequencies). */
export function fftFrequencies(sr: number, nFft: number): Float64Array {
  const nBins = (nFft >> 1) + 1;
  const f = new Float64Array(nBins);
  for (let k = 0; k < nBins; k++) f[k] = (k * sr) / nFft;
  return f;
}
