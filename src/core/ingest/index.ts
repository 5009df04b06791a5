/** CSV ingest: streaming, encoding- and dialect-aware, into typed columns. See ingest.ts. */
export type {
  Dialect,
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
export { detectDialect, detectDelimiter, detectDecimalComma, DELIMITERS } from './dialect';
export { sniffHead, type HeadSniff } from './sniff';
export { detectEncoding } from './encoding';
export { toCsvLine } from './tokenizer';
export { skippedRowsCsv, neutraliseFormula, toSafeCsv, splitCsvLine } from './export';
