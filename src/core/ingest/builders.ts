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

/** FNV-1a offset basis and prime: the hash of text cells (also computed by the fast path while it scans). */
export const FNV_BASIS = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/**
 * Dictionary-encodes text cells. Lookups hash the cell's characters in place (FNV-1a over the chunk
 * text) in an open-addressing table, so a repeated value costs no string allocation; only a new
 * value is sliced out and stored. (A Map<string, number> needs a fresh substring per cell: ~6x slower.)
 * New entries are re-based onto one compact string per chunk (compact()), so the dictionary never
 * pins the decoded chunk texts it was sliced from.
 */
export class StringBuilder {
  readonly kind = 'string';
  codes = new Int32Array(1024);
  n = 0;
  dict: string[] = [];
  /** Open addressing, interleaved [hash, code + 1] pairs (0 = empty): one cache line per probe. */
  private table = new Int32Array(4096);
  private mask = 2047;
  private growth = 2;
  /** Dictionary entries from here on are still slices of chunk text (see compact()). */
  private fresh = 0;

  /** Make room for `rows` codes (an estimate of the final row count; avoids regrowing). */
  reserve(rows: number): void {
    if (rows > this.codes.length) this.codes = resize32(this.codes, rows);
    this.growth = 1.25;
  }

  /** Append a whole string cell. */
  push(cell: string): void {
    this.pushRange(cell, 0, cell.length);
  }

  /** Append the cell s.slice(from, to). Empty or whitespace-only cells are missing (-1). */
  pushRange(s: string, from: number, to: number): void {
    let h = FNV_BASIS;
    for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    this.pushHashed(s, from, to, h);
  }

  /** pushRange with the FNV-1a hash `h` of s[from, to) already computed. */
  pushHashed(s: string, from: number, to: number, h: number): void {
    if (this.n === this.codes.length) this.codes = resize32(this.codes, this.codes.length * this.growth);
    if (from === to || (s.charCodeAt(from) <= 32 && isBlank(s, from, to))) {
      this.codes[this.n++] = -1;
      return;
    }
    const table = this.table;
    const mask = this.mask;
    const dict = this.dict;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const code = table[2 * slot + 1]! - 1;
      if (code < 0) break;
      if (table[2 * slot] === h && sameText(dict[code]!, s, from, to)) {
        this.codes[this.n++] = code;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const code = dict.length;
    dict.push(from === 0 && to === s.length ? s : s.slice(from, to));
    table[2 * slot] = h;
    table[2 * slot + 1] = code + 1;
    this.codes[this.n++] = code;
    if ((code + 1) * 2 > mask + 1) this.rehash();
  }

  /**
   * Copy the entries added since the last call into one new string and re-point them at it. A slice
   * of a long string keeps the whole string alive (V8's sliced strings); without this, a column of
   * unique ids would pin every decoded chunk, i.e. the whole file as text. Call once per chunk.
   */
  compact(): void {
    const dict = this.dict;
    const from = this.fresh;
    if (from === dict.length) return;
    const joined = dict.slice(from).join('');
    let off = 0;
    for (let k = from; k < dict.length; k++) {
      const len = dict[k]!.length;
      dict[k] = joined.slice(off, off + len);
      off += len;
    }
    this.fresh = dict.length;
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
    this.compact();
    return { name, kind: 'string', codes: trim32(this.codes, this.n), dict: this.dict };
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

/** A copy of `s` that does not keep a larger string alive (see StringBuilder.compact). */
export function ownString(s: string): string {
  return s.length < 13 ? s : [s, ''].join('');
}

export type ColumnBuilder = NumberBuilder | StringBuilder;

function resize64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(1024, Math.ceil(size)));
  b.set(a.subarray(0, Math.min(a.length, b.length)));
  return b;
}

function resize32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(1024, Math.ceil(size)));
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

function trim32(a: Int32Array, n: number): Int32Array {
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
