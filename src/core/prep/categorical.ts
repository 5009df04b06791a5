/**
 * Category encoders: one-hot (top K + other), multi-hot (top K parts + other), integer vocabularies for
 * embeddings (0 = unknown), and smoothed out-of-fold target encoding. Unseen values never throw:
 * they land in "other", id 0, or the prior.
 */
import type { Column } from '../data/table';
import type { FeatureSpec, FittedEmbedding, FittedOneHot, FittedTargetEncoding } from './types';
import { stringCells } from './read';
import { splitTokens } from './values';

export const OTHER = '__other__';

/** Values of the train rows ranked by frequency (ties: first seen in the dictionary). */
function rankValues(col: Column, trainRows: ArrayLike<number>, tokens: boolean): string[] {
  const { codes, dict } = stringCells(col);
  const counts = new Map<string, number>();
  const perCode = tokens ? dict.map(splitTokens) : dict.map((s) => [s]);
  for (let i = 0; i < trainRows.length; i++) {
    const k = codes[trainRows[i]!]!;
    if (k < 0) continue;
    for (const t of perCode[k]!) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map((e) => e[0]);
}

/** Values one-hot keeps by default: the most frequent on the training rows; the rest is "other". */
const ONEHOT_TOP_K = 20;
/** The same for multi-hot columns (genre lists, artist lists). */
const MULTIHOT_TOP_K = 30;

/** Fit one-hot (or multi-hot when `multi`) on the train rows. */
export function fitOneHot(
  col: Column,
  spec: FeatureSpec,
  trainRows: ArrayLike<number>,
  multi: boolean,
): FittedOneHot {
  const vocab = rankValues(col, trainRows, multi).slice(
    0,
    spec.topK ?? (multi ? MULTIHOT_TOP_K : ONEHOT_TOP_K),
  );
  let imputeIndex = -1;
  if (spec.impute === 'mode' && vocab.length) imputeIndex = 0;
  if (spec.impute === 'constant' && spec.constant !== undefined) {
    const k = vocab.indexOf(String(spec.constant));
    imputeIndex = k >= 0 ? k : vocab.length;
  }
  return {
    kind: multi ? 'multihot' : 'onehot',
    column: col.name,
    vocab,
    imputeIndex,
    missingIndicator: spec.missingIndicator ?? false,
  };
}

/** Output names: `col=value` per vocab entry, `col=__other__`, then `col__missing` if asked. */
export function oneHotNames(f: FittedOneHot): string[] {
  const names = f.vocab.map((v) => `${f.column}=${v}`);
  names.push(`${f.column}=${OTHER}`);
  if (f.missingIndicator) names.push(`${f.column}__missing`);
  return names;
}

/** Write one-hot / multi-hot columns for `rows` into row-major X starting at column j0. */
export function applyOneHot(
  f: FittedOneHot,
  col: Column,
  rows: ArrayLike<number>,
  X: Float32Array,
  stride: number,
  j0: number,
): void {
  const { codes, dict } = stringCells(col);
  const index = new Map(f.vocab.map((v, k) => [v, k] as const));
  const other = f.vocab.length;
  // Per dictionary entry: the output slots it switches on.
  const slots = dict.map((s) => {
    const parts = f.kind === 'multihot' ? splitTokens(s) : [s];
    const out = new Set<number>();
    for (const t of parts) out.add(index.get(t) ?? other);
    return [...out];
  });
  for (let i = 0; i < rows.length; i++) {
    const k = codes[rows[i]!]!;
    const base = i * stride + j0;
    if (k < 0 || slots[k]!.length === 0) {
      if (f.imputeIndex >= 0) X[base + f.imputeIndex] = 1;
      if (f.missingIndicator) X[base + other + 1] = 1;
      continue;
    }
    for (const s of slots[k]!) X[base + s] = 1;
  }
}

/** Integer vocabulary of the K (default 10,000) most frequent train values; id 0 is unknown / missing. */
export function fitEmbedding(col: Column, spec: FeatureSpec, trainRows: ArrayLike<number>): FittedEmbedding {
  return {
    kind: 'embedding',
    column: col.name,
    vocab: rankValues(col, trainRows, false).slice(0, spec.topK ?? 10000),
  };
}

/** Ids for `rows`. Shape: [rows.length], values in [0, vocab.length]. */
export function embeddingIds(f: FittedEmbedding, col: Column, rows: ArrayLike<number>): Int32Array {
  const { codes, dict } = stringCells(col);
  const index = new Map(f.vocab.map((v, k) => [v, k + 1] as const));
  const lut = dict.map((s) => index.get(s) ?? 0);
  const ids = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const k = codes[rows[i]!]!;
    ids[i] = k < 0 ? 0 : lut[k]!;
  }
  return ids;
}

/** Folds for out-of-fold target encoding. */
export const TE_FOLDS = 5;
/** Smoothing strength m: encoding = (sum + m·prior) / (count + m). */
export const TE_SMOOTHING = 10;

/** Deterministic fold of a row under a seed (a 32-bit integer hash). */
export function foldOf(row: number, seed: number, folds = TE_FOLDS): number {
  let h = Math.imul(row ^ seed ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % folds;
}

/** A fingerprint of a column's contents (row count + FNV-1a of its codes), to recognise the fit table. */
export function fingerprint(col: Column): string {
  const { codes, dict } = stringCells(col);
  let h = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
  return `${codes.length}:${dict.length}:${(h >>> 0).toString(16)}`;
}

/**
 * Fit smoothed target encoding. `y[i]` is the transformed target of `trainRows[i]` (standardised for
 * regression, 0/1 for classification); NaN targets are ignored. `tableRows` is the fit table's row count.
 */
export function fitTargetEncoding(
  col: Column,
  spec: FeatureSpec,
  trainRows: ArrayLike<number>,
  y: ArrayLike<number>,
  tableRows: number,
  seed: number,
): FittedTargetEncoding {
  const { codes, dict } = stringCells(col);
  const vocabIndex = new Map<string, number>();
  const vocab: string[] = [];
  const sum: number[] = [];
  const count: number[] = [];
  const foldSum = Array.from({ length: TE_FOLDS }, () => [] as number[]);
  const foldCount = Array.from({ length: TE_FOLDS }, () => [] as number[]);
  let total = 0;
  let n = 0;
  const bits = new Uint8Array((tableRows + 7) >> 3);
  for (let i = 0; i < trainRows.length; i++) {
    const r = trainRows[i]!;
    bits[r >> 3]! |= 1 << (r & 7);
    const t = y[i]!;
    const k = codes[r]!;
    if (t !== t || k < 0) continue;
    total += t;
    n++;
    const s = dict[k]!;
    let v = vocabIndex.get(s);
    if (v === undefined) {
      v = vocab.length;
      vocab.push(s);
      vocabIndex.set(s, v);
      sum.push(0);
      count.push(0);
      for (let f = 0; f < TE_FOLDS; f++) {
        foldSum[f]!.push(0);
        foldCount[f]!.push(0);
      }
    }
    sum[v]! += t;
    count[v]!++;
    const f = foldOf(r, seed);
    foldSum[f]![v]! += t;
    foldCount[f]![v]!++;
  }
  return {
    kind: 'target',
    column: col.name,
    vocab,
    sum,
    count,
    foldSum,
    foldCount,
    prior: n ? total / n : 0,
    smoothing: TE_SMOOTHING,
    seed,
    trainBits: toBase64(bits),
    fitFingerprint: fingerprint(col),
    missingIndicator: spec.missingIndicator ?? false,
  };
}

/**
 * Write the encoding for `rows` at column j0. Rows that were training rows of this very table get the
 * out-of-fold value (their own fold's statistics removed), so the model never sees its own target.
 */
export function applyTargetEncoding(
  f: FittedTargetEncoding,
  col: Column,
  rows: ArrayLike<number>,
  X: Float32Array,
  stride: number,
  j0: number,
): void {
  const { codes, dict } = stringCells(col);
  const index = new Map(f.vocab.map((v, k) => [v, k] as const));
  const lut = dict.map((s) => index.get(s) ?? -1);
  const bits = fingerprint(col) === f.fitFingerprint ? fromBase64(f.trainBits) : null;
  const m = f.smoothing;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const k = codes[r]!;
    const v = k < 0 ? -1 : lut[k]!;
    let value = f.prior;
    if (v >= 0) {
      let s = f.sum[v]!;
      let c = f.count[v]!;
      if (bits && (bits[r >> 3]! >> (r & 7)) & 1) {
        const fold = foldOf(r, f.seed);
        s -= f.foldSum[fold]![v]!;
        c -= f.foldCount[fold]![v]!;
      }
      value = (s + m * f.prior) / (c + m);
    }
    X[i * stride + j0] = value;
    if (f.missingIndicator) X[i * stride + j0 + 1] = k < 0 ? 1 : 0;
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
