/** CSV ingest: streaming, encoding- and dialect-aware, into typed columns. See ingest.ts. */
export type {
  IngestProgress,
  SkippedRow,
  CellIssue,
  IngestReport,
  IngestOptions,
  IngestResult,
} from './types';
export { IngestError, MAX_REPORTED } from './types';
export { ingestBlob, ingestBlobs, ingestBytes, ingestText } from './ingest';
export { concatTables, type ConcatOptions } from './concat';
export { parseNumber, isMissingToken } from './numbers';
export { detectDelimiter, detectDecimalComma } from './dialect';
export { detectEncoding } from './encoding';
export { toCsvLine } from './tokenizer';
export { skippedRowsCsv, neutraliseFormula } from './export';
