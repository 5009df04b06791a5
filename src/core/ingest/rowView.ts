/**
 * What every tokenizer hands its sink: a reused row view (fields as offsets into the chunk text), the
 * sink interface, and the common surface of the tokenizers (tokenizer.ts, escapeTokenizer.ts).
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

/** The surface shared by CsvTokenizer and EscapeTokenizer (see makeTokenizer in tokenizer.ts). */
export interface Tokenizer {
  /** Feed the next piece of text (chunk boundaries may fall anywhere). */
  push(s: string): void;
  /** End of input: flushes the last row; recovers from an unterminated quote. */
  finish(): void;
  /** Lines (the first 20) and count of cells with text after their closing quote (`"a"b`). */
  strayQuoteLines: number[];
  strayQuoteCount: number;
}
