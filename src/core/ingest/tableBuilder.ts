/**
 * The row sink that turns tokenized rows into typed columns and keeps the accounting:
 * preamble rows above the header, header handling, ragged rows (short ones padded with missing
 * cells, long ones skipped), empty rows, column typing from a sample, unparseable cells.
 */
import type { Table } from '../data/table';
import { looksNumeric, NumberBuilder, StringBuilder, type ColumnBuilder } from './builders';
import { FastRows } from './fastRows';
import type { RowSink, RowView } from './rowView';
import { toCsvLine } from './csvLine';
import type { HeaderLayout } from './headerRow';
import { readHeader } from './headerNames';
import { IngestError, MAX_REPORTED, type CellIssue, type SkippedRow } from './types';

export { headerNames } from './headerNames';

/** How the builder reads rows: the dialect's delimiter and quote, decimal commas, the header. */
export interface TableBuilderOptions {
  delimiter: string;
  /** '"', "'" or '' (none): the fast path must know which character opens a quoted field. */
  quote: string;
  decimalComma: boolean;
  /** undefined: detect (a first row of only numbers is data). */
  hasHeader: boolean | undefined;
  /** Where the header is (rows above it are preamble) and how to fix its width; default line 1. */
  header?: HeaderLayout;
}

/** Rows buffered as strings before each column's storage (number or string) is chosen. */
const SAMPLE_ROWS = 1000;

export class TableBuilder implements RowSink {
  names: string[] | null = null;
  rowsRead = 0;
  rowsKept = 0;
  rowsSkipped = 0;
  skipped: SkippedRow[] = [];
  blankLines = 0;
  trailingEmptyRows = 0;
  private sample: string[][] = [];
  private sampleLines: number[] = [];
  builders: ColumnBuilder[] | null = null;
  /** The fast row reader (set once the column kinds are chosen); the tokenizer calls it. */
  fast: FastRows | null = null;
  /** Rows to make room for once the kinds are chosen (reserve()). */
  private reserved = 0;
  private converted: string[] = [];
  private notices: string[] = [];
  private readonly delimiter: string;
  private readonly decimalComma: boolean;
  /** Data rows padded with missing cells, and the lines of the first few. */
  rowsPadded = 0;
  private paddedLines: number[] = [];
  /** Rows above the header line (preamble) and the first of their lines. */
  private preambleRows = 0;
  private preambleFrom = 0;

  constructor(private readonly opts: TableBuilderOptions) {
    this.delimiter = opts.delimiter;
    this.decimalComma = opts.decimalComma;
  }

  row(view: RowView, line: number): void {
    const count = view.count;
    const blank = count === 1 && view.blank(0);
    if (this.names === null) {
      if (blank) return;
      if (line < (this.opts.header?.headerLine ?? 0)) {
        this.preamble(line);
        return;
      }
      const h = readHeader(view.toArray(), this.opts, this.notices);
      this.names = h.names;
      if (h.hasHeader) return;
    }
    if (blank) {
      this.blankLines++;
      return;
    }
    this.rowsRead++;
    const ncol = this.names.length;
    let padded = false;
    if (count < ncol) {
      // A short row keeps its cells; the ones it lacks are missing (counted and reported, not dropped).
      for (let k = count; k < ncol; k++) view.add(0, 0, '');
      padded = true;
    } else if (count > ncol) {
      let extrasEmpty = true;
      for (let k = ncol; k < count && extrasEmpty; k++) if (!view.blank(k)) extrasEmpty = false;
      if (!extrasEmpty) {
        this.skip(view.toArray(), line, `expected ${ncol} fields, found ${count}`);
        return;
      }
      this.trailingEmptyRows++;
    }
    let empty = true;
    for (let k = 0; k < ncol && empty; k++) if (!view.blank(k)) empty = false;
    if (empty) {
      this.skip(view.toArray().slice(0, count), line, 'every cell is empty');
      return;
    }
    if (padded) {
      this.rowsPadded++;
      if (this.paddedLines.length < 5) this.paddedLines.push(line);
    }
    this.rowsKept++;
    if (this.builders === null) {
      this.sample.push(view.toArray().slice(0, ncol));
      this.sampleLines.push(line);
      if (this.sample.length >= SAMPLE_ROWS) this.decide();
      return;
    }
    this.append(view, line);
  }

  badRow(fields: string[], line: number, reason: string): void {
    if (this.names === null && line < (this.opts.header?.headerLine ?? 0)) {
      this.preamble(line);
      return;
    }
    if (this.names === null)
      throw new IngestError(`The header row has an ${reason}. Fix the quotes in the first line.`);
    this.rowsRead++;
    this.skip(fields, line, reason);
  }

  private preamble(line: number): void {
    if (this.preambleRows++ === 0) this.preambleFrom = line;
  }

  private skip(fields: string[], line: number, reason: string): void {
    this.rowsSkipped++;
    if (this.skipped.length < MAX_REPORTED)
      this.skipped.push({ line, reason, raw: toCsvLine(fields, this.delimiter) });
  }

  private append(view: RowView, line: number): void {
    const b = this.builders!;
    const s = view.s;
    const strs = view.strs;
    for (let k = 0; k < b.length; k++) {
      const cb = b[k]!;
      if (cb.kind === 'number') {
        const o = strs[k];
        if (o == null) cb.pushRange(s, view.starts[k]!, view.ends[k]!, line);
        else cb.push(o, line);
        // Bound memory: a "numeric" column that keeps failing is really text.
        if (cb.failures.length > 1000 && cb.shouldBecomeString()) this.toText(k);
      } else {
        const o = strs[k];
        if (o == null) cb.pushRange(s, view.starts[k]!, view.ends[k]!);
        else cb.push(o);
      }
    }
  }

  private appendStrings(fields: string[], line: number): void {
    const b = this.builders!;
    for (let k = 0; k < b.length; k++) {
      const cb = b[k]!;
      if (cb.kind === 'number') cb.push(fields[k]!, line);
      else cb.push(fields[k]!);
    }
  }

  private toText(k: number): void {
    const cb = this.builders![k]!;
    if (cb.kind === 'number') {
      this.builders![k] = cb.toStringBuilder();
      this.converted.push(this.names![k]!);
      this.fast?.refresh();
    }
  }

  /** Size the column buffers for about `rows` rows (an estimate from the file size; may be exceeded). */
  reserve(rows: number): void {
    this.reserved = Math.max(this.reserved, Math.ceil(rows));
    if (this.builders) for (const b of this.builders) b.reserve(this.reserved);
  }

  /** True once the column kinds are chosen (reserve() then sizes the buffers at once). */
  get typed(): boolean {
    return this.builders !== null;
  }

  /** Choose number or string storage per column from the buffered sample, then replay it. */
  private decide(): void {
    const names = this.names!;
    this.builders = names.map((_, k) => {
      const cells = this.sample.map((r) => r[k]!);
      return looksNumeric(cells, this.decimalComma)
        ? new NumberBuilder(this.decimalComma)
        : new StringBuilder();
    });
    if (this.reserved) for (const b of this.builders) b.reserve(this.reserved);
    const sample = this.sample;
    const lines = this.sampleLines;
    this.sample = [];
    this.sampleLines = [];
    for (let r = 0; r < sample.length; r++) this.appendStrings(sample[r]!, lines[r]!);
    const q = this.opts.quote === '' ? -1 : this.opts.quote.charCodeAt(0);
    this.fast = new FastRows(this, this.delimiter.charCodeAt(0), this.decimalComma, q);
  }

  /** Close the table: final type fixes and the cell-issue list (sorted by line). */
  finish(): { table: Table; cellIssues: CellIssue[]; cellIssueCount: number; warnings: string[] } {
    if (this.names === null) {
      throw new IngestError(
        'The file is empty: no header row and no data. Choose a CSV file with a header row and at least one row of data.',
      );
    }
    if (this.builders === null) this.decide();
    const names = this.names;
    const builders = this.builders!;
    builders.forEach((b, k) => {
      if (b.kind === 'number' && b.shouldBecomeString()) this.toText(k);
    });
    let issues: CellIssue[] = [];
    let cellIssueCount = 0;
    builders.forEach((b, k) => {
      if (b.kind !== 'number') return;
      cellIssueCount += b.failures.length;
      for (const f of b.failures) {
        if (issues.length >= MAX_REPORTED * 4) break;
        issues.push({
          line: f.line,
          column: names[k]!,
          value: f.raw,
          reason: 'not a number; stored as missing',
        });
      }
    });
    issues = issues.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED);
    const warnings: string[] = [];
    const headerLine = this.opts.header?.headerLine ?? 1;
    if (this.preambleRows)
      warnings.push(
        `Lines ${this.preambleFrom} to ${headerLine - 1} above the header were skipped (a title, notes or empty filler, not part of the table); the header is line ${headerLine}.`,
      );
    warnings.push(...this.notices);
    if (this.rowsPadded)
      warnings.push(
        `${this.rowsPadded} rows had fewer fields than the header (lines ${this.paddedLines.join(', ')}${this.rowsPadded > this.paddedLines.length ? ', ...' : ''}); they were kept and their missing fields left empty.`,
      );
    for (const n of this.converted)
      warnings.push(
        `Column "${n}" looked numeric at first but has many non-numeric values; it is kept as text.`,
      );
    if (this.trailingEmptyRows)
      warnings.push(`${this.trailingEmptyRows} rows had extra empty fields at the end; they were ignored.`);
    if (this.blankLines) warnings.push(`${this.blankLines} blank lines were ignored.`);
    const columns = builders.map((b, k) => b.finish(names[k]!));
    return { table: { rowCount: this.rowsKept, columns }, cellIssues: issues, cellIssueCount, warnings };
  }
}
