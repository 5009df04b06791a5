/** The base slice: errors shown next to their controls, and restoring the session after a reload. */
import type { ActiveRun, BaseSlice, Run, RunResult, Setup, SliceCreator } from '../types';
import type { LoadedDataset } from '../../workers/protocol';
import { message } from '../deps';
import { initialSetup } from './defaults';

export const createBaseSlice: SliceCreator<BaseSlice> = (set, get, deps) => ({
  errors: {},
  hydrated: false,

  setError(field, msg) {
    set((s) => {
      const errors = { ...s.errors };
      if (msg === undefined) delete errors[field];
      else errors[field] = msg;
      return { errors };
    });
  },

  async hydrate() {
    const { load, remove } = deps.persist;
    const [dataset, setup, result, runs] = await Promise.all([
      load<LoadedDataset>('dataset'),
      load<Setup>('setup'),
      load<RunResult>('result'),
      load<Run[]>('runs'),
    ]);
    // Records of an older shape (before ExperimentConfig) have no config: they are dropped, not misread.
    const current = (runs ?? []).filter((r) => r && typeof r === 'object' && 'config' in r);
    set({
      dataset,
      runs: current,
      setup: setup ? { ...initialSetup, ...setup } : initialSetup,
      result: result && 'config' in result ? result : undefined,
      hydrated: true,
    });
    const active = await load<ActiveRun>('activeRun');
    if (active && dataset) void get().startTraining(active);
    else if (active) void remove('activeRun');
    void get().refreshDeployed();
    deps.client
      .listModels()
      .then((models) => set({ models }))
      .catch((e: unknown) => get().setError('model', `Could not list models: ${message(e)}`));
  },
});
