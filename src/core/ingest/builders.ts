/**
 * Growable typed column buffers that rows are appended to while a file streams in.
 * Numbers: Float64Array (NaN = missing) plus the raw text of cells that failed to parse;
 * strings: dictionary codes in an Int32Array (-1 = missing). No row objects are ever built.
 */
import type { Column } from '../data/table';
import { isMissingToken, parseNumber, parseNumberRange } from './numbers';

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

  constructor(readonly decimalComma: boolean) {}

  push(cell: string, line: number): void {
    if (this.n === this.values.length) this.values = grow64(this.values);
    let v = parseNumber(cell, this.decimalComma);
    if (v !== v) {
      if (!isMissingToken(cell)) {
        this.nonMissing++;
        this.failures.push({ row: this.n, line, raw: cell });
      }
      v = NaN;
    } else this.nonMissing++;
    this.values[this.n++] = v;
  }

  /** Parse s.slice(from, to) in place (no substring unless the cell fails). */
  pushRange(s: string, from: number, to: number, line: number): void {
    if (this.n === this.values.length) this.values = grow64(this.values);
    let v = parseNumberRange(s, from, to, this.decimalComma);
    if (v !== v) {
      if (to > from) {
        const cell = s.slice(from, to);
        if (!isMissingToken(cell)) {
          this.nonMissing++;
          this.failures.push({ row: this.n, line, raw: cell });
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
    const raw = new Map<number, string>();
    for (const f of this.failures) raw.set(f.row, f.raw);
    for (let r = 0; r < this.n; r++) {
      const v = this.values[r]!;
      sb.push(raw.get(r) ?? (v === v ? String(v) : ''));
    }
    return sb;
  }

  finish(name: string): Column {
    return { name, kind: 'number', values: this.values.slice(0, this.n) };
  }
}

export class StringBuilder {
  readonly kind = 'string';
  codes = new Int32Array(1024);
  n = 0;
  dict: string[] = [];
  private index = new Map<string, number>();

  push(cell: string): void {
    if (this.n === this.codes.length) this.codes = grow32(this.codes);
    if (cell === '' || (cell.charCodeAt(0) <= 32 && cell.trim() === '')) {
      this.codes[this.n++] = -1;
      return;
    }
    let code = this.index.get(cell);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(cell);
      this.index.set(cell, code);
    }
    this.codes[this.n++] = code;
  }

  finish(name: string): Column {
    return { name, kind: 'string', codes: this.codes.slice(0, this.n), dict: this.dict };
  }
}

export type ColumnBuilder = NumberBuilder | StringBuilder;

function grow64(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function grow32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
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
