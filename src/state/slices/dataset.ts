/** The dataset slice: loading CSVs (streamed in the data worker), the sample, retyping, and installing any dataset. */
import type { LoadedDataset, Task } from '../../workers/protocol';
import { SAMPLE_NAME, message } from '../deps';
import type { DatasetSlice, SliceCreator } from '../types';
import { idleRun, initialSetup } from './defaults';

/** Features for a target: the recommended columns without the target itself. */
export function featuresFor(ds: LoadedDataset, target: string | undefined): string[] {
  return ds.recommendedFeatures.filter((f) => f !== target);
}

export function taskFor(ds: LoadedDataset, target: string | undefined): Task {
  const i = ds.profiles.findIndex((p) => p.name === target);
  return i >= 0 ? (ds.taskByColumn[i] ?? 'regression') : 'regression';
}

let loadAbort: AbortController | undefined;

export const createDatasetSlice: SliceCreator<DatasetSlice> = (set, get, deps) => ({
  async loadFile(file, fileName = (file as File).name ?? 'data.csv') {
    await get().loadFiles([file], [fileName]);
  },

  async loadFiles(files, names = files.map((f, i) => (f as File).name ?? `file${i + 1}.csv`)) {
    const fileName = names.join(', ');
    loadAbort?.abort();
    const abort = (loadAbort = new AbortController());
    set({ loading: { fileName, startedAt: Date.now() }, errors: {} });
    try {
      const ds = await deps.client.ingestFiles(
        files,
        names,
        (progress) => set((s) => (s.loading ? { loading: { ...s.loading, progress } } : {})),
        abort.signal,
      );
      await get().installDataset(ds);
    } catch (e) {
      const cancelled = e instanceof deps.client.CancelledError || abort.signal.aborted;
      set((s) => ({
        loading: undefined,
        errors: { ...s.errors, file: cancelled ? `Loading ${fileName} was cancelled.` : message(e) },
      }));
    }
  },

  async loadSample() {
    try {
      await get().loadFile(await deps.fetchSample(), SAMPLE_NAME);
    } catch (e) {
      get().setError('file', message(e));
    }
  },

  cancelLoad() {
    loadAbort?.abort();
  },

  async clearDataset() {
    set({ dataset: undefined, result: undefined, run: idleRun, setup: initialSetup, errors: {} });
    await Promise.all(['dataset', 'result', 'setup'].map((k) => deps.persist.remove(k)));
  },

  async setColumnType(index, type) {
    const ds = get().dataset;
    if (!ds) return;
    const types = [...get().setup.types];
    types[index] = type;
    set((s) => ({ setup: { ...s.setup, types } }));
    void deps.persist.save('setup', get().setup);
    try {
      const profiles = await deps.client.profileTable(ds.table, types, get().setup.target);
      const next = { ...ds, profiles };
      set({ dataset: next });
      void deps.persist.save('dataset', next);
    } catch (e) {
      get().setError('data', message(e));
    }
  },

  async installDataset(ds, opts = {}) {
    const current = get().setup;
    const previous = current.target;
    const target =
      opts.keepTarget && previous && ds.profiles.some((p) => p.name === previous)
        ? previous
        : ds.suggestedTarget;
    const setup = opts.keepSetup
      ? current
      : {
          ...current,
          target,
          task: taskFor(ds, target),
          hitThreshold: undefined,
          features: featuresFor(ds, target),
          types: ds.profiles.map((p) => p.type),
          specOverrides: [],
        };
    set({
      dataset: ds,
      setup,
      loading: undefined,
      result: undefined,
      extraBias: [],
      run: idleRun,
      opened: undefined,
      errors: setup.target ? {} : { target: 'No column looks like a popularity target; choose one.' },
    });
    await Promise.all([
      deps.persist.save('dataset', ds),
      deps.persist.save('setup', setup),
      deps.persist.remove('result'),
    ]);
  },
});
