/**
 * Per-frame spectral kernels with librosa's definitions (librosa.feature.spectral_*). Each
 * works on one spectrum column so the frame loop can run them without storing the STFT;
 * the `*Matrix` helpers apply them to a stored [nBins, frames] spectrogram.
 */

/** Tiny threshold below which librosa.util.normalize leaves a column unscaled. */
const TINY = 1.1754943508222875e-38;

/** Spectral centroid (Hz) of a magnitude column: Σ f·S / Σ S; 0 for a silent frame. */
export function centroidOf(mag: ArrayLike<number>, freqs: Float64Array): number {
  let s = 0;
  let fs = 0;
  for (let k = 0; k < freqs.length; k++) {
    const v = mag[k]!;
    s += v;
    fs += v * freqs[k]!;
  }
  return s > TINY ? fs / s : 0;
}

/**
 * Spectral bandwidth: (Σ w_k·|f_k − centroid|^p)^(1/p), with w = S/ΣS when `norm` (librosa's
 * default, p = 2) or w = S otherwise.
 */
export function bandwidthOf(
  mag: ArrayLike<number>,
  freqs: Float64Array,
  centroid: number,
  p = 2,
  norm = true,
): number {
  let s = 0;
  if (norm) for (let k = 0; k < freqs.length; k++) s += mag[k]!;
  const scale = norm ? (s > TINY ? 1 / s : 1) : 1;
  let acc = 0;
  for (let k = 0; k < freqs.length; k++) {
    const d = Math.abs(freqs[k]! - centroid);
    acc += mag[k]! * scale * (p === 2 ? d * d : p === 1 ? d : Math.pow(d, p));
  }
  return p === 2 ? Math.sqrt(acc) : p === 1 ? acc : Math.pow(acc, 1 / p);
}

/** Roll-off frequency (Hz): the lowest f_k with Σ_{j≤k} S_j ≥ pct·Σ S (librosa's rule). */
export function rolloffOf(mag: ArrayLike<number>, freqs: Float64Array, pct = 0.85): number {
  let total = 0;
  for (let k = 0; k < freqs.length; k++) total += mag[k]!;
  const thr = pct * total;
  let c = 0;
  for (let k = 0; k < freqs.length; k++) {
    c += mag[k]!;
    if (c >= thr) return freqs[k]!;
  }
  return freqs[freqs.length - 1]!;
}

/**
 * Spectral flatness of a power column: geometric / arithmetic mean of max(amin, P).
 * Why the blocks: the geometric mean multiplies 8 values before each log (values lie in
 * [1e-10, ~1e9], so a block stays far from float64 limits), 8x fewer Math.log calls.
 */
export function flatnessOf(power: ArrayLike<number>, n: number, amin = 1e-10): number {
  let logSum = 0;
  let sum = 0;
  let prod = 1;
  for (let k = 0; k < n; k++) {
    const v = power[k]! > amin ? power[k]! : amin;
    sum += v;
    prod *= v;
    if ((k & 7) === 7) {
      logSum += Math.log(prod);
      prod = 1;
    }
  }
  logSum += Math.log(prod);
  return Math.exp(logSum / n) / (sum / n);
}

/** Precomputed octave bands of {@link contrastOf}. */
export interface ContrastPlan {
  nBands: number;
  /** Per band (nBands + 1): first bin, one-past-last bin, and quantile count n_q. */
  lo: Int32Array;
  hi: Int32Array;
  nq: Int32Array;
  maxNq: number;
  /**
   * Band b's bins in a fixed shuffled order: order[orderOff[b] .. orderOff[b+1]). Why: spectra
   * mostly fall with frequency, so in bin order nearly every bin is a new minimum and the
   * insertion in {@link contrastOf} shifts all q kept values; in a shuffled order new extremes
   * are rare. The selected sets, hence the means, are the same in any order.
   */
  order: Int32Array;
  orderOff: Int32Array;
}

function rintHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Bands of librosa.feature.spectral_contrast: edges 0, fmin, 2·fmin, … fmin·2^nBands; each
 * band takes bins lo ≤ f ≤ hi plus the bin below (bands > 0), the last band runs to Nyquist,
 * and the others drop their top bin; n_q = max(1, rint(quantile·count before the drop)).
 */
export function makeContrastPlan(
  sr: number,
  nFft: number,
  fmin = 200,
  nBands = 6,
  quantile = 0.02,
): ContrastPlan {
  const nBins = (nFft >> 1) + 1;
  const freq = (k: number): number => (k * sr) / nFft;
  const lo = new Int32Array(nBands + 1);
  const hi = new Int32Array(nBands + 1);
  const nq = new Int32Array(nBands + 1);
  let maxNq = 1;
  for (let b = 0; b <= nBands; b++) {
    const fLow = b === 0 ? 0 : fmin * Math.pow(2, b - 1);
    const fHigh = fmin * Math.pow(2, b);
    let a = -1;
    let z = -1;
    for (let k = 0; k < nBins; k++) {
      const f = freq(k);
      if (f >= fLow && f <= fHigh) {
        if (a < 0) a = k;
        z = k;
      }
    }
    if (a < 0) {
      throw new Error(
        `Spectral contrast band ${b} (${fLow}–${fHigh} Hz) has no FFT bins; use a lower fmin or fewer bands.`,
      );
    }
    const start = b > 0 ? Math.max(0, a - 1) : a;
    const last = b === nBands ? nBins - 1 : z;
    const count = last - start + 1;
    lo[b] = start;
    hi[b] = b < nBands ? last : last + 1; // drop the top bin except in the last band
    if (hi[b]! <= lo[b]!) hi[b] = lo[b]! + 1;
    nq[b] = Math.max(1, rintHalfEven(quantile * count));
    maxNq = Math.max(maxNq, nq[b]!);
  }
  const orderOff = new Int32Array(nBands + 2);
  for (let b = 0; b <= nBands; b++) orderOff[b + 1] = orderOff[b]! + hi[b]! - lo[b]!;
  const order = new Int32Array(orderOff[nBands + 1]!);
  let seed = 12345;
  for (let b = 0; b <= nBands; b++) {
    const o = orderOff[b]!;
    const n = hi[b]! - lo[b]!;
    for (let i = 0; i < n; i++) order[o + i] = lo[b]! + i;
    for (let i = n - 1; i > 0; i--) {
      // Fisher–Yates with a fixed LCG: deterministic, so plans are identical everywhere.
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const j = seed % (i + 1);
      const tmp = order[o + i]!;
      order[o + i] = order[o + j]!;
      order[o + j] = tmp;
    }
  }
  return { nBands, lo, hi, nq, maxNq, order, orderOff };
}

/** Scratch buffers of {@link contrastOf}, one per frame loop. */
export interface ContrastScratch {
  small: Float64Array;
  large: Float64Array;
}

/** Scratch for a plan. */
export function contrastScratch(plan: ContrastPlan): ContrastScratch {
  return { small: new Float64Array(plan.maxNq), large: new Float64Array(plan.maxNq) };
}

/**
 * Peak (mean of the n_q largest) and valley (mean of the n_q smallest) of each band of one
 * magnitude column, written to peak[b]/valley[b]. Partial selection: no sort.
 */
export function contrastOf(
  mag: Float64Array,
  plan: ContrastPlan,
  scratch: ContrastScratch,
  peak: Float64Array,
  valley: Float64Array,
): void {
  contrastBands(
    mag,
    plan.nBands,
    plan.nq,
    plan.order,
    plan.orderOff,
    scratch.small,
    scratch.large,
    peak,
    valley,
  );
}

/**
 * {@link contrastOf} on the plan's and scratch's arrays themselves. Why: the frame loop calls this
 * with arrays it read once, so the optimised per-frame code depends on no object's field types
 * (V8 generalises those on the second call, which discarded the optimised kernel while warming up).
 */
export function contrastBands(
  mag: Float64Array,
  nBands: number,
  nq: Int32Array,
  order: Int32Array,
  orderOff: Int32Array,
  small: Float64Array,
  large: Float64Array,
  peak: Float64Array,
  valley: Float64Array,
): void {
  for (let b = 0; b <= nBands; b++) {
    const from = orderOff[b]!;
    const to = orderOff[b + 1]!;
    const q = Math.min(nq[b]!, to - from);
    if (q === 1) {
      // The common case of the low bands: plain minimum and maximum.
      let mn = mag[order[from]!]!;
      let mx = mn;
      for (let i = from + 1; i < to; i++) {
        const v = mag[order[i]!]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      valley[b] = mn;
      peak[b] = mx;
      continue;
    }
    let ns = 0; // small: ascending, keeps the q smallest
    let nl = 0; // large: descending, keeps the q largest
    for (let i = from; i < to; i++) {
      const v = mag[order[i]!]!;
      if (ns < q || v < small[ns - 1]!) {
        let j = ns < q ? ns++ : ns - 1;
        while (j > 0 && small[j - 1]! > v) {
          small[j] = small[j - 1]!;
          j--;
        }
        small[j] = v;
      }
      if (nl < q || v > large[nl - 1]!) {
        let j = nl < q ? nl++ : nl - 1;
        while (j > 0 && large[j - 1]! < v) {
          large[j] = large[j - 1]!;
          j--;
        }
        large[j] = v;
      }
    }
    let s = 0;
    let l = 0;
    for (let i = 0; i < q; i++) {
      s += small[i]!;
      l += large[i]!;
    }
    valley[b] = s / q;
    peak[b] = l / q;
  }
}

/** Apply a column kernel to each frame of a row-major [nBins, frames] matrix. */
export function perFrame(
  S: ArrayLike<number>,
  nBins: number,
  frames: number,
  fn: (col: Float64Array, t: number) => number,
): Float64Array {
  const col = new Float64Array(nBins);
  const out = new Float64Array(frames);
  for (let t = 0; t < frames; t++) {
    for (let k = 0; k < nBins; k++) col[k] = S[k * frames + t]!;
    out[t] = fn(col, t);
  }
  return out;
}
