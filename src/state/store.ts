/**
 * The app's one store (zustand), made of slices: base (errors, hydrate), dataset, setup, run,
 * results, data preparation (under `prep`) and audio (under `audio`). The only layer that calls
 * the worker clients, which are injected (deps.ts) so that each slice is tested with a fake.
 */
import { create } from 'zustand';
import { liveDeps, type Deps } from './deps';
import { createAudioSlice } from './slices/audio';
import { createBaseSlice } from './slices/base';
import { createDataPrepSlice } from './slices/dataPrep';
import { createDatasetSlice } from './slices/dataset';
import { createDeploySlice } from './slices/deploy';
import { createResultsSlice } from './slices/results';
import { createRunSlice } from './slices/run';
import { createSetupSlice } from './slices/setup';
import type { AppState } from './types';

export type * from './types';
export { SAMPLE_URL } from './deps';
export { defaultSplit, defaultTrain } from './slices/defaults';

/** A store over the given worker clients and persistence (the app uses liveDeps; tests pass fakes). */
export function createAppStore(deps: Deps) {
  return create<AppState>()((set, get) => ({
    ...createBaseSlice(set, get, deps),
    ...createDatasetSlice(set, get, deps),
    ...createSetupSlice(set, get, deps),
    ...createRunSlice(set, get, deps),
    ...createResultsSlice(set, get, deps),
    ...createDeploySlice(set, get, deps),
    ...createDataPrepSlice(set, get, deps),
    ...createAudioSlice(set, get, deps),
  }));
}

export const useStore = createAppStore(liveDeps);
