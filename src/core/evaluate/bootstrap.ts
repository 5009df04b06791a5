/** Percentile bootstrap confidence intervals for any metric function. */
import { mulberry32, randInt } from '../random';
import { checkPaired } from './regression';

export interface Interval {
  /** The metric on the full data. */
  value: number;
  /** Lower and upper percentile bounds over the resamples (NaN resamples ignored). */
  lo: number;
  hi: number;
}

export interface BootstrapOptions {
  /** Resamples (default 1000). */
  iterations?: number;
  /** Seed of the resampling (default 0). */
  seed?: number;
  /** Coverage, e.g. 0.95 (default). */
  level?: number;
}

/** The q-quantile (0..1) of sorted values by linear interpolation. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Percentile bootstrap: resample the (yTrue, yPred) pairs with replacement `iterations` times,
 * apply `fn` to each resample, and report for every numeric field of its result the value on the
 * full data with the (1-level)/2 and (1+level)/2 percentiles. Non-numeric fields are skipped.
 * Deterministic for a seed. Shapes: [n] and [n].
 */
export function bootstrapMetrics<M extends object>(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  fn: (t: Float64Array, p: Float64Array) => M,
  opts: BootstrapOptions = {},
): { [K in keyof M]: M[K] extends number ? Interval : never } {
  checkPaired(yTrue, yPred);
  const iterations = Math.max(1, Math.floor(opts.iterations ?? 1000));
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new Error(`The confidence level must be between 0 and 1 (got ${level}).`);
  const n = yTrue.length;
  const t = Float64Array.from(yTrue);
  const p = Float64Array.from(yPred);
  const full = fn(t, p) as Record<string, unknown>;
  const keys = Object.keys(full).filter((k) => typeof full[k] === 'number');
  const samples = keys.map(() => new Float64Array(iterations));
  const rng = mulberry32(opts.seed ?? 0);
  const bt = new Float64Array(n);
  const bp = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const j = randInt(rng, n);
      bt[i] = t[j]!;
      bp[i] = p[j]!;
    }
    const m = fn(bt, bp) as Record<string, unknown>;
    keys.forEach((k, ki) => (samples[ki]![it] = m[k] as number));
  }
  const out: Record<string, Interval> = {};
  keys.forEach((k, ki) => {
    const s = samples[ki]!.filter((v) => !Number.isNaN(v)).sort();
    out[k] = {
      value: full[k] as number,
      lo: quantileSorted(s, (1 - level) / 2),
      hi: quantileSorted(s, (1 + level) / 2),
    };
  });
  return out as { [K in keyof M]: M[K] extends number ? Interval : never };
}
