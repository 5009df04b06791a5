/**
 * A resumable RFC 4180 tokenizer: feed it text in pieces of any size (chunk boundaries may fall
 * anywhere, even inside a quoted field or between \r and \n) and it calls the sink once per row.
 *
 * Why not papaparse: we need the physical line number of every row (reports say "line 812"),
 * recovery from an unterminated quote (the rest of the file is not swallowed into one cell), and a
 * tight loop that hands fields straight to typed column builders.
 */

/** Receives rows. `fields` is reused between calls: copy what you keep. `line` is 1-based. */
export interface RowSink {
  row(fields: string[], count: number, line: number): void;
  /** A row that cannot be read at all (unterminated quote). */
  badRow(fields: string[], count: number, line: number, reason: string): void;
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
const AFTER_QUOTE = 4;

export class CsvTokenizer {
  private fields: string[] = [];
  private count = 0;
  private partial = '';
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

  /** The physical line the tokenizer is on (1-based). */
  get currentLine(): number {
    return this.line;
  }

  /** Feed the next piece of text. */
  push(s: string): void {
    const len = s.length;
    const d = this.delim;
    const fields = this.fields;
    let count = this.count;
    let state = this.state;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (len > 0 && s.charCodeAt(0) === 10) i = 1;
    }
    while (i < len) {
      if (state === QUOTED) {
        const j = s.indexOf('"', i);
        const end = j < 0 ? len : j;
        if (end > i) {
          const piece = s.slice(i, end);
          this.partial += piece;
          this.countNewlines(piece);
        }
        if (j < 0) break;
        i = j + 1;
        state = QUOTE_SEEN;
        continue;
      }
      if (state === QUOTE_SEEN) {
        if (s.charCodeAt(i) === 34) {
          this.partial += '"';
          i++;
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
          state = UNQUOTED;
          continue;
        }
        fields[count++] = this.partial;
        this.partial = '';
        if (c === d) {
          state = FIELD_START;
          i++;
          continue;
        }
        i = this.newline(s, i);
        this.sink.row(fields, count, this.rowLine);
        count = 0;
        this.rowLine = this.line;
        state = FIELD_START;
        continue;
      }
      if (state === FIELD_START && s.charCodeAt(i) === 34) {
        state = QUOTED;
        this.quoteLine = this.line;
        this.partial = '';
        i++;
        continue;
      }
      let j = i;
      for (; j < len; j++) {
        const c = s.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
      }
      const text = state === UNQUOTED ? this.partial + s.slice(i, j) : s.slice(i, j);
      if (j === len) {
        this.partial = text;
        state = UNQUOTED;
        break;
      }
      fields[count++] = text;
      this.partial = '';
      state = FIELD_START;
      if (s.charCodeAt(j) === d) {
        i = j + 1;
        continue;
      }
      i = this.newline(s, j);
      this.sink.row(fields, count, this.rowLine);
      count = 0;
      this.rowLine = this.line;
    }
    this.count = count;
    this.state = state;
  }

  /** Signal end of input: flushes the last row; recovers from an unterminated quote. */
  finish(): void {
    const state = this.state;
    if (state === QUOTED) {
      // Unterminated quote: report the row up to the end of the quote's first line as bad, then
      // re-read everything after that line as ordinary rows (nothing else is lost).
      const text = this.partial;
      const nl = text.indexOf('\n');
      const fields = this.fields;
      fields[this.count] = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
      this.sink.badRow(
        fields,
        this.count + 1,
        this.rowLine,
        `unterminated quote (opened on line ${this.quoteLine})`,
      );
      const rest = nl < 0 ? '' : text.slice(nl + 1);
      this.reset(this.quoteLine + 1);
      if (rest) this.push(rest);
      this.finish();
      return;
    }
    if (state === FIELD_START && this.count === 0) return;
    this.fields[this.count++] = this.partial;
    this.partial = '';
    this.sink.row(this.fields, this.count, this.rowLine);
    this.reset(this.line);
  }

  private reset(line: number): void {
    this.count = 0;
    this.partial = '';
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

  private countNewlines(piece: string): void {
    let k = piece.indexOf('\n');
    while (k >= 0) {
      this.line++;
      k = piece.indexOf('\n', k + 1);
    }
  }
}

/** Serialise fields back to one CSV line (quoting where needed), for skipped-row downloads. */
export function toCsvLine(fields: ArrayLike<string>, count: number, delimiter: string): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const f = fields[k]!;
    out.push(/["\r\n]/.test(f) || f.includes(delimiter) ? '"' + f.replace(/"/g, '""') + '"' : f);
  }
  return out.join(delimiter);
}
