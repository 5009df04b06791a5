/**
 * The row sink that turns tokenized rows into typed columns and keeps the accounting:
 * header handling, ragged rows, empty rows, column typing from a sample, unparseable cells.
 */
import type { Table } from '../data/table';
import { looksNumeric, NumberBuilder, StringBuilder, type ColumnBuilder } from './builders';
import { FastRows } from './fastRows';
import type { RowSink, RowView } from './tokenizer';
import { toCsvLine } from './tokenizer';
import { parseNumber } from './numbers';
import { IngestError, MAX_REPORTED, type CellIssue, type SkippedRow } from './types';

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
  private headerNotice = '';

  constructor(
    private readonly delimiter: string,
    private readonly decimalComma: boolean,
    /** undefined: detect (a first row of only numbers is data). */
    private readonly hasHeader: boolean | undefined,
  ) {}

  row(view: RowView, line: number): void {
    const count = view.count;
    const blank = count === 1 && view.blank(0);
    if (this.names === null) {
      if (blank) return;
      const fields = view.toArray();
      let hasHeader = this.hasHeader ?? true;
      if (
        this.hasHeader === undefined &&
        count >= 2 &&
        fields.every((f) => !Number.isNaN(parseNumber(f, this.decimalComma)))
      ) {
        // A first row of numbers is data, not names (header-less exports); say so rather than guess silently.
        hasHeader = false;
        this.headerNotice =
          'The first row holds only numbers, so it was read as data and the columns were named column_1, column_2, ...';
      }
      if (hasHeader && fields.every((f) => f.trim() === '')) {
        throw new IngestError(
          'The header row is empty (only delimiters). Put the column names in the first line of the file.',
        );
      }
      this.names = hasHeader
        ? headerNames(fields)
        : Array.from({ length: count }, (_, i) => `column_${i + 1}`);
      if (hasHeader) return;
    }
    if (blank) {
      this.blankLines++;
      return;
    }
    this.rowsRead++;
    const ncol = this.names.length;
    if (count !== ncol) {
      let extrasEmpty = count > ncol;
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
      this.skip(view.toArray(), line, 'every cell is empty');
      return;
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
    if (this.names === null)
      throw new IngestError(`The header row has an ${reason}. Fix the quotes in the first line.`);
    this.rowsRead++;
    this.skip(fields, line, reason);
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
    this.fast = new FastRows(this, this.delimiter.charCodeAt(0), this.decimalComma);
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
    const warnings: string[] = this.headerNotice ? [this.headerNotice] : [];
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

/** Header cells -> unique, non-empty column names ("" -> column_3, repeats -> name_2). */
export function headerNames(fields: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let k = 0; k < fields.length; k++) {
    let name = fields[k]!.split('\u0000').join('').trim();
    if (name === '') name = `column_${k + 1}`;
    let unique = name;
    for (let s = 2; seen.has(unique); s++) unique = `${name}_${s}`;
    seen.add(unique);
    out.push(unique);
  }
  return out;
}
