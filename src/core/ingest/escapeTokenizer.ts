/**
 * A resumable tokenizer for files whose quoted fields escape with a backslash (`"8\'9\" rod"`, as
 * MySQL and PHP write them): inside quotes, the escape character makes the next character literal
 * (the escape itself is dropped), and doubled quotes still read as one quote. Outside quotes a
 * backslash is ordinary text, so Windows paths in unquoted cells survive.
 *
 * Same contract as CsvTokenizer (rows with 1-based physical line numbers, chunk boundaries anywhere,
 * recovery from an unterminated quote) but char by char and with every field as a string: such
 * files are rare, so this keeps the escape test out of CsvTokenizer's hot loop.
 */
import { RowView, type RowSink, type Tokenizer } from './rowView';

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTED_ESCAPE = 3;
const QUOTE_SEEN = 4;

/** The tokenizer for backslash escapes inside quoted fields (see the file comment). */
export class EscapeTokenizer implements Tokenizer {
  private view = new RowView();
  /** The current field's text so far (escapes resolved). */
  private field = '';
  /** Raw text since the opening quote of the current quoted field (for unterminated-quote recovery). */
  private raw = '';
  private state = FIELD_START;
  private line: number;
  private rowLine: number;
  private quoteLine = 0;
  private pendingCR = false;
  strayQuoteLines: number[] = [];
  strayQuoteCount = 0;

  /** Character codes of the delimiter, quote and escape; `startLine`: the line of the first row. */
  constructor(
    private readonly delim: number,
    private readonly quote: number,
    private readonly escape: number,
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
    const q = this.quote;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (len > 0 && s.charCodeAt(0) === 10) i = 1;
    }
    let state = this.state;
    let from = i;
    let rawFrom = i;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (state === QUOTED) {
        if (c === this.escape || c === q) {
          this.field += s.slice(from, i);
          state = c === q ? QUOTE_SEEN : QUOTED_ESCAPE;
          from = i + 1;
        } else if (c === 10) this.line++;
        i++;
        continue;
      }
      if (state === QUOTED_ESCAPE) {
        if (c === 10) this.line++;
        this.field += s[i];
        i++;
        from = i;
        state = QUOTED;
        continue;
      }
      if (state === QUOTE_SEEN) {
        if (c === q) {
          // A doubled quote inside the quoted field.
          this.field += s[i];
          i++;
          from = i;
          state = QUOTED;
          continue;
        }
        this.raw = '';
        if (c !== d && c !== 10 && c !== 13) {
          // `"abc"def`: keep the text (as CsvTokenizer does), note the line.
          this.strayQuoteCount++;
          if (this.strayQuoteLines.length < 20) this.strayQuoteLines.push(this.line);
          state = UNQUOTED;
          from = i;
          continue;
        }
        state = UNQUOTED;
        from = i;
      }
      if (state === FIELD_START && c === q) {
        state = QUOTED;
        this.quoteLine = this.line;
        i++;
        from = i;
        rawFrom = i;
        this.raw = '';
        continue;
      }
      // FIELD_START or UNQUOTED: read to the delimiter or the end of the line.
      state = UNQUOTED;
      if (c === d || c === 10 || c === 13) {
        this.endField(s.slice(from, i));
        state = FIELD_START;
        if (c === d) i++;
        else {
          i = this.newline(s, i);
          this.emit();
        }
        from = i;
        continue;
      }
      i++;
    }
    if (state === QUOTED || state === UNQUOTED) this.field += s.slice(from, len);
    if (state === QUOTED || state === QUOTED_ESCAPE || state === QUOTE_SEEN) this.raw += s.slice(rawFrom);
    this.state = state;
  }

  /** Signal end of input: flushes the last row; recovers from an unterminated quote. */
  finish(): void {
    const state = this.state;
    if (state === QUOTED || state === QUOTED_ESCAPE) {
      // Unterminated quote: report the row up to the end of the quote's first line as bad, then
      // re-read everything after that line as ordinary rows (as CsvTokenizer does).
      const text = this.raw;
      const nl = text.indexOf('\n');
      const fields = this.view.toArray();
      fields.push((nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, ''));
      this.sink.badRow(fields, this.rowLine, `unterminated quote (opened on line ${this.quoteLine})`);
      const rest = nl < 0 ? '' : text.slice(nl + 1);
      this.reset(this.quoteLine + 1);
      if (rest) this.push(rest);
      this.finish();
      return;
    }
    if (state === FIELD_START && this.view.count === 0) return;
    this.endField('');
    this.sink.row(this.view, this.rowLine);
    this.reset(this.line);
  }

  private endField(tail: string): void {
    this.view.add(0, 0, this.field + tail);
    this.field = '';
  }

  private emit(): void {
    this.sink.row(this.view, this.rowLine);
    this.view.count = 0;
    this.rowLine = this.line;
  }

  private reset(line: number): void {
    this.view.count = 0;
    this.field = '';
    this.raw = '';
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
}
