/**
 * A resumable RFC 4180 tokenizer: feed it text in pieces of any size (chunk boundaries may fall
 * anywhere, even inside a quoted field or between \r and \n) and it calls the sink once per row.
 *
 * Why not papaparse: we need the physical line number of every row (reports say "line 812"),
 * recovery from an unterminated quote (the rest of the file is not swallowed into one cell), and
 * fields handed over as [start, end) offsets into the chunk, so numeric cells are parsed in place
 * without allocating a string per cell (18 million cells in a big file).
 */

/**
 * One row as offsets into the current chunk text `s`. Field k is `s.slice(starts[k], ends[k])`
 * unless `strs[k]` holds it (quoted with escapes, or spanning chunks). Valid only during `row()`.
 */
export class RowView {
  s = '';
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  strs: (string | null)[] = [];

  /** Field k as a string. */
  get(k: number): string {
    const o = this.strs[k];
    return o ?? this.s.slice(this.starts[k]!, this.ends[k]!);
  }

  /** True when field k is empty or only whitespace. */
  blank(k: number): boolean {
    const o = this.strs[k];
    if (o != null) return o.trim() === '';
    const s = this.s;
    for (let i = this.starts[k]!, e = this.ends[k]!; i < e; i++) if (s.charCodeAt(i) > 32) return false;
    return true;
  }

  /** All fields as strings. */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.get(k));
  }

  /** Append a field given by offsets (str null) or as a string. */
  add(start: number, end: number, str: string | null): void {
    const k = this.count++;
    if (k === this.starts.length) {
      const a = new Int32Array(k * 2);
      a.set(this.starts);
      this.starts = a;
      const b = new Int32Array(k * 2);
      b.set(this.ends);
      this.ends = b;
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.strs[k] = str;
  }

  /** Before the chunk text changes: turn offset fields into strings. */
  materialise(): void {
    for (let k = 0; k < this.count; k++)
      if (this.strs[k] == null) this.strs[k] = this.s.slice(this.starts[k]!, this.ends[k]!);
  }
}

/**
 * Optional fast reader of whole plain rows (see fastRows.ts): called at row starts with the chunk;
 * returns the index after the rows it read (each exactly one line; lastRows of them), or `i` for none.
 */
export interface FastRowReader {
  lastRows: number;
  rows(s: string, i: number, len: number): number;
}

/** Receives rows. The view is reused between calls: copy what you keep. `line` is 1-based. */
export interface RowSink {
  row(view: RowView, line: number): void;
  /** A row that cannot be read at all (unterminated quote). */
  badRow(fields: string[], line: number, reason: string): void;
  /** When set, rows it can read bypass row() (it must account for them exactly as row() would). */
  fast?: FastRowReader | null;
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
const AFTER_QUOTE = 4;

export class CsvTokenizer {
  private view = new RowView();
  /** Text of the current field carried from earlier chunks or escapes (valid when `prefixed`). */
  private partial = '';
  private prefixed = false;
  /** QUOTED: where the not-yet-copied part of the quoted field starts in the current chunk. */
  private qStart = 0;
  private state = FIELD_START;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;
  private pendingCR = false;
  /** Lines where a quote closed but text followed it before the delimiter (`"a"b`); kept as text. */
  strayQuoteLines: number[] = [];
  strayQuoteCount = 0;

  constructor(
    private readonly delim: number,
    private readonly sink: RowSink,
    startLine = 1,
  ) {
    this.line = startLine;
    this.rowLine = startLine;
  }

  /** Feed the next piece of text. */
  push(s: string): void {
    const len = s.length;
    const d = this.delim;
    const view = this.view;
    view.s = s;
    let state = this.state;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (len > 0 && s.charCodeAt(0) === 10) i = 1;
    }
    if (state === QUOTED) this.qStart = i;
    while (i < len) {
      if (state === FIELD_START && view.count === 0 && !this.prefixed) {
        const fast = this.sink.fast;
        if (fast) {
          const j = fast.rows(s, i, len);
          if (j !== i) {
            this.line += fast.lastRows;
            this.rowLine = this.line;
            i = j;
            if (i >= len) break;
          }
        }
      }
      if (state === QUOTED) {
        const j = s.indexOf('"', i);
        if (j < 0) {
          this.countNewlines(s, i, len);
          this.partial = (this.prefixed ? this.partial : '') + s.slice(this.qStart, len);
          this.prefixed = true;
          break;
        }
        this.countNewlines(s, i, j);
        if (j + 1 === len) {
          // Closing quote or the first half of an escaped "" at the chunk edge: decide next chunk.
          this.partial = (this.prefixed ? this.partial : '') + s.slice(this.qStart, j);
          this.prefixed = true;
          state = QUOTE_SEEN;
          break;
        }
        if (s.charCodeAt(j + 1) === 34) {
          this.partial = (this.prefixed ? this.partial : '') + s.slice(this.qStart, j + 1);
          this.prefixed = true;
          i = j + 2;
          this.qStart = i;
          continue;
        }
        if (this.prefixed) this.partial += s.slice(this.qStart, j);
        else {
          // Common case: the whole quoted field lies in this chunk without escapes: keep offsets.
          this.qa = this.qStart;
          this.qb = j;
        }
        i = j + 1;
        state = AFTER_QUOTE;
        continue;
      }
      if (state === QUOTE_SEEN) {
        // The previous chunk ended on a quote inside a quoted field.
        if (s.charCodeAt(i) === 34) {
          this.partial += '"';
          i++;
          this.qStart = i;
          state = QUOTED;
          continue;
        }
        state = AFTER_QUOTE;
      }
      if (state === AFTER_QUOTE) {
        const c = s.charCodeAt(i);
        if (c !== d && c !== 10 && c !== 13) {
          // `"abc"def`: keep the text, note the line (papaparse calls this InvalidQuotes).
          this.strayQuoteCount++;
          if (this.strayQuoteLines.length < 20) this.strayQuoteLines.push(this.line);
          this.partial = this.quotedText(s);
          this.prefixed = true;
          state = UNQUOTED;
          continue;
        }
        if (this.prefixed) view.add(0, 0, this.partial);
        else view.add(this.qa, this.qb, null);
        this.partial = '';
        this.prefixed = false;
        state = FIELD_START;
        if (c === d) {
          i++;
          continue;
        }
        i = this.newline(s, i);
        this.emit();
        continue;
      }
      if (state === FIELD_START && s.charCodeAt(i) === 34) {
        state = QUOTED;
        this.quoteLine = this.line;
        this.prefixed = false;
        i++;
        this.qStart = i;
        continue;
      }
      let j = i;
      for (; j < len; j++) {
        const c = s.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
      }
      if (j === len) {
        this.partial = (this.prefixed ? this.partial : '') + s.slice(i, j);
        this.prefixed = true;
        state = UNQUOTED;
        break;
      }
      if (this.prefixed) view.add(0, 0, this.partial + s.slice(i, j));
      else view.add(i, j, null);
      this.partial = '';
      this.prefixed = false;
      state = FIELD_START;
      if (s.charCodeAt(j) === d) {
        i = j + 1;
        continue;
      }
      i = this.newline(s, j);
      this.emit();
    }
    if (state === QUOTED && !this.prefixed) {
      this.partial = s.slice(this.qStart);
      this.prefixed = true;
    }
    view.materialise();
    this.state = state;
  }

  /** Offsets of the just-closed quoted field when it is kept as offsets (not `prefixed`). */
  private qa = 0;
  private qb = 0;

  /** The just-closed quoted field's text. */
  private quotedText(s: string): string {
    return this.prefixed ? this.partial : s.slice(this.qa, this.qb);
  }

  private emit(): void {
    this.sink.row(this.view, this.rowLine);
    this.view.count = 0;
    this.rowLine = this.line;
  }

  /** Signal end of input: flushes the last row; recovers from an unterminated quote. */
  finish(): void {
    const state = this.state;
    const view = this.view;
    view.s = '';
    if (state === QUOTED || state === QUOTE_SEEN) {
      if (state === QUOTE_SEEN) {
        // The file ended right after a closing quote.
        view.add(0, 0, this.partial);
        this.sink.row(view, this.rowLine);
        this.reset(this.line);
        return;
      }
      // Unterminated quote: report the row up to the end of the quote's first line as bad, then
      // re-read everything after that line as ordinary rows (nothing else is lost).
      const text = this.prefixed ? this.partial : '';
      const nl = text.indexOf('\n');
      const fields = view.toArray();
      fields.push((nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, ''));
      this.sink.badRow(fields, this.rowLine, `unterminated quote (opened on line ${this.quoteLine})`);
      const rest = nl < 0 ? '' : text.slice(nl + 1);
      this.reset(this.quoteLine + 1);
      if (rest) this.push(rest);
      this.finish();
      return;
    }
    if (state === FIELD_START && view.count === 0) return;
    view.add(0, 0, this.prefixed ? this.partial : '');
    this.sink.row(view, this.rowLine);
    this.reset(this.line);
  }

  private reset(line: number): void {
    this.view.count = 0;
    this.partial = '';
    this.prefixed = false;
    this.state = FIELD_START;
    this.line = line;
    this.rowLine = line;
    this.pendingCR = false;
  }

  /** Consume the newline at s[j] (\n, \r\n or a lone \r); returns the index after it. */
  private newline(s: string, j: number): number {
    this.line++;
    if (s.charCodeAt(j) === 13) {
      if (j + 1 === s.length) {
        this.pendingCR = true;
        return j + 1;
      }
      if (s.charCodeAt(j + 1) === 10) return j + 2;
    }
    return j + 1;
  }

  private countNewlines(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) if (s.charCodeAt(k) === 10) this.line++;
  }
}

/** Serialise fields back to one CSV line (quoting where needed), for skipped-row downloads. */
export function toCsvLine(fields: ArrayLike<string>, delimiter: string): string {
  const out: string[] = [];
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    out.push(/["\r\n]/.test(f) || f.includes(delimiter) ? '"' + f.replace(/"/g, '""') + '"' : f);
  }
  return out.join(delimiter);
}
