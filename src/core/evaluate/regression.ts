/** Regression metrics on the target's own units (e.g. popularity points 0..100). */

export interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  /** 1 - SSres/SStot; NaN when the true values are constant. */
  r2: number;
  /** Spearman rank correlation (average ranks for ties); NaN when either side is constant. */
  spearman: number;
  /** Share (0..1) of predictions within ±5 and ±10 units of the truth. */
  within5: number;
  within10: number;
  /** Pairs used (pairs with a NaN on either side are skipped). */
  n: number;
}

/** Throw a clear error when two paired arrays differ in length. */
export function checkPaired(a: ArrayLike<number>, b: ArrayLike<number>, what = 'predictions'): void {
  if (a.length !== b.length) {
    throw new Error(
      `There are ${a.length} true values but ${b.length} ${what}; they must pair up one to one.`,
    );
  }
}

/** Pairs where both values are numbers, as two Float64Arrays. */
export function finitePairs(a: ArrayLike<number>, b: ArrayLike<number>): [Float64Array, Float64Array] {
  checkPaired(a, b);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) n++;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) continue;
    x[k] = a[i]!;
    y[k++] = b[i]!;
  }
  return [x, y];
}

/** First index in ascending `a` whose value is >= x (strict: > x). */
export function lowerBound(a: ArrayLike<number>, x: number, strict = false): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? a[mid]! <= x : a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Average ranks (1-based; tied values share the mean of their ranks). Shape: [n]; values must
 * not be NaN. Uses the native typed-array sort and binary search: this runs inside every
 * bootstrap resample, where a comparator sort was the bottleneck.
 */
export function averageRanks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const sorted = Float64Array.from(v).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    // Values x occupy sorted positions lo..hi-1, i.e. ranks lo+1..hi.
    ranks[i] = (lowerBound(sorted, x) + lowerBound(sorted, x, true) + 1) / 2;
  }
  return ranks;
}

/** Pearson correlation; NaN when either side has zero variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Spearman rank correlation with average ranks for ties. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * MSE, RMSE, MAE, R², Spearman and the share within ±5 / ±10 units. Shapes: [n] and [n].
 * Pairs with a NaN are skipped; with no pairs every metric is NaN and n is 0.
 */
export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const [t, p] = finitePairs(yTrue, yPred);
  const n = t.length;
  if (n === 0)
    return { mse: NaN, rmse: NaN, mae: NaN, r2: NaN, spearman: NaN, within5: NaN, within10: NaN, n: 0 };
  let sse = 0;
  let sae = 0;
  let w5 = 0;
  let w10 = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += t[i]!;
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = p[i]! - t[i]!;
    const a = Math.abs(e);
    sse += e * e;
    sae += a;
    if (a <= 5) w5++;
    if (a <= 10) w10++;
    sst += (t[i]! - mean) ** 2;
  }
  const mse = sse / n;
  return {
    mse,
    rmse: Math.sqrt(mse),
    mae: sae / n,
    r2: sst > 0 ? 1 - sse / sst : NaN,
    spearman: spearman(t, p),
    within5: w5 / n,
    within10: w10 / n,
    n,
  };
}
