/**
 * What the store's slices need from outside: the worker clients and persistence. Injected, so
 * each slice is unit-tested with a fake client (no Worker, no IndexedDB).
 */
import * as client from '../workers/client';
import * as prepClient from '../workers/prepClient';
import { load, remove, save } from './persist';

export interface Deps {
  client: Pick<
    typeof client,
    | 'ingestFiles'
    | 'profileTable'
    | 'listModels'
    | 'trainModel'
    | 'biasFor'
    | 'modelCard'
    | 'experimentJson'
    | 'openExperiment'
    | 'summarizeModel'
    | 'exportBundle'
    | 'dropModel'
    | 'importBundle'
    | 'deployedModel'
    | 'predictTable'
    | 'readTable'
  > & { CancelledError: typeof client.CancelledError; SetupError: typeof client.SetupError };
  prep: Pick<typeof prepClient, 'scanDuplicates' | 'dedupeTable' | 'skippedRowsCsv'>;
  persist: { save: typeof save; load: typeof load; remove: typeof remove };
  /** Fetch the built-in sample (a URL fetch in the app; a file read in tests). */
  fetchSample(): Promise<Blob>;
}

export const SAMPLE_URL = `${import.meta.env?.BASE_URL ?? '/'}samples/top_hits_2000_2019.csv`;
export const SAMPLE_NAME = 'top_hits_2000_2019.csv';

export const liveDeps: Deps = {
  client,
  prep: prepClient,
  persist: { save, load, remove },
  async fetchSample() {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) throw new Error(`The sample could not be fetched (HTTP ${res.status}).`);
    return res.blob();
  },
};

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
