/**
 * Column values as the drift tests see them: missing values dropped, categories counted.
 *
 * Evidently cleans a column before testing it (`replace([-inf, inf], nan).dropna()` in its column drift
 * calculation), so here null, undefined, NaN and ±Infinity are dropped before any statistic is computed. Booleans
 * count as 0 and 1, the way pandas treats True and False as equal to 1 and 0.
 */

/** One cell of a monitored column. */
export type DriftValue = number | string | boolean | null | undefined;

/** A cleaned category key: a finite number or a string (1 and '1' stay distinct, as in pandas). */
export type CategoryKey = number | string;

/** The values that take part in a test: finite numbers and strings, booleans as 0/1; the rest dropped. */
export function cleanValues(values: ArrayLike<DriftValue>): CategoryKey[] {
  const out: CategoryKey[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out.push(v);
    } else if (typeof v === 'string') out.push(v);
    else if (typeof v === 'boolean') out.push(v ? 1 : 0);
  }
  return out;
}

/** The numbers of a cleaned sample, or a RangeError naming the first text value (number tests need numbers). */
export function numericValues(values: readonly CategoryKey[], what: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number')
      throw new RangeError(`${what}: expected numbers but found the text value "${v}"`);
    out[i] = v;
  }
  return out;
}

/** Count per category. Map keeps 1 and '1' apart, like a pandas value_counts. */
export function countValues(values: readonly CategoryKey[]): Map<CategoryKey, number> {
  const counts = new Map<CategoryKey, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * Total order on keys: numbers ascending, then strings by UTF-16 code units. Python's sorted() agrees on
 * numbers and on strings outside the astral planes; it refuses to compare a number with a string, so the
 * numbers-first rule is ours (it only decides which value the z-test calls class 0, which flips the sign of z
 * but not its p-value).
 */
export function compareKeys(a: CategoryKey, b: CategoryKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sorted union of the categories of two count maps. */
export function unionKeys(a: Map<CategoryKey, number>, b: Map<CategoryKey, number>): CategoryKey[] {
  const keys = new Set<CategoryKey>(a.keys());
  for (const k of b.keys()) keys.add(k);
  return [...keys].sort(compareKeys);
}

/** Number of distinct values (pandas nunique after the cleaning above). */
export function distinctCount(...samples: (readonly CategoryKey[])[]): number {
  const seen = new Set<CategoryKey>();
  for (const s of samples) for (const v of s) seen.add(v);
  return seen.size;
}

/** Neumaier-compensated sum (NumPy's pairwise sum and this agree to ~1e-16 relative). */
export function accurateSum(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}
