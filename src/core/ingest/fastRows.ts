/**
 * The fast path of the streaming parse. Once every column's storage is chosen (after the sample),
 * plain rows, which are nearly all rows of a real file, are scanned once: numeric cells are parsed
 * and text cells hashed during the same character scan that finds the delimiters, and the results go
 * straight into the column builders (no field offsets, no second pass, no substring per cell).
 *
 * It handles unquoted cells and quoted cells without "" escapes or line breaks. Anything else (an
 * escaped quote, a quoted line break, a ragged or empty row, a cell that is not a number in a numeric
 * column, a row cut by the chunk edge) makes it stop at the start of that row; the general tokenizer
 * and TableBuilder.row then read the row, so results (values, accounting, line numbers) are identical
 * to the general path, which the tests check on random inputs.
 */
import { FNV_BASIS, FNV_PRIME, type ColumnBuilder, type StringBuilder } from './builders';
import { isMissingToken, parseNumberRange } from './numbers';

/** Test hook: false turns the fast path off, so tests can compare both paths. */
export const fastPathSwitch = { enabled: true };

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const NUM = 1;
const STR = 2;
/** Rows whose text cells are looked up together (see StringBuilder.pushBatch). */
const BATCH = 64;

/** What the fast path writes to: the TableBuilder (its builders and row counts). */
export interface FastRowTarget {
  builders: ColumnBuilder[] | null;
  rowsRead: number;
  rowsKept: number;
}

export class FastRows {
  /** Rows (each exactly one line) read by the last rows() call. */
  lastRows = 0;
  private kinds: Uint8Array;
  private readonly num: Float64Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly hash: Int32Array;
  /** Text cells of the rows not yet handed to their builders: column k's are at [k * BATCH, ...). */
  private readonly bFrom: Int32Array;
  private readonly bTo: Int32Array;
  private readonly bHash: Int32Array;
  private pending = 0;
  private strCols = new Int32Array(0);
  private readonly dec: number;
  private readonly usable: boolean;
  /** After a row it cannot read: how many row starts to leave to the general path. */
  private skip = 0;
  private backoff = 1;

  constructor(
    private readonly target: FastRowTarget,
    private readonly delim: number,
    private readonly decimalComma: boolean,
    /** The quote's character code ('"' by default; -1: the dialect has no quoting). */
    private readonly quote = 34,
  ) {
    const ncol = target.builders!.length;
    this.kinds = new Uint8Array(ncol);
    this.num = new Float64Array(ncol);
    this.from = new Int32Array(ncol);
    this.to = new Int32Array(ncol);
    this.hash = new Int32Array(ncol);
    this.bFrom = new Int32Array(ncol * BATCH);
    this.bTo = new Int32Array(ncol * BATCH);
    this.bHash = new Int32Array(ncol * BATCH);
    this.dec = decimalComma ? 44 : 46;
    // One column: a blank line is not a row there, which this path does not model. A delimiter equal to
    // the decimal mark or a quote cannot be scanned this way either.
    this.usable = ncol >= 2 && delim !== this.dec && delim !== quote && delim !== 10 && delim !== 13;
    this.refresh();
  }

  /** Re-read the column kinds (after a numeric column was turned into text). */
  refresh(): void {
    const b = this.target.builders!;
    const str: number[] = [];
    for (let k = 0; k < b.length; k++) {
      this.kinds[k] = b[k]!.kind === 'number' ? NUM : STR;
      if (this.kinds[k] === STR) str.push(k);
    }
    this.strCols = Int32Array.from(str);
  }

  /**
   * Read whole rows of `s` from `i` (a row start) while they are plain; returns the index after the
   * last row read (`i` when none). Sets lastRows.
   */
  rows(s: string, i: number, len: number): number {
    this.lastRows = 0;
    if (!this.usable || !fastPathSwitch.enabled) return i;
    if (this.skip > 0) {
      this.skip--;
      return i;
    }
    const builders = this.target.builders!;
    const ncol = builders.length;
    const last = ncol - 1;
    const kinds = this.kinds;
    const num = this.num;
    const from = this.from;
    const to = this.to;
    const hash = this.hash;
    const d = this.delim;
    const q = this.quote;
    const dec = this.dec;
    const strCols = this.strCols;
    const bFrom = this.bFrom;
    const bTo = this.bTo;
    const bHash = this.bHash;
    let rows = 0;
    while (i < len) {
      const start = i;
      let content = false;
      let ok = true;
      for (let k = 0; k < ncol; k++) {
        if (i >= len) {
          ok = false;
          break;
        }
        let c = s.charCodeAt(i);
        let a = i;
        if (c === q) {
          // Quoted: find the closing quote; "" escapes and line breaks are left to the general path.
          a = i + 1;
          let h = FNV_BASIS;
          let j = a;
          for (; j < len; j++) {
            c = s.charCodeAt(j);
            if (c === q || c === 10 || c === 13) break;
            h = Math.imul(h ^ c, FNV_PRIME);
          }
          if (j + 1 >= len || c !== q) {
            ok = false;
            break;
          }
          c = s.charCodeAt(j + 1);
          if (c === q) {
            ok = false;
            break;
          }
          const b = j;
          i = j + 1;
          if (kinds[k] === NUM) {
            const v = parseNumberRange(s, a, b, this.decimalComma);
            if (v !== v && b > a && !isMissingToken(s.slice(a, b))) {
              ok = false;
              break;
            }
            num[k] = v;
            if (!content && (v === v || !isBlank(s, a, b))) content = true;
          } else {
            from[k] = a;
            to[k] = b;
            hash[k] = h;
            if (!content && b > a && !isBlank(s, a, b)) content = true;
          }
        } else if (kinds[k] === NUM) {
          // Plain decimals (sign, digits, one decimal mark, at most 15 digits) are parsed right here,
          // exactly as parseNumberRange would; anything else is parsed by it.
          let neg = false;
          if (c === 45) {
            neg = true;
            i++;
          } else if (c === 43) i++;
          let mant = 0;
          let nd = 0;
          let frac = 0;
          let sawDec = false;
          for (; i < len; i++) {
            c = s.charCodeAt(i);
            if (c >= 48 && c <= 57) {
              mant = mant * 10 + (c - 48);
              nd++;
              if (sawDec) frac++;
            } else if (c === dec && !sawDec) sawDec = true;
            else break;
          }
          if (i >= len) {
            ok = false;
            break;
          }
          let v: number;
          if ((c === d || c === 10 || c === 13) && nd > 0 && nd <= 15) {
            v = frac ? mant / POW10[frac]! : mant;
            if (neg) v = -v;
            content = true;
          } else if (i === a && (c === d || c === 10 || c === 13)) {
            v = NaN; // empty cell: missing
          } else {
            for (; i < len; i++) {
              c = s.charCodeAt(i);
              if (c === d || c === 10 || c === 13) break;
            }
            if (i >= len) {
              ok = false;
              break;
            }
            v = parseNumberRange(s, a, i, this.decimalComma);
            if (v !== v && !isMissingToken(s.slice(a, i))) {
              ok = false; // a failure: the general path records it with its line
              break;
            }
            if (!content && (v === v || !isBlank(s, a, i))) content = true;
          }
          num[k] = v;
        } else {
          let h = FNV_BASIS;
          for (; i < len; i++) {
            c = s.charCodeAt(i);
            if (c === d || c === 10 || c === 13) break;
            h = Math.imul(h ^ c, FNV_PRIME);
          }
          if (i >= len) {
            ok = false;
            break;
          }
          from[k] = a;
          to[k] = i;
          hash[k] = h;
          if (!content && i > a && !isBlank(s, a, i)) content = true;
        }
        // s[i] (= c) ends the cell: a delimiter before the last column, a line break after it.
        if (k < last) {
          if (c !== d) {
            ok = false;
            break;
          }
          i++;
        } else if (c === 10) i++;
        else if (c === 13) {
          if (i + 1 >= len) {
            ok = false; // "\r" at the chunk edge: the general path remembers it
            break;
          }
          i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else ok = false;
      }
      if (!ok || !content) {
        i = start;
        break;
      }
      for (let k = 0; k < ncol; k++) {
        const cb = builders[k]!;
        if (cb.kind === 'number') {
          // NumberBuilder.pushValue, inlined (browsers did not inline it here).
          const v = num[k]!;
          if (cb.n === cb.values.length) cb.pushValue(v);
          else {
            if (v === v) cb.nonMissing++;
            cb.values[cb.n++] = v;
          }
        }
      }
      // Text cells wait for the batch (their builders look a batch up at once).
      const p = this.pending++;
      for (let q = 0; q < strCols.length; q++) {
        const k = strCols[q]!;
        const at = k * BATCH + p;
        bFrom[at] = from[k]!;
        bTo[at] = to[k]!;
        bHash[at] = hash[k]!;
      }
      if (p + 1 === BATCH) this.flush(s);
      rows++;
    }
    this.flush(s);
    if (rows === 0 && i < len) {
      // The first row was not plain: leave a few rows to the general path before trying again.
      this.skip = this.backoff;
      this.backoff = Math.min(256, this.backoff * 2);
    } else if (rows > 0) this.backoff = 1;
    this.lastRows = rows;
    this.target.rowsRead += rows;
    this.target.rowsKept += rows;
    return i;
  }

  /** Hand the pending rows' text cells (offsets into `s`) to their builders. */
  private flush(s: string): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    const builders = this.target.builders!;
    for (let q = 0; q < this.strCols.length; q++) {
      const k = this.strCols[q]!;
      (builders[k] as StringBuilder).pushBatch(s, this.bFrom, this.bTo, this.bHash, k * BATCH, n);
    }
  }
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}
