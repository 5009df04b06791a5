/**
 * Typed client of the prep worker (duplicates, dedupe, skipped-rows CSV). Like client.ts, it is the
 * only code that creates this worker; the worker is spawned lazily and kept for later calls.
 */
import * as Comlink from 'comlink';
import type { Table } from '../core/data/table';
import type { IngestReport } from '../core/ingest';
import type { DedupeOutcome, DuplicateKey, DuplicateScan, PrepApi } from './prep.api';
import { spawnPrepWorker } from './spawn';

export type { DedupeOutcome, DuplicateKey, DuplicateScan };

let api: Comlink.Remote<PrepApi> | undefined;

function prep(): Comlink.Remote<PrepApi> {
  if (!api) {
    const worker = spawnPrepWorker();
    api = Comlink.wrap<PrepApi>(worker);
  }
  return api;
}

/** Duplicate groups under every applicable key (the table is copied to the worker, not transferred). */
export function scanDuplicates(table: Table, target?: string): Promise<DuplicateScan[]> {
  return prep().scanDuplicates(table, target);
}

/** A deduplicated copy of `table` (its buffers are transferred back) and what was merged. */
export function dedupeTable(
  table: Table,
  key: DuplicateKey,
  mode: 'first' | 'mean',
  target?: string,
): Promise<DedupeOutcome> {
  return prep().dedupe(table, key, mode, target);
}

/** The skipped rows of an ingest report as CSV text. */
export function skippedRowsCsv(report: IngestReport, columns: string[]): Promise<string> {
  return prep().skippedRowsCsv(report, columns);
}
