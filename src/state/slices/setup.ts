/** The set-up slice: every control of the experiment being edited, the model preview, and opening an experiment.json. */
import { message } from '../deps';
import type { SetupSlice, SliceCreator } from '../types';
import { featuresFor, taskFor } from './dataset';
import { initialSetup } from './defaults';

export const createSetupSlice: SliceCreator<SetupSlice> = (set, get, deps) => {
  const persist = () => void deps.persist.save('setup', get().setup);
  /** Change the set-up, clear the errors of `fields`, persist. */
  const edit = (
    patch: Partial<SetupSlice['setup']>,
    clear: Array<keyof ReturnType<typeof get>['errors']> = [],
  ) => {
    set((s) => {
      const errors = { ...s.errors };
      for (const f of clear) delete errors[f];
      return { setup: { ...s.setup, ...patch }, errors };
    });
    persist();
  };

  return {
    setup: initialSetup,
    models: [],

    setTarget(name) {
      const ds = get().dataset;
      if (!ds) return;
      edit(
        { target: name, task: taskFor(ds, name), hitThreshold: undefined, features: featuresFor(ds, name) },
        ['target', 'features'],
      );
    },
    setTask(task) {
      edit({ task }, ['target']);
    },
    setHitThreshold(hitThreshold) {
      edit({ hitThreshold });
    },
    toggleFeature(name, on) {
      const rest = get().setup.features.filter((f) => f !== name);
      edit({ features: on ? [...rest, name] : rest }, ['features']);
    },
    setSplit(patch) {
      edit({ split: { ...get().setup.split, ...patch } }, ['split']);
    },
    setModel(id) {
      set({ preview: undefined });
      edit({ modelId: id, modelParams: {} });
    },
    setModelParam(key, value) {
      set({ preview: undefined });
      edit({ modelParams: { ...get().setup.modelParams, [key]: value } });
    },
    setTrain(patch) {
      edit({ train: { ...get().setup.train, ...patch } });
    },
    setColumnPrep(name, patch) {
      const current = new Map(get().setup.specOverrides ?? []);
      current.set(name, { ...current.get(name), ...patch });
      set({ preview: undefined });
      edit({ specOverrides: [...current] });
    },
    setGuardLeakage(guardLeakage) {
      edit({ guardLeakage });
    },
    setBackend(backend) {
      edit({ backend });
    },

    async previewModel() {
      const { dataset, setup } = get();
      if (!dataset) return;
      try {
        const preview = await deps.client.summarizeModel({
          table: dataset.table,
          audio: dataset.audio,
          draft: setup,
          profiles: dataset.profiles,
        });
        set({ preview });
        get().setError('model', undefined);
      } catch (e) {
        set({ preview: undefined });
        get().setError('model', message(e));
      }
    },

    async openExperiment(file, fileName) {
      const ds = get().dataset;
      if (!ds) return get().setError('experiment', 'Load the data the experiment was made on first.');
      try {
        const opened = await deps.client.openExperiment(await file.text(), ds.table, get().setup.types);
        if (!opened.ok) return get().setError('experiment', `${fileName}: ${opened.message}`);
        const backend =
          (opened.ran?.backend as SetupSlice['setup']['backend'] | undefined) ?? get().setup.backend;
        set({
          setup: { ...opened.draft, backend },
          preview: undefined,
          opened: {
            fileName,
            notes: opened.notes,
            ran: opened.ran && { metrics: opened.ran.metrics, backend: opened.ran.backend },
          },
        });
        get().setError('experiment', undefined);
        persist();
        await get().startTraining();
      } catch (e) {
        get().setError('experiment', `${fileName}: ${message(e)}`);
      }
    },
  };
};
