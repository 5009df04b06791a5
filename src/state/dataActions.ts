/**
 * Data-panel actions: duplicate scans, dedupe before the split, the skipped-rows download and
 * re-profiling against the target (leakage flags). They call the prep and data worker clients and
 * update the app store through useStore.setState/getState; what only this panel needs (the scan,
 * the last merge) lives in the small useDataPrep store below.
 */
import { create } from 'zustand';
import type { Table } from '../core/data/table';
import * as client from '../workers/client';
import * as prep from '../workers/prepClient';
import type { DedupeOutcome, DuplicateKey, DuplicateScan } from '../workers/prepClient';
import { useStore, type RunView } from './store';
import { remove, save } from './persist';

export type { DedupeOutcome, DuplicateKey, DuplicateScan };

export interface DataPrepState {
  /** The table the scan belongs to (a scan of an older table is ignored). */
  scannedTable?: Table;
  scans: DuplicateScan[];
  scanning: boolean;
  deduping: boolean;
  /** What the last "Remove duplicates" merged (without the table). */
  lastMerge?: Omit<DedupeOutcome, 'table'>;
  /** The table lastMerge produced (a later load hides the message). */
  mergedTable?: Table;
  error?: string;
}

export const useDataPrep = create<DataPrepState>()(() => ({ scans: [], scanning: false, deduping: false }));

const idleRun: RunView = { status: 'idle', epochs: [], totalEpochs: 0, warnings: [], cancelRequested: false };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Find duplicates in the loaded table under every applicable key; a no-op when already scanned. */
export async function scanDuplicates(): Promise<void> {
  const ds = useStore.getState().dataset;
  if (!ds || useDataPrep.getState().scannedTable === ds.table) return;
  const table = ds.table;
  useDataPrep.setState({ scannedTable: table, scans: [], scanning: true, error: undefined });
  try {
    const scans = await prep.scanDuplicates(table, useStore.getState().setup.target);
    if (useDataPrep.getState().scannedTable === table) useDataPrep.setState({ scans, scanning: false });
  } catch (e) {
    if (useDataPrep.getState().scannedTable === table)
      useDataPrep.setState({ scanning: false, error: `Could not look for duplicates: ${message(e)}` });
  }
}

/**
 * Merge duplicates by `key` and make the result the dataset (before any split): re-profile it, keep
 * the set-up (same columns), drop the old result, and persist.
 */
export async function removeDuplicates(key: DuplicateKey, mode: 'first' | 'mean'): Promise<void> {
  const { dataset: ds, setup } = useStore.getState();
  if (!ds) return;
  useDataPrep.setState({ deduping: true, error: undefined });
  try {
    const { table, ...merge } = await prep.dedupeTable(ds.table, key, mode, setup.target);
    const types = useStore.getState().setup.types;
    const profiles = await client.profileTable(table, types, useStore.getState().setup.target);
    if (useStore.getState().dataset !== ds) throw new Error('The dataset changed while merging; try again.');
    // Merged rows no longer line up with per-row audio matrices: audio models need the audio re-joined.
    const next = { ...ds, table, profiles, audio: undefined };
    useStore.setState({ dataset: next, result: undefined, run: idleRun });
    useDataPrep.setState({ deduping: false, lastMerge: merge, mergedTable: table });
    await Promise.all([save('dataset', next), remove('result')]);
  } catch (e) {
    useDataPrep.setState({ deduping: false, error: `Could not remove duplicates: ${message(e)}` });
  }
}

/**
 * Re-profile with the current target so leakage suspects are flagged (and newly flagged ones leave the
 * features); ignores stale answers.
 */
export async function profileAgainstTarget(): Promise<void> {
  const { dataset: ds, setup } = useStore.getState();
  if (!ds || !setup.target) return;
  const target = setup.target;
  try {
    const profiles = await client.profileTable(ds.table, setup.types, target);
    const now = useStore.getState();
    if (now.dataset?.table !== ds.table || now.setup.target !== target || now.setup.types !== setup.types)
      return;
    const next = { ...now.dataset, profiles };
    // Newly found leakage suspects leave the features (as defaultFeatures would have done had it known the target).
    const wasLeak = new Set(now.dataset.profiles.filter((p) => p.flags.includes('leak')).map((p) => p.name));
    const leaks = new Set(
      profiles.filter((p) => p.flags.includes('leak') && !wasLeak.has(p.name)).map((p) => p.name),
    );
    const features = now.setup.features.filter((f) => !leaks.has(f));
    const setupNext = features.length === now.setup.features.length ? now.setup : { ...now.setup, features };
    useStore.setState({ dataset: next, setup: setupNext });
    void save('dataset', next);
    if (setupNext !== now.setup) void save('setup', setupNext);
  } catch (e) {
    useStore.setState((s) => ({ errors: { ...s.errors, data: message(e) } }));
  }
}

/** The skipped rows as a CSV file to download, or undefined when none were reported. */
export async function skippedRowsFile(): Promise<{ fileName: string; text: string } | undefined> {
  const ds = useStore.getState().dataset;
  if (!ds || ds.report.skipped.length === 0) return undefined;
  try {
    const text = await prep.skippedRowsCsv(
      ds.report,
      ds.table.columns.map((c) => c.name),
    );
    const base = ds.fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[^\w-]+/g, '_')
      .slice(0, 60);
    return { fileName: `skipped-rows-${base}.csv`, text };
  } catch (e) {
    useStore.setState((s) => ({ errors: { ...s.errors, file: message(e) } }));
    return undefined;
  }
}
