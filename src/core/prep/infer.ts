/**
 * Column type inference: number, integer, boolean, category, multicategory, date, text, id, constant.
 * Works on the dictionary plus code counts for string columns, so it is O(rows) once.
 */
import type { Column, ColumnType } from '../data/table';
import { codeCounts, parseBoolean, parseDate, splitTokens } from './values';

/** Share of cells that must look like a date / boolean for the column to get that type. */
const MAJORITY = 0.95;

/**
 * Infer a column's semantic type from its values. `rowCount` is the table's row count.
 * Rules (in order): <= 1 distinct value -> constant; numbers: only 0/1 -> boolean, unique
 * consecutive-ish integers -> id, integers -> integer, else number. Text: true/false/yes/no/0/1 ->
 * boolean; ISO / year / year-month dates -> date; >= 10% cells with ", " ";" "|" lists whose parts
 * repeat -> multicategory; nearly unique without spaces -> id; mostly unique -> text; else category.
 */
export function inferColumnType(col: Column, rowCount: number): ColumnType {
  if (col.kind === 'number')
    return inferNumericSummary(
      summariseNumbers(col.values.subarray(0, Math.min(rowCount, col.values.length))),
    );
  return inferStringCounts(col.dict, codeCounts(col.codes.subarray(0, rowCount), col.dict.length));
}

/** What numeric inference needs to know about a column's finite values. */
export interface NumericSummary {
  count: number;
  distinct: number;
  min: number;
  max: number;
  allInt: boolean;
  /** Sum of the finite values (sequential, so sum / count equals meanStd's mean exactly). */
  sum: number;
}

/** Summary of the finite values: one pass, plus a bitmap (small integer ranges) or a hash set for distinct. */
export function summariseNumbers(values: ArrayLike<number>): NumericSummary {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let allInt = true;
  /** Every value is exactly the double of some k / 1000 (at most three decimals, as most exports). */
  let milli = true;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (allInt && v !== Math.floor(v)) allInt = false;
    if (milli && Math.round(v * 1000) / 1000 !== v) milli = false;
  }
  let distinct = 0;
  if (count > 0 && allInt && max - min < 1 << 24) distinct = countDistinctScaled(values, 1, min, max);
  else if (count > 0 && milli && Math.round(max * 1000) - Math.round(min * 1000) < 1 << 24)
    distinct = countDistinctScaled(values, 1000, min, max);
  else if (count > 0) distinct = countDistinctFloats(values);
  return { count, distinct, min, max, allInt, sum };
}

/**
 * Distinct finite values when each is exactly k / scale for an integer k in a range under 2^24 (so
 * that distinct values have distinct k): a bitmap over k instead of a hash set.
 */
function countDistinctScaled(values: ArrayLike<number>, scale: number, min: number, max: number): number {
  const lo = Math.round(min * scale);
  const seen = new Uint8Array(Math.round(max * scale) - lo + 1);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = Math.round(v * scale) - lo;
    if (!seen[k]) {
      seen[k] = 1;
      distinct++;
    }
  }
  return distinct;
}

/**
 * Distinct finite values via an open-addressing table of float64 bit patterns (no sort, no Set of
 * boxed numbers). The table starts small and doubles at half full, so a column with a thousand
 * distinct values (3-decimal audio features) probes a table that stays in cache.
 */
function countDistinctFloats(values: ArrayLike<number>): number {
  let size = 1024;
  let mask = size - 1;
  let keys = new Float64Array(size);
  let used = new Uint8Array(size);
  const f = new Float64Array(1);
  const w = new Int32Array(f.buffer);
  const slotOf = (v: number, m: number): number => {
    f[0] = v;
    const h = Math.imul(w[0]! ^ Math.imul(w[1]!, 0x9e3779b1), 0x85ebca6b) >>> 0;
    return (h ^ (h >>> 15)) & m;
  };
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v === 0) v = 0; // -0 and 0 are one value
    let slot = slotOf(v, mask);
    while (used[slot] && keys[slot] !== v) slot = (slot + 1) & mask;
    if (used[slot]) continue;
    used[slot] = 1;
    keys[slot] = v;
    if (++distinct * 2 <= size) continue;
    // Grow: re-insert every key into a table twice the size.
    const oldKeys = keys;
    const oldUsed = used;
    size *= 2;
    mask = size - 1;
    keys = new Float64Array(size);
    used = new Uint8Array(size);
    for (let k = 0; k < oldKeys.length; k++) {
      if (!oldUsed[k]) continue;
      const x = oldKeys[k]!;
      let s = slotOf(x, mask);
      while (used[s]) s = (s + 1) & mask;
      used[s] = 1;
      keys[s] = x;
    }
  }
  return distinct;
}

/** Numeric inference: constant, boolean (only 0 and 1), id (unique consecutive-ish integers), integer, number. */
export function inferNumericSummary(m: NumericSummary): ColumnType {
  if (m.distinct <= 1) return 'constant';
  if (m.distinct === 2 && m.min === 0 && m.max === 1) return 'boolean';
  if (m.allInt && m.count >= 20 && m.distinct === m.count && m.max - m.min + 1 <= 1.5 * m.count) return 'id';
  return m.allInt ? 'integer' : 'number';
}

/** Dictionary entries examined for the costly text checks; beyond this the shares are estimated. */
const TEXT_SAMPLE = 20000;

/** Text inference from the dictionary and the occurrences of each entry. */
export function inferStringCounts(dict: string[], counts: Int32Array): ColumnType {
  let nonMissing = 0;
  let distinct = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k]! > 0) {
      distinct++;
      nonMissing += counts[k]!;
    }
  }
  if (distinct <= 1) return 'constant';
  // Costly checks look at every stride-th dictionary entry (about TEXT_SAMPLE of them), weighted by
  // count: an unbiased estimate of each share, and O(TEXT_SAMPLE) even for a million distinct ids.
  const stride = Math.max(1, Math.ceil(dict.length / TEXT_SAMPLE));
  let sampled = 0;
  let boolCells = 0;
  let dateCells = 0;
  let dateWithSep = 0;
  let listCells = 0;
  let noSpace = 0;
  const tokens = new Map<string, number>();
  let occurrences = 0;
  const tryBool = distinct <= 12;
  for (let k = 0; k < dict.length; k += stride) {
    const c = counts[k]!;
    if (c === 0) continue;
    sampled += c;
    const s = dict[k]!;
    if (tryBool && parseBoolean(s) === parseBoolean(s)) boolCells += c;
    if (parseDate(s)) {
      dateCells += c;
      if (/[-/.]/.test(s)) dateWithSep += c;
    }
    if (/[,;|]\s*\S/.test(s)) listCells += c;
    if (!/\s/.test(s)) noSpace += c;
  }
  if (tryBool && boolCells >= MAJORITY * sampled) {
    const lower = new Set(dict.filter((_, k) => counts[k]! > 0).map((s) => s.trim().toLowerCase()));
    if (lower.size <= 2) return 'boolean';
  }
  if (dateCells >= MAJORITY * sampled && dateWithSep > 0) return 'date';
  if (listCells >= 0.1 * sampled) {
    for (let k = 0; k < dict.length; k += stride) {
      const c = counts[k]!;
      if (c === 0) continue;
      for (const t of splitTokens(dict[k]!)) {
        tokens.set(t, (tokens.get(t) ?? 0) + c);
        occurrences += c;
      }
    }
    // Lists whose parts repeat (genres, artists) are multi-valued categories; prose with commas
    // ("Hey, Soul Sister") is not: its parts are long and hardly ever repeat.
    let tokenChars = 0;
    for (const t of tokens.keys()) tokenChars += t.length;
    if (occurrences >= 1.3 * tokens.size && tokenChars / tokens.size <= 40) return 'multicategory';
  }
  const ratio = distinct / nonMissing;
  if (nonMissing >= 20 && ratio >= 0.95 && noSpace >= 0.95 * sampled) return 'id';
  if (nonMissing >= 20 && ratio > 0.5) return 'text';
  return 'category';
}
