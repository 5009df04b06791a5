/** The Data panel's view of the one store: data-preparation state and actions (slices/dataPrep.ts). */
import type { DataPrepState } from './slices/dataPrep';
import { useStore } from './store';

export type { DataPrepState, DedupeOutcome, DuplicateKey, DuplicateScan } from './slices/dataPrep';

/** Select from the data-preparation state (a hook, like useStore); without a selector, all of it. */
export function useDataPrep(): DataPrepState;
export function useDataPrep<T>(selector: (s: DataPrepState) => T): T;
export function useDataPrep<T>(selector?: (s: DataPrepState) => T): T | DataPrepState {
  return useStore((s) => (selector ? selector(s.prep) : s.prep));
}

export const scanDuplicates = () => useStore.getState().scanDuplicates();
export const removeDuplicates: DataActions['removeDuplicates'] = (key, mode) =>
  useStore.getState().removeDuplicates(key, mode);
export const profileAgainstTarget = () => useStore.getState().profileAgainstTarget();
export const skippedRowsFile = () => useStore.getState().skippedRowsFile();

type DataActions = import('./slices/dataPrep').DataPrepActions;
