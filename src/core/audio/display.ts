/**
 * Small downsampled views for the UI: a waveform envelope and 8-bit images of matrices.
 */

/** An 8-bit grey image, row-major [rows, cols]; row 0 is the lowest band (flip to draw). */
export interface Uint8Grid {
  rows: number;
  cols: number;
  data: Uint8Array;
}

/** Min/max envelope of a waveform at `points` columns. */
export interface WaveformEnvelope {
  points: number;
  min: Float32Array;
  max: Float32Array;
}

/** Min and max of the samples in each of `points` equal spans (fewer when the signal is shorter). */
export function waveformEnvelope(y: Float32Array, points = 512): WaveformEnvelope {
  const p = Math.max(1, Math.min(points, y.length));
  const min = new Float32Array(p);
  const max = new Float32Array(p);
  envelopeInto(y, min, max);
  return { points: p, min, max };
}

/**
 * The loop of {@link waveformEnvelope} (p = min.length spans). A function that ends with its loop
 * (see frameLoop in frames.ts: V8's on-the-fly compiled loop has no code after it to bail out on).
 */
function envelopeInto(y: Float32Array, min: Float32Array, max: Float32Array): void {
  const p = min.length;
  for (let i = 0; i < p; i++) {
    const a = Math.floor((i * y.length) / p);
    const b = Math.max(a + 1, Math.floor(((i + 1) * y.length) / p));
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = a; j < b && j < y.length; j++) {
      const v = y[j]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[i] = Number.isFinite(lo) ? lo : 0;
    max[i] = Number.isFinite(hi) ? hi : 0;
  }
}

/**
 * Average-pool a row-major [rows, frames] matrix to at most [outRows, outCols] and map
 * [lo, hi] linearly to 0..255 (clamped).
 */
export function toUint8Grid(
  data: ArrayLike<number>,
  rows: number,
  frames: number,
  outRows: number,
  outCols: number,
  lo: number,
  hi: number,
): Uint8Grid {
  const R = Math.max(1, Math.min(outRows, rows));
  const C = Math.max(1, Math.min(outCols, frames));
  const out = new Uint8Array(R * C);
  poolInto(data, rows, frames, R, C, lo, hi > lo ? hi - lo : 1, out);
  return { rows: R, cols: C, data: out };
}

/** The pooling loop of {@link toUint8Grid} into out [R, C] (ends with its loop, see envelopeInto). */
function poolInto(
  data: ArrayLike<number>,
  rows: number,
  frames: number,
  R: number,
  C: number,
  lo: number,
  span: number,
  out: Uint8Array,
): void {
  for (let r = 0; r < R; r++) {
    const r0 = Math.floor((r * rows) / R);
    const r1 = Math.max(r0 + 1, Math.floor(((r + 1) * rows) / R));
    for (let c = 0; c < C; c++) {
      const c0 = Math.floor((c * frames) / C);
      const c1 = Math.max(c0 + 1, Math.floor(((c + 1) * frames) / C));
      let s = 0;
      let n = 0;
      for (let i = r0; i < r1 && i < rows; i++) {
        for (let j = c0; j < c1 && j < frames; j++) {
          s += data[i * frames + j]!;
          n++;
        }
      }
      const v = n > 0 ? (s / n - lo) / span : 0;
      out[r * C + c] = Math.max(0, Math.min(255, Math.round(v * 255)));
    }
  }
}
