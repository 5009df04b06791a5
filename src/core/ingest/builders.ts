/**
 * Growable typed column buffers that rows are appended to while a file streams in.
 * Numbers: Float64Array (NaN = missing) plus the raw text of cells that failed to parse;
 * strings: dictionary codes in an Int32Array (-1 = missing; see stringBuilder.ts). No row objects are ever built.
 */
import type { Column } from '../data/table';
import { isMissingToken, parseNumber, parseNumberRange } from './numbers';
import { StringBuilder } from './stringBuilder';

export { StringBuilder, FNV_BASIS, FNV_PRIME } from './stringBuilder';

export interface NumFailure {
  row: number;
  line: number;
  raw: string;
}

export class NumberBuilder {
  readonly kind = 'number';
  values = new Float64Array(1024);
  n = 0;
  nonMissing = 0;
  failures: NumFailure[] = [];
  /** Growth factor once reserve() has sized the buffer from an estimate (2 before). */
  private growth = 2;

  constructor(readonly decimalComma: boolean) {}

  /** Make room for `rows` values in all (an estimate of the final row count; avoids regrowing). */
  reserve(rows: number): void {
    if (rows > this.values.length) this.values = resize64(this.values, rows);
    this.growth = 1.25;
  }

  push(cell: string, line: number): void {
    if (this.n === this.values.length) this.values = resize64(this.values, this.values.length * this.growth);
    let v = parseNumber(cell, this.decimalComma);
    if (v !== v) {
      if (!isMissingToken(cell)) {
        this.nonMissing++;
        this.failures.push({ row: this.n, line, raw: ownString(cell) });
      }
      v = NaN;
    } else this.nonMissing++;
    this.values[this.n++] = v;
  }

  /** Append an already parsed value (NaN = missing, not a failure): the fast path's entry point. */
  pushValue(v: number): void {
    if (this.n === this.values.length) this.values = resize64(this.values, this.values.length * this.growth);
    if (v === v) this.nonMissing++;
    this.values[this.n++] = v;
  }

  /** Parse s.slice(from, to) in place (no substring unless the cell fails). */
  pushRange(s: string, from: number, to: number, line: number): void {
    if (this.n === this.values.length) this.values = resize64(this.values, this.values.length * this.growth);
    let v = parseNumberRange(s, from, to, this.decimalComma);
    if (v !== v) {
      if (to > from) {
        const cell = s.slice(from, to);
        if (!isMissingToken(cell)) {
          // (failures keep an own copy: a slice would pin the whole chunk text in memory)
          this.nonMissing++;
          this.failures.push({ row: this.n, line, raw: ownString(cell) });
        }
      }
      v = NaN;
    } else this.nonMissing++;
    this.values[this.n++] = v;
  }

  /** Too many unparseable cells for this to be a numeric column (more than 5%, and more than 3)? */
  shouldBecomeString(): boolean {
    const f = this.failures.length;
    return f > 3 && f > 0.05 * this.nonMissing;
  }

  /** Re-encode as strings (numbers via String(); failed cells keep their text). */
  toStringBuilder(): StringBuilder {
    const sb = new StringBuilder();
    if (this.growth !== 2) sb.reserve(this.values.length);
    const raw = new Map<number, string>();
    for (const f of this.failures) raw.set(f.row, f.raw);
    for (let r = 0; r < this.n; r++) {
      const v = this.values[r]!;
      sb.push(raw.get(r) ?? (v === v ? String(v) : ''));
    }
    return sb;
  }

  finish(name: string): Column {
    return { name, kind: 'number', values: trim64(this.values, this.n) };
  }
}

/** A copy of `s` that does not keep a larger string alive (a slice of a chunk would pin the chunk). */
export function ownString(s: string): string {
  // (joining two parts builds a new flat string; engines return a one-part join unchanged)
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}

export type ColumnBuilder = NumberBuilder | StringBuilder;

function resize64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(1024, Math.ceil(size)));
  b.set(a.subarray(0, Math.min(a.length, b.length)));
  return b;
}

/**
 * The first n values, without a copy when little capacity is unused (at most 1/16: the buffer was
 * sized from an estimate); copying a million-row column would double its memory for a moment.
 */
function trim64(a: Float64Array, n: number): Float64Array {
  return a.length - n <= n >> 4 ? a.subarray(0, n) : a.slice(0, n);
}

/**
 * Decide from a sample of cells whether a column is numeric: at least 90% of its non-missing
 * cells parse as numbers (an all-missing column counts as numeric: all NaN).
 */
export function looksNumeric(cells: string[], decimalComma: boolean): boolean {
  let nonMissing = 0;
  let ok = 0;
  for (const c of cells) {
    if (isMissingToken(c)) continue;
    nonMissing++;
    if (!Number.isNaN(parseNumber(c, decimalComma))) ok++;
  }
  return nonMissing === 0 || ok >= 0.9 * nonMissing;
}
