import { describe, expect, it } from 'vitest';
import { getRealFFT, RealFFT } from './fft';

/** Naive O(n²) DFT of a real signal, bins 0..n/2: X[k] = Σ x[j]·exp(−2πi·k·j/n). */
function naiveDft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((k * j) % n)) / n;
      sr += x[j]! * Math.cos(a);
      si += x[j]! * Math.sin(a);
    }
    re[k] = sr;
    im[k] = si;
  }
  return { re, im };
}

/** Deterministic pseudo-random signal in [−1, 1). */
function signal(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = s / 2 ** 31 - 1;
  }
  return x;
}

describe('RealFFT', () => {
  // 4..16 cover the radix-2-only and single radix-4 stage cases; 512 (odd log2 of n/2) and 2048
  // (even) the mixed and pure radix-4 paths the analysis uses.
  for (const n of [4, 8, 16, 32, 64, 512, 1024, 2048]) {
    it(`matches a naive DFT for n = ${n}`, () => {
      const x = signal(n, n);
      const ref = naiveDft(x);
      const fft = new RealFFT(n);
      const out = fft.forward(x);
      const power = new Float64Array(n / 2 + 1);
      fft.power(x, power);
      const tol = 1e-12 * n;
      for (let k = 0; k <= n / 2; k++) {
        expect(Math.abs(out[2 * k]! - ref.re[k]!)).toBeLessThan(tol);
        expect(Math.abs(out[2 * k + 1]! - ref.im[k]!)).toBeLessThan(tol);
        const p = ref.re[k]! ** 2 + ref.im[k]! ** 2;
        expect(Math.abs(power[k]! - p)).toBeLessThan(tol * (1 + Math.sqrt(p)));
      }
    });
  }

  it('windowed load from a Float32Array at an offset equals forward of the product', () => {
    const n = 256;
    const src = Float32Array.from(signal(3 * n, 7));
    const w = signal(n, 9);
    const fft = getRealFFT(n);
    const off = 37;
    fft.loadWindowed(src, off, w);
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    fft.spectrumTo(re, im);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = src[off + i]! * w[i]!;
    const ref = naiveDft(x);
    for (let k = 0; k <= n / 2; k++) {
      expect(Math.abs(re[k]! - ref.re[k]!)).toBeLessThan(1e-10);
      expect(Math.abs(im[k]! - ref.im[k]!)).toBeLessThan(1e-10);
    }
  });

  it('rejects sizes that are not powers of two ≥ 4', () => {
    expect(() => new RealFFT(2)).toThrow(/power of two/);
    expect(() => new RealFFT(24)).toThrow(/power of two/);
  });
});
