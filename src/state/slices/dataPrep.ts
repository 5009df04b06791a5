/**
 * The data-preparation slice: duplicate scans, dedupe before the split, the skipped-rows download
 * and re-profiling against the target (leakage flags). Its own state lives under `prep`.
 */
import type { Table } from '../../core/data/table';
import type { DedupeOutcome, DuplicateKey, DuplicateScan } from '../../workers/prepClient';
import { message } from '../deps';
import type { AppState, SliceCreator } from '../types';
import { idleRun } from './defaults';

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

export interface DataPrepActions {
  /** Find duplicates in the loaded table under every applicable key; a no-op when already scanned. */
  scanDuplicates(): Promise<void>;
  /** Merge duplicates by `key` and make the result the dataset (before any split). */
  removeDuplicates(key: DuplicateKey, mode: 'first' | 'mean'): Promise<void>;
  /** Re-profile with the current target so leakage suspects are flagged (and leave the features). */
  profileAgainstTarget(): Promise<void>;
  /** The skipped rows as a CSV file to download, or undefined when none were reported. */
  skippedRowsFile(): Promise<{ fileName: string; text: string } | undefined>;
}

export const createDataPrepSlice: SliceCreator<{ prep: DataPrepState } & DataPrepActions> = (
  set,
  get,
  deps,
) => {
  const patch = (p: Partial<DataPrepState>) => set((s: AppState) => ({ prep: { ...s.prep, ...p } }));
  return {
    prep: { scans: [], scanning: false, deduping: false },

    async scanDuplicates() {
      const ds = get().dataset;
      if (!ds || get().prep.scannedTable === ds.table) return;
      const table = ds.table;
      patch({ scannedTable: table, scans: [], scanning: true, error: undefined });
      try {
        const scans = await deps.prep.scanDuplicates(table, get().setup.target);
        if (get().prep.scannedTable === table) patch({ scans, scanning: false });
      } catch (e) {
        if (get().prep.scannedTable === table)
          patch({ scanning: false, error: `Could not look for duplicates: ${message(e)}` });
      }
    },

    async removeDuplicates(key, mode) {
      const { dataset: ds, setup } = get();
      if (!ds) return;
      patch({ deduping: true, error: undefined });
      try {
        const { table, ...merge } = await deps.prep.dedupeTable(ds.table, key, mode, setup.target);
        const profiles = await deps.client.profileTable(table, get().setup.types, get().setup.target);
        if (get().dataset !== ds) throw new Error('The dataset changed while merging; try again.');
        // Merged rows no longer line up with per-row audio matrices: audio models need the audio re-joined.
        const next = { ...ds, table, profiles, audio: undefined };
        set({ dataset: next, result: undefined, run: idleRun });
        patch({ deduping: false, lastMerge: merge, mergedTable: table });
        await Promise.all([deps.persist.save('dataset', next), deps.persist.remove('result')]);
      } catch (e) {
        patch({ deduping: false, error: `Could not remove duplicates: ${message(e)}` });
      }
    },

    async profileAgainstTarget() {
      const { dataset: ds, setup } = get();
      if (!ds || !setup.target) return;
      const target = setup.target;
      try {
        const profiles = await deps.client.profileTable(ds.table, setup.types, target);
        const now = get();
        if (now.dataset?.table !== ds.table || now.setup.target !== target || now.setup.types !== setup.types)
          return;
        const next = { ...now.dataset, profiles };
        // Newly found leakage suspects leave the features (as the defaults would have, had they known the target).
        const wasLeak = new Set(
          now.dataset.profiles.filter((p) => p.flags.includes('leak')).map((p) => p.name),
        );
        const leaks = new Set(
          profiles.filter((p) => p.flags.includes('leak') && !wasLeak.has(p.name)).map((p) => p.name),
        );
        const features = now.setup.features.filter((f) => !leaks.has(f));
        const setupNext =
          features.length === now.setup.features.length ? now.setup : { ...now.setup, features };
        set({ dataset: next, setup: setupNext });
        void deps.persist.save('dataset', next);
        if (setupNext !== now.setup) void deps.persist.save('setup', setupNext);
      } catch (e) {
        get().setError('data', message(e));
      }
    },

    async skippedRowsFile() {
      const ds = get().dataset;
      if (!ds || ds.report.skipped.length === 0) return undefined;
      try {
        const text = await deps.prep.skippedRowsCsv(
          ds.report,
          ds.table.columns.map((c) => c.name),
        );
        const base = ds.fileName
          .replace(/\.[^.]+$/, '')
          .replace(/[^\w-]+/g, '_')
          .slice(0, 60);
        return { fileName: `skipped-rows-${base}.csv`, text };
      } catch (e) {
        get().setError('file', message(e));
        return undefined;
      }
    },
  };
};
