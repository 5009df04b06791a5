/**
 * Seeded train / validation / test splits that guard against leakage: random, stratified on the
 * target (quantile bins for regression), grouped (no artist on both sides) and temporal (train on
 * older releases, test on newer). Every split reports the values that straddle train and test.
 */
import type { Table } from '../data/table';
import { mulberry32 } from '../random';
import { type LeakageFinding, detectLeakage, leakageColumnsFor } from './leakage';
import {
  type Counts,
  type Parts,
  groupedSplit,
  randomSplit,
  stratifiedSplit,
  temporalSplit,
} from './methods';

export { detectLeakage, leakageColumnsFor, normaliseName } from './leakage';
export type { LeakageFinding } from './leakage';
export { parseTime } from './methods';

export type SplitMethod = 'random' | 'stratified' | 'grouped' | 'temporal';

export interface SplitConfig {
  method: SplitMethod;
  /** Fractions of the usable rows; they must sum to 1 (within 0.01; they are renormalised). */
  train: number;
  val: number;
  test: number;
  seed: number;
  /** For 'grouped': rows sharing this column's value stay on one side (e.g. "artist"). */
  groupColumn?: string;
  /** For 'temporal': a year, date string ("2019-05-01", "2019") or numeric time column. */
  timeColumn?: string;
  /** For 'stratified': the target column. */
  targetColumn?: string;
  /** For 'stratified' with a numeric target: quantile bins (default 10). */
  bins?: number;
}

export interface SplitResult {
  /** Row numbers into the table, ascending. */
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
  /** Human-readable notes: leakage, uneven grouped fractions, undated rows, tiny parts. */
  warnings: string[];
  /** Values (artist, track id, artist+title) seen in both train and test. */
  leakage: LeakageFinding[];
}

/** Target row counts from fractions; validates the fractions with messages a person can act on. */
export function splitCounts(n: number, config: Pick<SplitConfig, 'train' | 'val' | 'test'>): Counts {
  const { train, val, test } = config;
  for (const [name, f] of [
    ['train', train],
    ['validation', val],
    ['test', test],
  ] as const) {
    if (!Number.isFinite(f) || f < 0)
      throw new Error(`The ${name} fraction must be a number from 0 to 1 (got ${f}).`);
  }
  const sum = train + val + test;
  if (Math.abs(sum - 1) > 0.01) {
    throw new Error(
      `Train, validation and test fractions must add up to 1 (they add up to ${sum.toFixed(3)}).`,
    );
  }
  if (train <= 0) throw new Error('The training fraction must be above 0.');
  const nTest = Math.round((n * test) / sum);
  const nVal = Math.round((n * val) / sum);
  return { train: n - nTest - nVal, val: nVal, test: nTest };
}

/**
 * Split the usable rows (e.g. those with a target) into train / validation / test.
 * Deterministic for a seed: the same table, rows and config give the same split.
 * Throws an Error with an actionable message for bad fractions, a missing column or no rows.
 */
export function splitRows(table: Table, rows: ArrayLike<number>, config: SplitConfig): SplitResult {
  if (rows.length === 0)
    throw new Error('There are no usable rows to split (does the target column have values?).');
  const counts = splitCounts(rows.length, config);
  const rng = mulberry32(config.seed);
  let parts: Parts;
  switch (config.method) {
    case 'random':
      parts = randomSplit(rows, counts, rng);
      break;
    case 'stratified':
      parts = stratifiedSplit(
        table,
        rows,
        counts,
        rng,
        config.targetColumn,
        Math.max(2, Math.floor(config.bins ?? 10)),
      );
      break;
    case 'grouped':
      parts = groupedSplit(table, rows, counts, rng, config.groupColumn);
      break;
    case 'temporal':
      parts = temporalSplit(table, rows, counts, rng, config.timeColumn);
      break;
    default:
      throw new Error(`Unknown split method "${String(config.method)}".`);
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  const result = { train: sorted(parts.train), val: sorted(parts.val), test: sorted(parts.test) };
  const warnings = [...parts.warnings];
  if (result.train.length === 0)
    throw new Error('The training part is empty: add rows or raise the training fraction.');
  if (result.test.length === 0 && config.test > 0)
    warnings.push('The test part is empty: too few rows for the test fraction.');
  if (result.val.length === 0 && config.val > 0)
    warnings.push('The validation part is empty: too few rows for the validation fraction.');
  if (config.method === 'grouped') {
    const n = rows.length;
    const off = Math.max(
      Math.abs(result.train.length / n - config.train),
      Math.abs(result.val.length / n - config.val),
      Math.abs(result.test.length / n - config.test),
    );
    if (off > 0.05) {
      const pct = (x: number) => `${Math.round((100 * x) / n)}%`;
      warnings.push(
        `Whole groups could not match the fractions: got ${pct(result.train.length)} / ${pct(result.val.length)} / ${pct(result.test.length)}.`,
      );
    }
  }
  const leakage = detectLeakage(table, result, leakageColumnsFor(table, config.groupColumn));
  for (const f of leakage) {
    warnings.push(
      `${f.testRowsAffected} test row(s) share "${f.column}" with training rows (${f.sharedGroups} value(s), e.g. ${f.examples
        .slice(0, 3)
        .map((e) => `"${e}"`)
        .join(', ')}); test metrics may be inflated. A grouped split keeps them apart.`,
    );
  }
  return { ...result, warnings, leakage };
}
