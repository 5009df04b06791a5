/**
 * A resumable RFC 4180 tokenizer: feed it text in pieces of any size (chunk boundaries may fall
 * anywhere, even inside a quoted field or between \r and \n) and it calls the sink once per row.
 *
 * Why not papaparse: we need the physical line number of every row (reports say "line 812"),
 * recovery from an unterminated quote (the rest of the file is not swallowed into one cell), and
 * fields handed over as [start, end) offsets into the chunk, so numeric cells are parsed in place
 * without allocating a string per cell (18 million cells in a big file).
 *
 * The quote character is a parameter (double quote, single quote, or none: code -1 never matches);
 * escapes are doubled quotes. Backslash escapes are read by EscapeTokenizer (escapeTokenizer.ts),
 * a slower char-by-char reader, so this hot loop carries no escape test. makeTokenizer picks one.
 */
import type { Dialect } from './types';
import { RowView, type RowSink, type Tokenizer } from './rowView';
import { EscapeTokenizer } from './escapeTokenizer';

export { RowView, type FastRowReader, type RowSink, type Tokenizer } from './rowView';
export { toCsvLine } from './csvLine';

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
const AFTER_QUOTE = 4;

/** The RFC 4180 tokenizer (doubled-quote escapes; the quote character is a parameter). */
export class CsvTokenizer implements Tokenizer {
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

  /** The quote as a string for indexOf (unused when quote is -1: no quoting). */
  private readonly quoteStr: string;

  /** `delim`, `quote`: character codes (quote -1: fields are never quoted). `startLine`: of the first row. */
  constructor(
    private readonly delim: number,
    private readonly sink: RowSink,
    startLine = 1,
    private readonly quote = 34,
  ) {
    this.line = startLine;
    this.rowLine = startLine;
    this.quoteStr = quote < 0 ? '' : String.fromCharCode(quote);
  }

  /** Feed the next piece of text. */
  push(s: string): void {
    const len = s.length;
    const d = this.delim;
    const q = this.quote;
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
        const j = s.indexOf(this.quoteStr, i);
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
        if (s.charCodeAt(j + 1) === q) {
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
        if (s.charCodeAt(i) === q) {
          this.partial += this.quoteStr;
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
      if (state === FIELD_START && s.charCodeAt(i) === q) {
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

/**
 * The tokenizer for `dialect`: CsvTokenizer (doubled-quote escapes, the fast one) or, for backslash
 * escapes, EscapeTokenizer. `startLine`: the line number of the first row (after skipped front matter).
 */
export function makeTokenizer(dialect: Dialect, sink: RowSink, startLine = 1): Tokenizer {
  const d = dialect.delimiter.charCodeAt(0);
  const q = dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0);
  if (dialect.escape === '\\' && q >= 0) return new EscapeTokenizer(d, q, 92, sink, startLine);
  return new CsvTokenizer(d, sink, startLine, q);
}
