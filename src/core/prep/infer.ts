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
  return col.kind === 'number' ? inferNumeric(col.values, rowCount) : inferString(col.codes, col.dict, rowCount);
}

function inferNumeric(values: Float64Array, rowCount: number): ColumnType {
  // One typed sort gives distinct count, range and integrality without a Set of a million numbers.
  const sorted = sortedFinite(values.subarray(0, Math.min(rowCount, values.length)));
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

function inferString(codes: Int32Array, dict: string[], rowCount: number): ColumnType {
  const counts = codeCounts(codes.subarray(0, rowCount), dict.length);
  let nonMissing = 0;
  let distinct = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k]! > 0) {
      distinct++;
      nonMissing += counts[k]!;
    }
  }
  if (distinct <= 1) return 'constant';
  let boolCells = 0;
  let dateCells = 0;
  let dateWithSep = 0;
  let listCells = 0;
  let noSpace = 0;
  const tokens = new Map<string, number>();
  for (let k = 0; k < dict.length; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    const s = dict[k]!;
    const b = parseBoolean(s);
    if (b === b) boolCells += c;
    if (parseDate(s)) {
      dateCells += c;
      if (/[-/.]/.test(s)) dateWithSep += c;
    }
    if (/[,;|]\s*\S/.test(s)) listCells += c;
    if (!/\s/.test(s)) noSpace += c;
  }
  const lowerDistinct = new Set(dict.filter((_, k) => counts[k]! > 0).map((s) => s.trim().toLowerCase()));
  if (boolCells >= MAJORITY * nonMissing && lowerDistinct.size <= 2) return 'boolean';
  if (dateCells >= MAJORITY * nonMissing && dateWithSep > 0) return 'date';
  if (listCells >= 0.1 * nonMissing) {
    let occurrences = 0;
    for (let k = 0; k < dict.length; k++) {
      if (counts[k]! === 0) continue;
      for (const t of splitTokens(dict[k]!)) {
        tokens.set(t, (tokens.get(t) ?? 0) + counts[k]!);
        occurrences += counts[k]!;
      }
    }
    // Lists whose parts repeat (genres, artists) are multi-valued categories; prose with commas is not.
    if (tokens.size < distinct && occurrences >= 1.5 * tokens.size) return 'multicategory';
  }
  const ratio = distinct / nonMissing;
  if (nonMissing >= 20 && ratio >= 0.95 && noSpace >= 0.95 * nonMissing) return 'id';
  if (nonMissing >= 20 && ratio > 0.5) return 'text';
  return 'category';
}
