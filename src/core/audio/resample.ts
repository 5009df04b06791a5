/**
 * Mono downmix, band-limited resampling and the analysis window.
 */

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Zero crossings of the sinc on each side; Kaiser β (≈ 90 dB stopband); passband edge. */
const ZEROS = 16;
const BETA = 9;
const ROLLOFF = 0.94;
/** Phases in the tabulated filter when the rate ratio is not a small fraction. */
const TABLE_PHASES = 512;

interface Kernel {
  /** Taps per phase. */
  taps: number;
  /** Filter table, [phases + 1, taps]: phase p is the filter for fractional offset p/phases. */
  table: Float64Array;
  phases: number;
  /** Input samples before the centre that tap 0 touches. */
  left: number;
}

const kernels = new Map<string, Kernel>();

/**
 * Windowed-sinc kernel for a resampling ratio: cutoff at the lower Nyquist (× ROLLOFF),
 * Kaiser window, normalised to unit DC gain per phase.
 */
function kernel(fromRate: number, toRate: number, phases: number): Kernel {
  const key = `${fromRate}:${toRate}:${phases}`;
  const hit = kernels.get(key);
  if (hit) return hit;
  const scale = Math.min(1, toRate / fromRate); // cutoff relative to input Nyquist
  const cutoff = scale * ROLLOFF;
  const halfWidth = Math.ceil(ZEROS / cutoff); // input samples each side
  const taps = 2 * halfWidth;
  const left = halfWidth - 1;
  const table = new Float64Array((phases + 1) * taps);
  const i0b = besselI0(BETA);
  for (let p = 0; p <= phases; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      // tap j sits at input index floor(t) − left + j; its distance from t:
      const x = j - left - frac;
      const r = x / halfWidth;
      const win = Math.abs(r) >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - r * r)) / i0b;
      const arg = Math.PI * cutoff * x;
      const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
      const v = cutoff * sinc * win;
      table[p * taps + j] = v;
      sum += v;
    }
    if (sum !== 0) for (let j = 0; j < taps; j++) table[p * taps + j] = table[p * taps + j]! / sum;
  }
  const k: Kernel = { taps, table, phases, left };
  kernels.set(key, k);
  return k;
}

/**
 * Band-limited resampling of one channel (Kaiser-windowed sinc, 16 zero crossings). For
 * rational ratios L/M with L ≤ 512 the filter is exact per output phase; otherwise it is
 * interpolated linearly between 512 tabulated phases. Output length: ceil(n·to/from).
 */
export function resample(x: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0) || !Number.isFinite(fromRate) || !Number.isFinite(toRate)) {
    throw new Error(`Cannot resample from ${fromRate} Hz to ${toRate} Hz: rates must be positive numbers.`);
  }
  if (fromRate === toRate) return x.slice();
  const nOut = Math.ceil((x.length * toRate) / fromRate);
  const out = new Float32Array(nOut);
  const intRates = Number.isInteger(fromRate) && Number.isInteger(toRate);
  const g = intRates ? gcd(fromRate, toRate) : 1;
  const L = intRates ? toRate / g : Infinity;
  const M = intRates ? fromRate / g : 0;
  const exact = L <= TABLE_PHASES;
  const k = kernel(fromRate, toRate, exact ? L : TABLE_PHASES);
  const { taps, table, left } = k;
  const n = x.length;
  for (let i = 0; i < nOut; i++) {
    let base: number;
    let frac: number;
    if (exact) {
      const num = i * M;
      base = Math.floor(num / L);
      frac = num - base * L; // phase index
    } else {
      const t = (i * fromRate) / toRate;
      base = Math.floor(t);
      frac = (t - base) * TABLE_PHASES;
    }
    const p0 = Math.floor(frac);
    const w = frac - p0;
    const o0 = p0 * taps;
    const o1 = o0 + taps;
    const start = base - left;
    let s = 0;
    if (start >= 0 && start + taps <= n) {
      if (exact) for (let j = 0; j < taps; j++) s += table[o0 + j]! * x[start + j]!;
      else
        for (let j = 0; j < taps; j++) s += (table[o0 + j]! * (1 - w) + table[o1 + j]! * w) * x[start + j]!;
    } else {
      for (let j = 0; j < taps; j++) {
        const idx = start + j;
        if (idx < 0 || idx >= n) continue;
        const c = exact ? table[o0 + j]! : table[o0 + j]! * (1 - w) + table[o1 + j]! * w;
        s += c * x[idx]!;
      }
    }
    out[i] = s;
  }
  return out;
}

/**
 * Average the channels to mono, then resample to `toRate` (default 22,050 Hz).
 * Shape: channels[c] all of length n → Float32Array of ceil(n·toRate/fromRate) samples.
 */
export function downmixAndResample(channels: Float32Array[], fromRate: number, toRate = 22050): Float32Array {
  if (channels.length === 0) throw new Error('The audio has no channels.');
  const n = channels[0]!.length;
  let mono: Float32Array;
  if (channels.length === 1) mono = channels[0]!;
  else {
    mono = new Float32Array(n);
    const inv = 1 / channels.length;
    for (const ch of channels) {
      if (ch.length !== n) throw new Error('All channels must have the same length to downmix.');
      for (let i = 0; i < n; i++) mono[i] = mono[i]! + ch[i]! * inv;
    }
  }
  return fromRate === toRate
    ? mono === channels[0]
      ? mono.slice()
      : mono
    : resample(mono, fromRate, toRate);
}

/** Which part of a track to analyse. */
export interface AnalysisWindowOptions {
  /** 'whole' track, or a 'window' of `seconds` (default 30). */
  mode: 'whole' | 'window';
  seconds?: number;
  /** Start in seconds, or 'middle' (default): centred on the track. Clamped to fit. */
  offset?: number | 'middle';
}

/**
 * The analysed excerpt (a copy): the whole track, or `seconds` from `offset` (default 30 s
 * from the middle). A track shorter than the window is returned whole.
 */
export function analysisWindow(
  samples: Float32Array,
  sr: number,
  opts: AnalysisWindowOptions = { mode: 'window' },
): Float32Array {
  if (opts.mode === 'whole') return samples.slice();
  const seconds = opts.seconds ?? 30;
  if (!(seconds > 0)) throw new Error(`The analysis window must be longer than 0 s (got ${seconds}).`);
  const len = Math.round(seconds * sr);
  if (samples.length <= len) return samples.slice();
  const offset = opts.offset ?? 'middle';
  let start = offset === 'middle' ? Math.floor((samples.length - len) / 2) : Math.round(offset * sr);
  if (!Number.isFinite(start)) start = 0;
  start = Math.max(0, Math.min(samples.length - len, start));
  return samples.slice(start, start + len);
}
