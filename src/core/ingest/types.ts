/**
 * Public types of CSV ingest: progress events, the accounting report and the whole-file error.
 */
import type { Table } from '../data/table';

/**
 * How a CSV file is written. `quote`: '"', "'" or '' (fields are never quoted). `escape`: '' (a quote
 * inside a quoted field is doubled, RFC 4180) or '\\' (a backslash makes the next character literal).
 */
export interface Dialect {
  delimiter: string;
  quote: string;
  escape: string;
}

/** A progress event, sent about once per chunk. Bytes are of the file as stored; ms of wall clock. */
export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
}

/** A data row that was not kept. `line`: 1-based physical line in the file (header = 1). */
export interface SkippedRow {
  line: number;
  reason: string;
  /** The row re-serialised as CSV with the file's delimiter (so it can be downloaded and fixed). */
  raw: string;
}

/** A cell that could not be read as its column's type; the cell is stored as missing. */
export interface CellIssue {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** What ingest did to the file. Invariant: rowsRead === rowsKept + rowsSkipped. */
export interface IngestReport {
  encoding: string;
  encodingNotice?: string;
  delimiter: string;
  /** The quote character read ('"', "'" or '' for none); absent in reports made before it was detected. */
  quote?: string;
  /** '' (doubled quotes) or '\\' (backslash escapes). */
  escape?: string;
  /** 1-based line of the header row (after any front matter and preamble lines); absent: line 1. */
  headerLine?: number;
  /** Data rows that had fewer fields than the header and were padded with missing cells (kept). */
  rowsPadded?: number;
  decimalComma: boolean;
  rowsRead: number;
  rowsKept: number;
  rowsSkipped: number;
  /** The first MAX_REPORTED skipped rows (rowsSkipped has the full count). */
  skipped: SkippedRow[];
  /** The first MAX_REPORTED cell issues (cellIssueCount has the full count). */
  cellIssues: CellIssue[];
  cellIssueCount: number;
  warnings: string[];
}

/** Options of every ingest entry point. */
export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  /** Bytes read and decoded per step (default 4 MiB). Memory held is O(chunkBytes + the table). */
  chunkBytes?: number;
  /**
   * false: the first row is data; columns are named column_1, column_2, ... true: the first row is the
   * header. Default: the header, unless the first row is all numbers (then data, with a warning).
   */
  header?: boolean;
  /** Force a delimiter instead of detecting it. */
  delimiter?: string;
  /** Force the quote character ('"', "'", or '' for none) instead of detecting it. */
  quote?: string;
  /** Force the escape ('' = doubled quotes, '\\' = backslash) instead of detecting it. */
  escape?: string;
  /**
   * Force the header row: its 1-based physical line in the file (lines above it are skipped) instead
   * of detecting preamble lines. YAML front matter is skipped either way.
   */
  headerLine?: number;
  /** Force an encoding label understood by TextDecoder instead of detecting it. */
  encoding?: string;
  /**
   * Starts a decode worker (src/workers/decode.worker.ts) so that reading and decoding a file run on
   * another thread than the parse (ingestBlob, files of 8 MiB or more). Without it, or when the
   * worker cannot start, everything runs on the calling thread.
   */
  decodeWorker?: () => Worker;
}

/** The parsed table and its report. */
export interface IngestResult {
  table: Table;
  report: IngestReport;
}

/** A whole-file problem (empty file, no header, binary file). The message says what to do about it. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/** How many skipped rows / cell issues are kept in the report (counts are always complete). */
export const MAX_REPORTED = 1000;
