/**
 * Real-input FFT for power-of-two sizes, shared per size so its tables are built once.
 *
 * Why hand-written: a real transform of n points is done as one complex transform of m = n/2
 * points (z[j] = x[2j] + i·x[2j+1]) plus an O(n) untangling pass, which halves the butterflies.
 * The complex transform is iterative radix-4 decimation in time (one radix-2 stage first when
 * log2(m) is odd) on split re/im arrays with per-stage twiddle tables, and the frame loader
 * fuses windowing, the even/odd split and the bit-reversal permutation into one pass. About
 * 1.6x faster than fft.js's realTransform in V8 for n = 2048.
 *
 * Sign convention: X[k] = Σ x[j]·exp(−2πi·k·j/n), as numpy.fft.rfft and librosa ≥ 0.6
 * (checked against a naive DFT and librosa's STFT vectors in the tests).
 */

const cache = new Map<number, RealFFT>();

/** Shared instance for size `n` (tables are built once per size). Not re-entrant. */
export function getRealFFT(n: number): RealFFT {
  let f = cache.get(n);
  if (!f) {
    f = new RealFFT(n);
    cache.set(n, f);
  }
  return f;
}

/** Real FFT of a fixed power-of-two size `n` (n ≥ 4). Allocates nothing per call. */
export class RealFFT {
  readonly n: number;
  /** Complex size n/2. */
  private readonly m: number;
  /** Bit reversal of 0..m−1 over log2(m) bits. */
  private readonly rev: Int32Array;
  /** Whether log2(m) is odd: the first stage is then radix-2 (sub-transforms of size 2 follow). */
  private readonly radix2First: boolean;
  /**
   * Radix-4 twiddles, stage after stage: for sub-size L and k < L, six numbers
   * (cos, −sin) of 2π·r·k/(4L) for r = 1, 2, 3.
   */
  private readonly tw: Float64Array;
  /** cos and sin of 2πk/n for k ≤ m/2 (the untangling pass). */
  private readonly cosT: Float64Array;
  private readonly sinT: Float64Array;
  /** Complex work arrays, length m: after a transform, Z = FFT_m(z). */
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** Interleaved complex output of {@link forward}, length 2n, and its untangling scratch (m + 1). */
  private readonly out: Float64Array;
  private readonly specRe: Float64Array;
  private readonly specIm: Float64Array;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 4 || (n & (n - 1)) !== 0) {
      throw new Error(`FFT size must be a power of two of at least 4 (got ${n}).`);
    }
    this.n = n;
    const m = n >> 1;
    this.m = m;
    const bits = Math.round(Math.log2(m));
    this.rev = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0, v = i; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
      this.rev[i] = r;
    }
    this.radix2First = bits % 2 === 1;
    const tw: number[] = [];
    for (let L = this.radix2First ? 2 : 1; 4 * L <= m; L *= 4) {
      for (let k = 0; k < L; k++) {
        for (let r = 1; r <= 3; r++) {
          const a = (2 * Math.PI * r * k) / (4 * L);
          tw.push(Math.cos(a), -Math.sin(a));
        }
      }
    }
    this.tw = Float64Array.from(tw);
    this.cosT = new Float64Array((m >> 1) + 1);
    this.sinT = new Float64Array((m >> 1) + 1);
    for (let k = 0; k <= m >> 1; k++) {
      this.cosT[k] = Math.cos((2 * Math.PI * k) / n);
      this.sinT[k] = Math.sin((2 * Math.PI * k) / n);
    }
    this.re = new Float64Array(m);
    this.im = new Float64Array(m);
    this.out = new Float64Array(2 * n);
    this.specRe = new Float64Array(m + 1);
    this.specIm = new Float64Array(m + 1);
  }

  /**
   * Transform n samples src[off .. off + n) multiplied by `window` (length n); afterwards
   * {@link powerTo} or {@link spectrumTo} read the result. Samples must lie inside src.
   */
  loadWindowed(src: Float32Array, off: number, window: Float64Array): void {
    const { re, im, rev, m } = this;
    for (let j = 0; j < m; j++) {
      const s = rev[j]! << 1;
      re[j] = src[off + s]! * window[s]!;
      im[j] = src[off + s + 1]! * window[s + 1]!;
    }
    this.stages();
  }

  /** Transform `input` (length n, unwindowed); see {@link loadWindowed}. */
  load(input: Float64Array): void {
    const { re, im, rev, m } = this;
    for (let j = 0; j < m; j++) {
      const s = rev[j]! << 1;
      re[j] = input[s]!;
      im[j] = input[s + 1]!;
    }
    this.stages();
  }

  /** The complex FFT of the permuted z in re/im, in place. */
  private stages(): void {
    const { re, im, m, tw } = this;
    let L: number;
    if (this.radix2First) {
      for (let j = 0; j < m; j += 2) {
        const ar = re[j]!;
        const ai = im[j]!;
        const br = re[j + 1]!;
        const bi = im[j + 1]!;
        re[j] = ar + br;
        im[j] = ai + bi;
        re[j + 1] = ar - br;
        im[j + 1] = ai - bi;
      }
      L = 2;
    } else {
      // Sub-size 1: no twiddles. Memory blocks 0..3 hold residues 0, 2, 1, 3 (bit reversal).
      for (let j = 0; j < m; j += 4) {
        const t0r = re[j]! + re[j + 1]!;
        const t0i = im[j]! + im[j + 1]!;
        const t1r = re[j]! - re[j + 1]!;
        const t1i = im[j]! - im[j + 1]!;
        const t2r = re[j + 2]! + re[j + 3]!;
        const t2i = im[j + 2]! + im[j + 3]!;
        const t3r = re[j + 2]! - re[j + 3]!;
        const t3i = im[j + 2]! - im[j + 3]!;
        re[j] = t0r + t2r;
        im[j] = t0i + t2i;
        re[j + 2] = t0r - t2r;
        im[j + 2] = t0i - t2i;
        re[j + 1] = t1r + t3i;
        im[j + 1] = t1i - t3r;
        re[j + 3] = t1r - t3i;
        im[j + 3] = t1i + t3r;
      }
      L = 4;
    }
    let twOff = this.radix2First ? 0 : 6; // the L = 1 stage above used the table's first 6 (unit) entries
    for (; 4 * L <= m; L *= 4) {
      const L4 = 4 * L;
      for (let g = 0; g < m; g += L4) {
        for (let k = 0, w = twOff; k < L; k++, w += 6) {
          const i0 = g + k;
          const i1 = i0 + L; // residue 2: twiddle W^2k
          const i2 = i1 + L; // residue 1: twiddle W^k
          const i3 = i2 + L; // residue 3: twiddle W^3k
          const w1r = tw[w]!;
          const w1i = tw[w + 1]!;
          const w2r = tw[w + 2]!;
          const w2i = tw[w + 3]!;
          const w3r = tw[w + 4]!;
          const w3i = tw[w + 5]!;
          const a0r = re[i0]!;
          const a0i = im[i0]!;
          let xr = re[i2]!;
          let xi = im[i2]!;
          const a1r = xr * w1r - xi * w1i;
          const a1i = xr * w1i + xi * w1r;
          xr = re[i1]!;
          xi = im[i1]!;
          const a2r = xr * w2r - xi * w2i;
          const a2i = xr * w2i + xi * w2r;
          xr = re[i3]!;
          xi = im[i3]!;
          const a3r = xr * w3r - xi * w3i;
          const a3i = xr * w3i + xi * w3r;
          const t0r = a0r + a2r;
          const t0i = a0i + a2i;
          const t1r = a0r - a2r;
          const t1i = a0i - a2i;
          const t2r = a1r + a3r;
          const t2i = a1i + a3i;
          const t3r = a1r - a3r;
          const t3i = a1i - a3i;
          re[i0] = t0r + t2r;
          im[i0] = t0i + t2i;
          re[i2] = t0r - t2r;
          im[i2] = t0i - t2i;
          re[i1] = t1r + t3i; // t1 − i·t3
          im[i1] = t1i - t3r;
          re[i3] = t1r - t3i; // t1 + i·t3
          im[i3] = t1i + t3r;
        }
      }
      twOff += 6 * L;
    }
  }

  /**
   * Untangle Z = FFT_m(z) into the real spectrum, bins k and m − k together:
   * E = (Z[k] + conj Z[m−k])/2, O = (Z[k] − conj Z[m−k])/(2i), X[k] = E + e^{−2πik/n}·O and
   * X[m−k] = conj E − e^{2πik/n}·conj O, for every bin 0..m.
   */
  private untangle(outRe: Float64Array, outIm: Float64Array): void {
    const { re, im, m, cosT, sinT } = this;
    outRe[0] = re[0]! + im[0]!;
    outIm[0] = 0;
    outRe[m] = re[0]! - im[0]!;
    outIm[m] = 0;
    for (let k = 1, j = m - 1; k <= j; k++, j--) {
      const ar = re[k]!;
      const ai = im[k]!;
      const br = re[j]!;
      const bi = im[j]!;
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi);
      const oi = 0.5 * (br - ar);
      const c = cosT[k]!;
      const s = sinT[k]!;
      const p = c * or + s * oi;
      const q = c * oi - s * or;
      outRe[k] = er + p;
      outIm[k] = ei + q;
      outRe[j] = er - p;
      outIm[j] = q - ei;
    }
  }

  /** Power |X[k]|² of bins 0..n/2 of the last transform into `power` (length ≥ n/2 + 1). */
  powerTo(power: Float64Array): void {
    const { re, im, m, cosT, sinT } = this;
    const d0 = re[0]! + im[0]!;
    const dm = re[0]! - im[0]!;
    power[0] = d0 * d0;
    power[m] = dm * dm;
    for (let k = 1, j = m - 1; k <= j; k++, j--) {
      const ar = re[k]!;
      const ai = im[k]!;
      const br = re[j]!;
      const bi = im[j]!;
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi);
      const oi = 0.5 * (br - ar);
      const c = cosT[k]!;
      const s = sinT[k]!;
      const p = c * or + s * oi;
      const q = c * oi - s * or;
      const xr = er + p;
      const xi = ei + q;
      const yr = er - p;
      const yi = q - ei;
      power[k] = xr * xr + xi * xi;
      power[j] = yr * yr + yi * yi;
    }
  }

  /** Real and imaginary parts of bins 0..n/2 of the last transform (each length ≥ n/2 + 1). */
  spectrumTo(outRe: Float64Array, outIm: Float64Array): void {
    this.untangle(outRe, outIm);
  }

  /**
   * Forward transform of `input` (length n). Returns the interleaved spectrum
   * [re0, im0, re1, im1, …]; only bins 0..n/2 are valid. The buffer is reused by the next call.
   */
  forward(input: Float64Array): Float64Array {
    this.load(input);
    const o = this.out;
    const h = this.m;
    const r = this.specRe;
    const i = this.specIm;
    this.untangle(r, i);
    for (let k = 0; k <= h; k++) {
      o[2 * k] = r[k]!;
      o[2 * k + 1] = i[k]!;
    }
    return o;
  }

  /** Power |X[k]|² of bins 0..n/2 into `power` (length ≥ n/2 + 1). */
  power(input: Float64Array, power: Float64Array): void {
    this.load(input);
    this.powerTo(power);
  }
}
