/**
 * Everything decided once from the head of a file (the first 64 K characters, never the whole file):
 * YAML front matter to skip, the dialect, decimal commas, and the header row's line and shape.
 * The streaming parse then reads the whole file with these settings.
 */
import { detectDecimalComma, detectDialect, sampleLines } from './dialect';
import { frontMatter, frontMatterNotice } from './frontMatter';
import { findHeader, layoutAt, type HeaderLayout } from './headerRow';
import type { Dialect, IngestOptions } from './types';

/** Rows of the head used for the header and decimal-comma decisions. */
const SAMPLE_ROWS = 200;

/** The settings of one file's parse. */
export interface HeadSniff {
  dialect: Dialect;
  decimalComma: boolean;
  /** Characters of the head to skip (front matter) and the line number of the text after them. */
  skipChars: number;
  startLine: number;
  header: HeaderLayout;
  /** Notices for the report's warnings (front matter skipped). */
  notices: string[];
}

/**
 * Sniff `head` (BOM removed). `complete`: the head is the whole file (else its last line may be cut
 * and is left out of the sample). Options force the delimiter, quote, escape or header line.
 */
export function sniffHead(head: string, complete: boolean, opts: IngestOptions = {}): HeadSniff {
  const fm = frontMatter(head);
  const text = fm ? head.slice(fm.chars) : head;
  const startLine = fm ? fm.lines + 1 : 1;
  const forced: Partial<Dialect> = {
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    ...(opts.quote !== undefined ? { quote: opts.quote } : {}),
    ...(opts.escape !== undefined ? { escape: opts.escape } : {}),
  };
  const dialect = detectDialect(text, forced, complete);
  const rows = sampleLines(text, dialect, SAMPLE_ROWS, startLine, complete);
  let header: HeaderLayout;
  if (opts.headerLine !== undefined) {
    const content = rows.filter(
      (r) => r.line >= opts.headerLine! && !(r.fields.length === 1 && r.fields[0]!.trim() === ''),
    );
    const h = content[0];
    header = h
      ? layoutAt(
          content.map((r) => r.fields),
          0,
          h.line,
        )
      : { headerLine: opts.headerLine, dataWidth: 0, fix: 'none' };
  } else header = findHeader(rows, startLine);
  const below = rows.filter(
    (r) => r.line > header.headerLine && !(r.fields.length === 1 && r.fields[0]!.trim() === ''),
  );
  if (complete && below.length === 0) header = { ...header, alone: true };
  const fromHeader = rows.filter((r) => r.line >= header.headerLine).map((r) => r.fields);
  return {
    dialect,
    decimalComma: detectDecimalComma(fromHeader, dialect.delimiter),
    skipChars: fm ? fm.chars : 0,
    startLine,
    header,
    notices: fm ? [frontMatterNotice(fm)] : [],
  };
}
