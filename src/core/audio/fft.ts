/**
 * Real-input FFT for power-of-two sizes, shared per size so its tables are built once.
 *
 * Wraps fft.js (MIT, radix-4), which measured ~1.5x faster in Node than a hand-written
 * radix-2 split-real FFT here. Sign convention: X[k] = Σ x[n]·exp(−2πi·k·n/N), the same as
 * numpy.fft.rfft and librosa ≥ 0.6 (checked against librosa's STFT vectors in the tests).
 */
import FFT from 'fft.js';

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
  private readonly fft: FFT;
  /** Interleaved complex output of fft.js, length 2n. */
  private readonly out: Float64Array;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 4 || (n & (n - 1)) !== 0) {
      throw new Error(`FFT size must be a power of two of at least 4 (got ${n}).`);
    }
    this.n = n;
    this.fft = new FFT(n);
    this.out = new Float64Array(2 * n);
  }

  /**
   * Forward transform of `input` (length n). Returns the interleaved spectrum
   * [re0, im0, re1, im1, …]; only bins 0..n/2 are valid. The buffer is reused by the next call.
   */
  forward(input: Float64Array): Float64Array {
    this.fft.realTransform(this.out, input);
    return this.out;
  }

  /** Power |X[k]|² of bins 0..n/2 into `power` (length ≥ n/2 + 1). */
  power(input: Float64Array, power: Float64Array | Float32Array): void {
    const o = this.forward(input);
    const half = this.n >> 1;
    for (let k = 0; k <= half; k++) {
      const re = o[2 * k]!;
      const im = o[2 * k + 1]!;
      power[k] = re * re + im * im;
    }
  }
}
