/**
 * The numeric chain of one feature: impute -> clip at percentiles -> optional log1p -> scale.
 * Fitted on training rows only; applying it never throws (missing cells get the imputed value).
 */
import type { Column } from '../data/table';
import type { FeatureSpec, FittedNumeric, NumericReader } from './types';
import { readNumbers } from './read';
import { meanStd, quantileSorted, sortedFinite } from './values';

/** sign(x)·log1p(|x|): log1p that also accepts negative values (loudness in dB). */
export function slog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

/** Inverse of slog1p. */
export function sexpm1(y: number): number {
  return y < 0 ? -Math.expm1(-y) : Math.expm1(y);
}

/** Most frequent finite value (smallest on ties); NaN when none. */
export function modeOf(sorted: ArrayLike<number>): number {
  let best = NaN;
  let bestRun = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i]!;
    }
    i = j;
  }
  return best;
}

/**
 * Fit a numeric feature on `trainRows`. `name` is the output feature name; `reader` says how cells are
 * read (plain, boolean, date year / month / age). Defaults: impute median (mode for booleans), scaling
 * standard (none for booleans), no clip, no indicator.
 */
export function fitNumeric(
  col: Column,
  spec: FeatureSpec,
  reader: NumericReader,
  trainRows: ArrayLike<number>,
  name: string,
  reference?: number,
): FittedNumeric {
  const isBool = reader === 'boolean';
  const x = readNumbers(col, reader, trainRows, reference);
  const sorted = sortedFinite(x);
  const how = spec.impute ?? (isBool ? 'mode' : 'median');
  let impute: number;
  if (how === 'mean') impute = meanStd(sorted).mean;
  else if (how === 'mode') impute = modeOf(sorted);
  else if (how === 'constant')
    impute = typeof spec.constant === 'number' ? spec.constant : Number(spec.constant ?? 0);
  else impute = quantileSorted(sorted, 0.5);
  if (!Number.isFinite(impute)) impute = 0;
  let clip: [number, number] | undefined;
  if (spec.clip && sorted.length) {
    const [a, b] = spec.clip;
    clip = [
      quantileSorted(sorted, Math.max(0, Math.min(100, a)) / 100),
      quantileSorted(sorted, Math.max(0, Math.min(100, b)) / 100),
    ];
  }
  const scaling = spec.scaling ?? (isBool ? 'none' : 'standard');
  const f: FittedNumeric = {
    kind: 'numeric',
    column: col.name,
    name,
    reader,
    ...(reference !== undefined ? { reference } : {}),
    impute,
    ...(clip ? { clip } : {}),
    log1p: scaling === 'log1p',
    center: 0,
    scale: 1,
    missingIndicator: spec.missingIndicator ?? false,
  };
  // Scaling statistics are taken after imputation and clipping, on exactly what apply will produce.
  const t = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) t[i] = preScale(f, x[i]!);
  if (scaling === 'standard' || scaling === 'log1p') {
    const { mean, std } = meanStd(t);
    f.center = Number.isFinite(mean) ? mean : 0;
    f.scale = std > 0 ? std : 1;
  } else if (scaling === 'minmax') {
    const s = sortedFinite(t);
    const lo = s.length ? s[0]! : 0;
    const hi = s.length ? s[s.length - 1]! : 1;
    f.center = lo;
    f.scale = hi > lo ? hi - lo : 1;
  } else if (scaling === 'robust') {
    const s = sortedFinite(t);
    const iqr = quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
    f.center = s.length ? quantileSorted(s, 0.5) : 0;
    f.scale = iqr > 0 ? iqr : 1;
  }
  return f;
}

/** impute, clip, log1p (everything before centring and scaling). */
function preScale(f: FittedNumeric, v: number): number {
  if (!Number.isFinite(v)) v = f.impute;
  if (f.clip) v = v < f.clip[0] ? f.clip[0] : v > f.clip[1] ? f.clip[1] : v;
  return f.log1p ? slog1p(v) : v;
}

/** Output width: 1, or 2 with the missing indicator. */
export function numericWidth(f: FittedNumeric): number {
  return f.missingIndicator ? 2 : 1;
}

/** Write the feature (and its indicator) for `rows` into row-major X at column j0. */
export function applyNumeric(
  f: FittedNumeric,
  col: Column,
  rows: ArrayLike<number>,
  X: Float32Array,
  stride: number,
  j0: number,
): void {
  const x = readNumbers(col, f.reader, rows, f.reference);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    X[i * stride + j0] = (preScale(f, v) - f.center) / f.scale;
    if (f.missingIndicator) X[i * stride + j0 + 1] = Number.isFinite(v) ? 0 : 1;
  }
}
