/**
 * The app's state (zustand). The only layer that calls the worker client. The UI reads it
 * through selectors and changes it through these actions.
 */
import { create } from 'zustand';
import type { ColumnType } from '../core/data/table';
import type { IngestProgress } from '../core/ingest';
import type { ColumnProfile, FeatureSpec, PrepConfig } from '../core/prep';
import type { SplitConfig } from '../core/split';
import type { EpochEvent, ModelSummary, TrainConfig } from '../core/train';
import type { BiasReport } from '../core/bias';
import * as client from '../workers/client';
import type {
  BackendChoice,
  BackendName,
  LoadedDataset,
  ModelInfo,
  SplitSizes,
  TrainOutcome,
} from '../workers/protocol';
import { load, remove, save } from './persist';

export type Task = 'regression' | 'classification';
export type ErrorField =
  'file' | 'target' | 'features' | 'split' | 'model' | 'data' | 'train' | 'export' | 'bias';

export interface Setup {
  target?: string;
  task: Task;
  /** For a numeric target used as classification: values >= threshold count as a hit. */
  hitThreshold?: number;
  features: string[];
  /** Column types as the user sees them (inferred, then maybe overridden), aligned with the table. */
  types: ColumnType[];
  split: SplitConfig;
  modelId: string;
  modelParams: Record<string, unknown>;
  train: TrainConfig;
  backend: BackendChoice;
  /** Under a random split, keep copies of a track on one side (the leakage guard). */
  guardLeakage: boolean;
  /** Per-column preparation chosen by the person (scaling, imputation, encoding), as [column, options] pairs. */
  specOverrides: Array<[string, Partial<FeatureSpec>]>;
}

export interface RunView {
  status: 'idle' | 'running' | 'done' | 'error';
  runId?: string;
  phase?: 'preparing' | 'training' | 'evaluating';
  backend?: BackendName;
  backendReason?: string;
  epochs: EpochEvent[];
  totalEpochs: number;
  batch?: { epoch: number; batch: number; batchesPerEpoch: number; elapsedMs: number };
  summary?: ModelSummary;
  sizes?: SplitSizes;
  nFeatures?: number;
  warnings: string[];
  cancelRequested: boolean;
  /** Set when this run continued an interrupted one from a checkpoint. */
  resumedFromEpoch?: number;
}

/** A run in progress, persisted so that a reload can resume it. */
export interface ActiveRun {
  runId: string;
  setup: Setup;
}

/** A finished run, kept for side-by-side comparison. */
export interface RunRecord {
  runId: string;
  createdAt: string;
  datasetName: string;
  target: string;
  task: Task;
  modelId: string;
  modelParams: Record<string, unknown>;
  split: { method: string; seed: number; groupColumn?: string };
  train: TrainConfig;
  backend: string;
  stopReason: string;
  bestEpoch: number;
  history: EpochEvent[];
  metrics: TrainOutcome['metrics'];
  intervals: TrainOutcome['evaluation']['intervals'];
  sizes: SplitSizes;
}

const MAX_RUNS = 30;

export interface AppState {
  dataset?: LoadedDataset;
  loading?: { fileName: string; progress?: IngestProgress; startedAt: number };
  setup: Setup;
  models: ModelInfo[];
  run: RunView;
  result?: TrainOutcome;
  runs: RunRecord[];
  /** Bias reports computed on demand for columns the run did not analyse by default. */
  extraBias: BiasReport[];
  /** The summary of the model the set-up would train (shown before training). */
  preview?: ModelSummary;
  errors: Partial<Record<ErrorField, string>>;
  hydrated: boolean;

  hydrate(): Promise<void>;
  loadFile(file: File | Blob, fileName?: string): Promise<void>;
  /** Load several CSVs with the same columns as one dataset (a source_file column tells them apart). */
  loadFiles(files: Array<File | Blob>, names?: string[]): Promise<void>;
  loadSample(): Promise<void>;
  cancelLoad(): void;
  clearDataset(): Promise<void>;
  setTarget(name: string): void;
  setTask(task: Task): void;
  setHitThreshold(v: number | undefined): void;
  toggleFeature(name: string, on: boolean): void;
  setColumnType(index: number, type: ColumnType): Promise<void>;
  setSplit(patch: Partial<SplitConfig>): void;
  setModel(id: string): void;
  setModelParam(key: string, value: unknown): void;
  setTrain(patch: Partial<TrainConfig>): void;
  setBackend(b: BackendChoice): void;
  setGuardLeakage(on: boolean): void;
  /** Choose how one feature column is prepared (undefined fields fall back to the defaults). */
  setColumnPrep(name: string, patch: Partial<FeatureSpec>): void;
  /** Train with the current set-up; with `resume`, continue an interrupted run from its checkpoint. */
  startTraining(resume?: ActiveRun): Promise<void>;
  cancelTraining(): void;
  exportModel(): Promise<{ fileName: string; bytes: Uint8Array } | undefined>;
  requestBias(column: string): Promise<void>;
  modelCard(format: 'md' | 'html'): Promise<{ fileName: string; text: string } | undefined>;
  removeRun(runId: string): void;
  /** Build the model for the current set-up and show its summary before training. */
  previewModel(): Promise<void>;
}

export const SAMPLE_URL = `${import.meta.env.BASE_URL}samples/top_hits_2000_2019.csv`;

export const defaultSplit: SplitConfig = { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 42 };
export const defaultTrain: TrainConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 60,
  patience: 10,
  seed: 42,
};

const initialSetup: Setup = {
  task: 'regression',
  features: [],
  types: [],
  split: defaultSplit,
  modelId: 'mlp',
  modelParams: {},
  train: defaultTrain,
  backend: 'auto',
  guardLeakage: true,
  specOverrides: [],
};

const idleRun: RunView = { status: 'idle', epochs: [], totalEpochs: 0, warnings: [], cancelRequested: false };

let loadAbort: AbortController | undefined;
let trainAbort: AbortController | undefined;

/** Features for a target: the recommended columns without the target itself. */
function featuresFor(ds: LoadedDataset, target: string | undefined): string[] {
  return ds.recommendedFeatures.filter((f) => f !== target);
}

function taskFor(ds: LoadedDataset, target: string | undefined): Task {
  const i = ds.profiles.findIndex((p) => p.name === target);
  return i >= 0 ? (ds.taskByColumn[i] ?? 'regression') : 'regression';
}

/**
 * The preprocessing config the pipeline is fitted from: defaults by column type, the profile's
 * suggestion (log1p for heavy tails), then what the person chose for the column.
 */
export function prepConfigOf(setup: Setup, profiles: ColumnProfile[]): PrepConfig {
  const overrides = new Map(setup.specOverrides ?? []);
  const features: FeatureSpec[] = setup.features.map((name) => {
    const i = profiles.findIndex((p) => p.name === name);
    const type = setup.types[i] ?? profiles[i]?.type ?? 'number';
    const numeric = type === 'number' || type === 'integer';
    const suggested: Partial<FeatureSpec> =
      numeric && profiles[i]?.suggestedScaling === 'log1p' ? { scaling: 'log1p' } : {};
    return { ...suggested, ...overrides.get(name), name, type };
  });
  return { target: setup.target ?? '', task: setup.task, features, hitThreshold: setup.hitThreshold };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const useStore = create<AppState>()((set, get) => {
  const persistSetup = () => void save('setup', get().setup);

  return {
    setup: initialSetup,
    models: [],
    runs: [],
    extraBias: [],
    run: idleRun,
    errors: {},
    hydrated: false,

    async hydrate() {
      const [dataset, setup, result, runs] = await Promise.all([
        load<LoadedDataset>('dataset'),
        load<Setup>('setup'),
        load<TrainOutcome>('result'),
        load<RunRecord[]>('runs'),
      ]);
      set({
        dataset,
        runs: runs ?? [],
        setup: setup ? { ...initialSetup, ...setup } : initialSetup,
        result,
        hydrated: true,
      });
      const active = await load<ActiveRun>('activeRun');
      if (active && dataset) void get().startTraining(active);
      else if (active) void remove('activeRun');
      client
        .listModels()
        .then((models) => set({ models }))
        .catch((e: unknown) =>
          set((s) => ({ errors: { ...s.errors, model: `Could not list models: ${message(e)}` } })),
        );
    },

    async loadFile(file, fileName = (file as File).name ?? 'data.csv') {
      await get().loadFiles([file], [fileName]);
    },

    async loadFiles(files, names = files.map((f, i) => (f as File).name ?? `file${i + 1}.csv`)) {
      const fileName = names.join(', ');
      loadAbort?.abort();
      loadAbort = new AbortController();
      set({ loading: { fileName, startedAt: Date.now() }, errors: {} });
      try {
        const ds = await client.ingestFiles(
          files,
          names,
          (progress) => set((s) => (s.loading ? { loading: { ...s.loading, progress } } : {})),
          loadAbort.signal,
        );
        const target = ds.suggestedTarget;
        const setup: Setup = {
          ...get().setup,
          target,
          task: taskFor(ds, target),
          hitThreshold: undefined,
          features: featuresFor(ds, target),
          types: ds.profiles.map((p) => p.type),
          specOverrides: [],
        };
        set({ dataset: ds, setup, loading: undefined, result: undefined, run: idleRun });
        if (!target)
          set((s) => ({
            errors: { ...s.errors, target: 'No column looks like a popularity target; choose one.' },
          }));
        await Promise.all([save('dataset', ds), save('setup', setup), remove('result')]);
      } catch (e) {
        const cancelled = e instanceof client.CancelledError || loadAbort.signal.aborted;
        set((s) => ({
          loading: undefined,
          errors: { ...s.errors, file: cancelled ? `Loading ${fileName} was cancelled.` : message(e) },
        }));
      }
    },

    async loadSample() {
      try {
        const res = await fetch(SAMPLE_URL);
        if (!res.ok) throw new Error(`The sample could not be fetched (HTTP ${res.status}).`);
        await get().loadFile(await res.blob(), 'top_hits_2000_2019.csv');
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, file: message(e) } }));
      }
    },

    cancelLoad() {
      loadAbort?.abort();
    },

    async clearDataset() {
      set({ dataset: undefined, result: undefined, run: idleRun, setup: initialSetup, errors: {} });
      await Promise.all([remove('dataset'), remove('result'), remove('setup')]);
    },

    setTarget(name) {
      const ds = get().dataset;
      if (!ds) return;
      set((s) => ({
        setup: {
          ...s.setup,
          target: name,
          task: taskFor(ds, name),
          hitThreshold: undefined,
          features: featuresFor(ds, name),
        },
        errors: { ...s.errors, target: undefined, features: undefined },
      }));
      persistSetup();
    },

    setTask(task) {
      set((s) => ({ setup: { ...s.setup, task }, errors: { ...s.errors, target: undefined } }));
      persistSetup();
    },

    setHitThreshold(v) {
      set((s) => ({ setup: { ...s.setup, hitThreshold: v } }));
      persistSetup();
    },

    toggleFeature(name, on) {
      set((s) => {
        const rest = s.setup.features.filter((f) => f !== name);
        return {
          setup: { ...s.setup, features: on ? [...rest, name] : rest },
          errors: { ...s.errors, features: undefined },
        };
      });
      persistSetup();
    },

    async setColumnType(index, type) {
      const ds = get().dataset;
      if (!ds) return;
      const types = [...get().setup.types];
      types[index] = type;
      set((s) => ({ setup: { ...s.setup, types } }));
      persistSetup();
      try {
        const profiles = await client.profileTable(ds.table, types, get().setup.target);
        const next = { ...ds, profiles };
        set({ dataset: next });
        void save('dataset', next);
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, data: message(e) } }));
      }
    },

    setSplit(patch) {
      set((s) => ({
        setup: { ...s.setup, split: { ...s.setup.split, ...patch } },
        errors: { ...s.errors, split: undefined },
      }));
      persistSetup();
    },

    setModel(id) {
      set((s) => ({ setup: { ...s.setup, modelId: id, modelParams: {} }, preview: undefined }));
      persistSetup();
    },

    setModelParam(key, value) {
      set((s) => ({
        setup: { ...s.setup, modelParams: { ...s.setup.modelParams, [key]: value } },
        preview: undefined,
      }));
      persistSetup();
    },

    setTrain(patch) {
      set((s) => ({ setup: { ...s.setup, train: { ...s.setup.train, ...patch } } }));
      persistSetup();
    },

    setColumnPrep(name, patch) {
      set((s) => {
        const current = new Map(s.setup.specOverrides ?? []);
        current.set(name, { ...current.get(name), ...patch });
        return { setup: { ...s.setup, specOverrides: [...current] }, preview: undefined };
      });
      persistSetup();
    },

    setGuardLeakage(guardLeakage) {
      set((s) => ({ setup: { ...s.setup, guardLeakage } }));
      persistSetup();
    },

    setBackend(backend) {
      set((s) => ({ setup: { ...s.setup, backend } }));
      persistSetup();
    },

    async startTraining(resume) {
      const dataset = get().dataset;
      const setup = resume?.setup ?? get().setup;
      if (!dataset) {
        set((s) => ({ errors: { ...s.errors, file: 'Load a CSV first.' } }));
        return;
      }
      const { train: _t, val, test } = setup.split;
      if (!(val >= 0 && test > 0 && val + test < 1)) {
        set((s) => ({
          errors: {
            ...s.errors,
            split: 'Validation and test shares must be between 0 and 1, with room left for training.',
          },
        }));
        return;
      }
      const runId =
        resume?.runId ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
      trainAbort = new AbortController();
      void save('activeRun', { runId, setup } satisfies ActiveRun);
      set({
        run: { ...idleRun, status: 'running', runId, totalEpochs: setup.train.epochs, phase: 'preparing' },
        errors: {},
      });
      const accept = (fn: (r: RunView) => Partial<RunView>) =>
        set((s) => (s.run.runId === runId ? { run: { ...s.run, ...fn(s.run) } } : {}));
      try {
        const outcome = await client.trainModel(
          {
            runId,
            table: dataset.table,
            audio: dataset.audio,
            prep: prepConfigOf(setup, dataset.profiles),
            split: { ...setup.split, train: 1 - setup.split.val - setup.split.test },
            modelId: setup.modelId,
            modelParams: setup.modelParams,
            train: { ...setup.train, seed: setup.split.seed },
            backend: setup.backend,
            guardLeakage: setup.guardLeakage,
            resume: !!resume,
          },
          (e) => {
            if (e.runId !== runId) return; // a stale run's event
            switch (e.type) {
              case 'backend':
                accept(() => ({ backend: e.backend, backendReason: e.reason }));
                break;
              case 'resumed':
                accept(() => ({ resumedFromEpoch: e.fromEpoch, epochs: e.history }));
                break;
              case 'phase':
                accept(() => ({ phase: e.phase }));
                break;
              case 'prepared':
                accept(() => ({
                  summary: e.summary,
                  sizes: e.sizes,
                  nFeatures: e.nFeatures,
                  warnings: e.warnings,
                }));
                break;
              case 'batch':
                accept(() => ({ batch: e }));
                break;
              case 'epoch':
                accept((r) => ({ epochs: [...r.epochs, e.epoch] }));
                break;
            }
          },
          trainAbort.signal,
        );
        accept(() => ({ status: 'done', phase: undefined }));
        const record: RunRecord = {
          runId,
          createdAt: new Date().toISOString(),
          datasetName: dataset.fileName,
          target: setup.target ?? '',
          task: setup.task,
          modelId: setup.modelId,
          modelParams: setup.modelParams,
          split: {
            method: outcome.splitUsed.method,
            seed: setup.split.seed,
            groupColumn: outcome.splitUsed.groupColumn,
          },
          train: setup.train,
          backend: outcome.backend,
          stopReason: outcome.stopReason,
          bestEpoch: outcome.bestEpoch,
          history: outcome.history,
          metrics: outcome.metrics,
          intervals: outcome.evaluation.intervals,
          sizes: outcome.sizes,
        };
        const runs = [record, ...get().runs.filter((r) => r.runId !== runId)].slice(0, MAX_RUNS);
        set({ result: outcome, runs, extraBias: [] });
        await Promise.all([save('result', outcome), save('runs', runs), remove('activeRun')]);
      } catch (e) {
        void remove('activeRun');
        const cancelled = e instanceof client.CancelledError;
        accept(() => ({ status: cancelled ? 'idle' : 'error', phase: undefined }));
        const field: ErrorField = e instanceof client.SetupError ? e.field : 'train';
        set((s) => ({
          errors: { ...s.errors, [field]: cancelled ? 'Training was cancelled.' : message(e) },
        }));
      }
    },

    cancelTraining() {
      set((s) => ({ run: { ...s.run, cancelRequested: true } }));
      trainAbort?.abort();
    },

    async requestBias(column) {
      const { result, dataset } = get();
      if (!result || !dataset) return;
      if (
        result.evaluation.bias.some((b) => b.column === column) ||
        get().extraBias.some((b) => b.column === column)
      )
        return;
      try {
        const report = await client.biasFor({
          table: dataset.table,
          testRows: result.testRows,
          yTrue: result.testActual,
          yPred: result.testPredicted,
          column,
          task: result.metrics.task,
          threshold: result.evaluation.threshold,
          seed: get().setup.split.seed,
        });
        set((s) => ({ extraBias: [...s.extraBias, report], errors: { ...s.errors, bias: undefined } }));
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, bias: message(e) } }));
      }
    },

    async modelCard(format) {
      const { result, dataset, setup, models } = get();
      if (!result || !dataset) return undefined;
      try {
        const text = await client.modelCard(
          {
            datasetName: dataset.fileName,
            rowCount: dataset.table.rowCount,
            columns: dataset.table.columns.length,
            target: setup.target ?? '',
            task: result.metrics.task,
            split: {
              method: result.splitUsed.method,
              sizes: result.sizes,
              seed: setup.split.seed,
              groupColumn: result.splitUsed.groupColumn,
              timeColumn: setup.split.timeColumn,
              leakageWarnings: result.warnings,
              leakage: result.leakage,
            },
            model: {
              id: setup.modelId,
              label: models.find((m) => m.id === setup.modelId)?.label ?? setup.modelId,
              params: setup.modelParams,
              totalParams: result.summary.totalParams,
              backend: result.backend,
              epochs: result.history.length,
              bestEpoch: result.bestEpoch,
              stopReason: result.stopReason,
              trainingSeconds: (result.history[result.history.length - 1]?.elapsedMs ?? 0) / 1000,
            },
            metrics: result.metrics,
            evaluation: result.evaluation,
            createdAt: new Date().toISOString(),
          },
          format,
        );
        const base = dataset.fileName.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_');
        return { fileName: `model-card-${base}.${format}`, text };
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, export: message(e) } }));
        return undefined;
      }
    },

    async previewModel() {
      const { dataset, setup } = get();
      if (!dataset) return;
      try {
        const preview = await client.summarizeModel({
          table: dataset.table,
          audio: dataset.audio,
          prep: prepConfigOf(setup, dataset.profiles),
          modelId: setup.modelId,
          modelParams: setup.modelParams,
          seed: setup.split.seed,
        });
        set((s) => ({ preview, errors: { ...s.errors, model: undefined } }));
      } catch (e) {
        set((s) => ({ preview: undefined, errors: { ...s.errors, model: message(e) } }));
      }
    },

    removeRun(runId) {
      const runs = get().runs.filter((r) => r.runId !== runId);
      set({ runs });
      void save('runs', runs);
    },

    async exportModel() {
      const { result, dataset, setup } = get();
      if (!result) return undefined;
      try {
        const card = await get().modelCard('md');
        const bytes = await client.exportBundle({
          modelCard: card?.text,
          model: result.artifacts,
          preprocessing: result.audioScaling
            ? { ...result.pipeline, audioScaling: result.audioScaling }
            : result.pipeline,
          metrics: {
            ...result.metrics,
            sizes: result.sizes,
            bestEpoch: result.bestEpoch,
            stopReason: result.stopReason,
          },
          experiment: {
            dataset: dataset?.fileName,
            split: setup.split,
            modelId: setup.modelId,
            modelParams: setup.modelParams,
            train: setup.train,
            backend: result.backend,
          },
        });
        const base = (dataset?.fileName ?? 'model').replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_');
        return { fileName: `encore-${base}.zip`, bytes };
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, export: message(e) } }));
        return undefined;
      }
    },
  };
});
