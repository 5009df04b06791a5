/**
 * The internal hold-out for early stopping when the caller passes no validation rows, shaped like
 * scikit-learn's train_test_split(test_size=fraction, stratify=y for classifiers): ceil(fraction x n)
 * rows held out, class shares kept for classification. Seeded with Encore's PRNG, so the rows differ
 * from scikit-learn's (numpy's) draw but not in size or balance.
 */
import { mulberry32, permutation } from '../random';

/** Row numbers into [0, n): train and validation, each ascending. */
export interface HoldOut {
  train: Int32Array;
  val: Int32Array;
}

/**
 * Split rows 0..n-1. stratifyBy (0/1 labels [n]) keeps each class's share in both parts.
 * Throws when either part would be empty.
 */
export function holdOutRows(
  n: number,
  fraction: number,
  seed: number,
  stratifyBy?: ArrayLike<number>,
): HoldOut {
  if (!(fraction > 0 && fraction < 1))
    throw new Error(`The validation fraction must be between 0 and 1 (got ${fraction}).`);
  const nVal = Math.ceil(fraction * n);
  if (nVal < 1 || nVal >= n)
    throw new Error(`Early stopping needs more rows: ${n} cannot hold out ${nVal} for validation.`);
  const order = permutation(n, mulberry32(seed));
  const isVal = new Uint8Array(n);
  if (!stratifyBy) {
    for (let k = 0; k < nVal; k++) isVal[order[k]!] = 1;
  } else {
    const byClass: number[][] = [[], []];
    for (const i of order) byClass[stratifyBy[i]! >= 0.5 ? 1 : 0]!.push(i);
    const pos = byClass[1]!;
    const neg = byClass[0]!;
    let nPos = Math.round((nVal * pos.length) / n);
    nPos = Math.min(pos.length, Math.max(0, nPos, nVal - neg.length));
    for (let k = 0; k < nPos; k++) isVal[pos[k]!] = 1;
    for (let k = 0; k < nVal - nPos; k++) isVal[neg[k]!] = 1;
  }
  const train: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) (isVal[i] ? val : train).push(i);
  return { train: Int32Array.from(train), val: Int32Array.from(val) };
}
