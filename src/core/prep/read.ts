/**
 * Reading columns the way a fitted step needs them: numbers through a reader (plain, boolean,
 * date parts) and any column as dictionary-coded strings.
 */
import type { Column, Table } from '../data/table';
import type { NumericReader } from './types';
import { numericView, parseBoolean, parseDate } from './values';
import { parseNumber } from '../ingest/numbers';

/** The named column; throws an Error a person can act on when the table lacks it. */
export function requireColumn(table: Table, name: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (!col) {
    throw new Error(
      `Column "${name}" is not in this table. Load a file with that column (names must match exactly) or remove it from the features.`,
    );
  }
  return col;
}

/** 0..n-1. */
export function allRows(n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

function readerFn(reader: NumericReader, reference: number): (s: string) => number {
  switch (reader) {
    case 'number':
      return (s) => parseNumber(s, false);
    case 'boolean':
      return parseBoolean;
    case 'year':
      return (s) => parseDate(s)?.year ?? NaN;
    case 'month':
      return (s) => parseDate(s)?.month ?? NaN;
    case 'age':
      return (s) => {
        const d = parseDate(s);
        return d ? reference - d.value : NaN;
      };
  }
}

/**
 * Numbers for the given rows. Number columns: booleans are v != 0; dates are years (a numeric date
 * column holds years), so 'month' is NaN and 'age' is reference - year. Shape: [rows.length].
 */
export function readNumbers(
  col: Column,
  reader: NumericReader,
  rows: ArrayLike<number>,
  reference = NaN,
): Float64Array {
  if (col.kind === 'string') return numericView(col, rows, readerFn(reader, reference));
  const out = numericView(col, rows);
  if (reader === 'number' || reader === 'year') return out;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (v !== v) continue;
    out[i] = reader === 'boolean' ? (v !== 0 ? 1 : 0) : reader === 'month' ? NaN : reference - v;
  }
  return out;
}

const numberDicts = new WeakMap<Column, { codes: Int32Array; dict: string[] }>();

/** Any column as dictionary codes (-1 missing); number columns are keyed by String(value). */
export function stringCells(col: Column): { codes: Int32Array; dict: string[] } {
  if (col.kind === 'string') return col;
  let cached = numberDicts.get(col);
  if (!cached) {
    const dict: string[] = [];
    const index = new Map<number, number>();
    const codes = new Int32Array(col.values.length);
    for (let i = 0; i < codes.length; i++) {
      const v = col.values[i]!;
      if (v !== v) {
        codes[i] = -1;
        continue;
      }
      let k = index.get(v);
      if (k === undefined) {
        k = dict.length;
        dict.push(String(v));
        index.set(v, k);
      }
      codes[i] = k;
    }
    cached = { codes, dict };
    numberDicts.set(col, cached);
  }
  return cached;
}
