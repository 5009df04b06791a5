/**
 * Column type inference: number, integer, boolean, category, multicategory, date, text, id, constant.
 * Works on the dictionary plus code counts for string columns, so it is O(rows) once.
 */
import type { Column, ColumnType } from '../data/table';
import { codeCounts, parseBoolean, parseDate, sortedFinite, splitTokens } from './values';

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
  if (col.kind === 'number') return inferNumericSorted(sortedFinite(col.values.subarray(0, Math.min(rowCount, col.values.length))));
  return inferStringCounts(col.dict, codeCounts(col.codes.subarray(0, rowCount), col.dict.length));
}

/** Numeric inference from the ascending finite values (one typed sort gives distinct count, range, integrality). */
export function inferNumericSorted(sorted: Float64Array): ColumnType {
  const count = sorted.length;
  if (count === 0) return 'constant';
  let distinct = 1;
  let allInt = true;
  for (let i = 0; i < count; i++) {
    const v = sorted[i]!;
    if (i > 0 && v !== sorted[i - 1]) distinct++;
    if (allInt && v !== Math.floor(v)) allInt = false;
  }
  const min = sorted[0]!;
  const max = sorted[count - 1]!;
  if (distinct <= 1) return 'constant';
  if (distinct === 2 && min === 0 && max === 1) return 'boolean';
  if (allInt && count >= 20 && distinct === count && max - min + 1 <= 1.5 * count) return 'id';
  return allInt ? 'integer' : 'number';
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
  // Costly checks look at the first TEXT_SAMPLE distinct values (first-seen order), weighted by count.
  let sampled = 0;
  let boolCells = 0;
  let dateCells = 0;
  let dateWithSep = 0;
  let listCells = 0;
  let noSpace = 0;
  const tokens = new Map<string, number>();
  let occurrences = 0;
  const tryBool = distinct <= 12;
  for (let k = 0, seen = 0; k < dict.length && seen < TEXT_SAMPLE; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    seen++;
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
    for (let k = 0, seen = 0; k < dict.length && seen < TEXT_SAMPLE; k++) {
      const c = counts[k]!;
      if (c === 0) continue;
      seen++;
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
