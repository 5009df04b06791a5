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

/**
 * Dictionary-encodes text cells. Lookups hash the cell's characters in place (FNV-1a over the chunk
 * text) in an open-addressing table, so a repeated value costs no string allocation; only a new
 * value is sliced out and stored. (A Map<string, number> needs a fresh substring per cell: ~6x slower.)
 */
export class StringBuilder {
  readonly kind = 'string';
  codes = new Int32Array(1024);
  n = 0;
  dict: string[] = [];
  /** Open addressing, interleaved [hash, code + 1] pairs (0 = empty): one cache line per probe. */
  private table = new Int32Array(4096);
  private mask = 2047;

  /** Append a whole string cell. */
  push(cell: string): void {
    this.pushRange(cell, 0, cell.length);
  }

  /** Append the cell s.slice(from, to). Empty or whitespace-only cells are missing (-1). */
  pushRange(s: string, from: number, to: number): void {
    if (this.n === this.codes.length) this.codes = grow32(this.codes);
    if (from === to || (s.charCodeAt(from) <= 32 && isBlank(s, from, to))) {
      this.codes[this.n++] = -1;
      return;
    }
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    const table = this.table;
    const mask = this.mask;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const code = table[2 * slot + 1]! - 1;
      if (code < 0) break;
      if (table[2 * slot] === h && sameText(this.dict[code]!, s, from, to)) {
        this.codes[this.n++] = code;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const code = this.dict.length;
    this.dict.push(from === 0 && to === s.length ? s : s.slice(from, to));
    table[2 * slot] = h;
    table[2 * slot + 1] = code + 1;
    this.codes[this.n++] = code;
    if ((code + 1) * 2 > mask + 1) this.rehash();
  }

  private rehash(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      const h = old[o]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = old[o + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }

  finish(name: string): Column {
    return { name, kind: 'string', codes: this.codes.slice(0, this.n), dict: this.dict };
  }
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

function sameText(a: string, s: string, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== s.charCodeAt(from + i)) return false;
  return true;
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
