/**
 * The prediction target: regression targets are standardised (after an optional log1p), classification
 * targets become 0/1 (a text label, true/false text, 0/1 numbers, or numbers >= hitThreshold).
 */
import type { Column, Table } from '../data/table';
import type { FittedTarget, PrepConfig } from './types';
import { readNumbers, requireColumn, stringCells } from './read';
import { sexpm1, slog1p } from './numeric';
import { meanStd, parseBoolean, quantileSorted, sortedFinite } from './values';

/** Raw target reading before fitting: numbers for regression / numeric labels, codes otherwise. */
export function fitTarget(table: Table, trainRows: ArrayLike<number>, config: PrepConfig): FittedTarget {
  const col = requireColumn(table, config.target);
  const t: FittedTarget = {
    column: col.name,
    task: config.task,
    log1p: config.targetTransform === 'log1p',
    mean: 0,
    std: 1,
  };
  if (config.task === 'regression') {
    const x = readNumbers(col, 'number', trainRows);
    if (t.log1p) for (let i = 0; i < x.length; i++) x[i] = slog1p(x[i]!);
    const { mean, std, n } = meanStd(x);
    if (n === 0)
      throw new Error(
        `The target "${col.name}" has no numeric values in the training rows. Pick a numeric target or switch to classification.`,
      );
    t.mean = mean;
    t.std = std > 0 ? std : 1;
    return t;
  }
  if (config.positiveLabel !== undefined) {
    t.positiveLabel = config.positiveLabel;
    return t;
  }
  if (col.kind === 'number' || config.hitThreshold !== undefined) {
    const s = sortedFinite(readNumbers(col, 'number', trainRows));
    const binary = s.length > 0 && s.every((v) => v === 0 || v === 1);
    if (config.hitThreshold !== undefined) t.hitThreshold = config.hitThreshold;
    else if (!binary) t.hitThreshold = quantileSorted(s, 0.5);
    return t;
  }
  const { codes, dict } = stringCells(col);
  if (dict.length > 0 && dict.every((s) => !Number.isNaN(parseBoolean(s)))) {
    t.booleanText = true;
    return t;
  }
  // Text labels without a chosen positive: the less frequent of the two most frequent labels is 1.
  const counts = new Map<number, number>();
  for (let i = 0; i < trainRows.length; i++) {
    const k = codes[trainRows[i]!]!;
    if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const pick = ranked[1] ?? ranked[0];
  if (pick) t.positiveLabel = dict[pick[0]]!;
  return t;
}

/** Target values for rows: regression standardised, classification 0/1; NaN where the target is unusable. */
export function applyTarget(t: FittedTarget, col: Column, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length);
  if (t.task === 'regression') {
    const x = readNumbers(col, 'number', rows);
    for (let i = 0; i < x.length; i++) out[i] = ((t.log1p ? slog1p(x[i]!) : x[i]!) - t.mean) / t.std;
    return out;
  }
  if (t.positiveLabel !== undefined) {
    const { codes, dict } = stringCells(col);
    const lut = dict.map((s) => (s === t.positiveLabel ? 1 : 0));
    for (let i = 0; i < rows.length; i++) {
      const k = codes[rows[i]!]!;
      out[i] = k < 0 ? NaN : lut[k]!;
    }
    return out;
  }
  const x = readNumbers(col, t.booleanText ? 'boolean' : 'number', rows);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v !== v ? NaN : t.hitThreshold !== undefined ? (v >= t.hitThreshold ? 1 : 0) : v !== 0 ? 1 : 0;
  }
  return out;
}

/** Undo applyTarget for regression (back to the target's units); identity for classification. */
export function invertTarget(t: FittedTarget, y: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(y);
  if (t.task !== 'regression') return out;
  for (let i = 0; i < out.length; i++) {
    const z = out[i]! * t.std + t.mean;
    out[i] = t.log1p ? sexpm1(z) : z;
  }
  return out;
}
