/** Types of the prep worker's API (duplicates, dedupe, skipped-rows CSV). */
import type { Table } from '../../core/data/table';
import type { IngestReport } from '../../core/ingest';

/** How rows count as the same track. */
export type DuplicateKey =
  | { by: 'exact' }
  | { by: 'id'; column: string }
  /** Equal after normalising case, accents, punctuation, spacing and version asides (artist + title). */
  | { by: 'keys'; columns: string[] };

/** One way of finding duplicates and what it found. */
export interface DuplicateScan {
  key: DuplicateKey;
  /** Human label of the key, e.g. "same track_id" or "exact duplicate rows". */
  label: string;
  groupCount: number;
  duplicateRows: number;
  /** The first groups: what they share, their 0-based row indices and target values ('' when missing). */
  examples: { key: string; rows: number[]; targets: string[] }[];
}

/** What "Remove duplicates" did. */
export interface DedupeOutcome {
  table: Table;
  label: string;
  mode: 'first' | 'mean';
  removed: number;
  groupsMerged: number;
  targetAggregate?: 'mean' | 'mode';
  /** The first merged groups: shared key, rows merged into one, and the kept target value. */
  merged: { key: string; rows: number; target: string }[];
}

export interface PrepApi {
  /** Every duplicate key that applies to this table (exact, each id-like column, artist + title). */
  scanDuplicates(table: Table, target?: string): Promise<DuplicateScan[]>;
  /** Merge duplicates by `key`: keep the first row, or keep it with the group's mean target. */
  dedupe(table: Table, key: DuplicateKey, mode: 'first' | 'mean', target?: string): Promise<DedupeOutcome>;
  /** The reported skipped rows as CSV text (line, reason, raw cells). */
  skippedRowsCsv(report: IngestReport, columns: string[]): Promise<string>;
}
