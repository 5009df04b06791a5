/**
 * The app store's shape: one zustand store made of slices (dataset, setup, run, results, data
 * preparation, audio). Each slice is a small module in ./slices with its own tests.
 */
import type { StoreApi } from 'zustand';
import type { IngestProgress } from '../core/ingest';
import type { ColumnType } from '../core/data/table';
import type { FeatureSpec } from '../core/prep';
import type { SplitConfig } from '../core/split';
import type { EpochEvent, ModelSummary, TrainConfig } from '../core/train';
import type { BiasReport } from '../core/bias';
import type {
  DeployedInfo,
  BackendChoice,
  BackendName,
  DraftNotes,
  ExperimentDraft,
  LoadedDataset,
  ModelInfo,
  Run,
  RunResult,
  SplitSizes,
  Task,
} from '../workers/protocol';
import type { DataPrepActions, DataPrepState } from './slices/dataPrep';
import type { AudioState } from './slices/audioTypes';
import type { Deps } from './deps';

export type { Task, Run, RunResult };
export type ErrorField =
  'file' | 'target' | 'features' | 'split' | 'model' | 'data' | 'train' | 'export' | 'bias' | 'experiment';

/** What the controls hold: the experiment being edited, and the backend to run it on. */
export interface Setup extends ExperimentDraft {
  backend: BackendChoice;
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

/** An experiment.json that was opened: where it came from and what it measured when it ran. */
export interface OpenedInfo {
  fileName: string;
  notes: DraftNotes;
  ran?: { metrics: Run['metrics']; backend: string };
}

export interface DatasetSlice {
  dataset?: LoadedDataset;
  loading?: { fileName: string; progress?: IngestProgress; startedAt: number };
  loadFile(file: File | Blob, fileName?: string): Promise<void>;
  /** Load several CSVs with the same columns as one dataset (a source_file column tells them apart). */
  loadFiles(files: Array<File | Blob>, names?: string[]): Promise<void>;
  loadSample(): Promise<void>;
  cancelLoad(): void;
  clearDataset(): Promise<void>;
  setColumnType(index: number, type: ColumnType): Promise<void>;
  /**
   * Make `ds` the dataset, whether it came from a CSV or from audio files: set-up fields follow it
   * (target kept when the table still has it, with `keepTarget`), the previous result cleared, persisted.
   */
  installDataset(ds: LoadedDataset, opts?: { keepTarget?: boolean; keepSetup?: boolean }): Promise<void>;
}

export interface SetupSlice {
  setup: Setup;
  models: ModelInfo[];
  /** The summary of the model the set-up would train (shown before training). */
  preview?: ModelSummary;
  opened?: OpenedInfo;
  setTarget(name: string): void;
  setTask(task: Task): void;
  setHitThreshold(v: number | undefined): void;
  toggleFeature(name: string, on: boolean): void;
  setSplit(patch: Partial<SplitConfig>): void;
  setModel(id: string): void;
  setModelParam(key: string, value: unknown): void;
  setTrain(patch: Partial<TrainConfig>): void;
  setBackend(b: BackendChoice): void;
  setGuardLeakage(on: boolean): void;
  /** Choose how one feature column is prepared (undefined fields fall back to the defaults). */
  setColumnPrep(name: string, patch: Partial<FeatureSpec>): void;
  /** Build the model for the current set-up and show its summary before training. */
  previewModel(): Promise<void>;
  /** Open an experiment.json: every control takes its value, then it trains again. */
  openExperiment(file: Blob, fileName: string): Promise<void>;
}

export interface RunSlice {
  run: RunView;
  /** Train with the current set-up; with `resume`, continue an interrupted run from its checkpoint. */
  startTraining(resume?: ActiveRun): Promise<void>;
  cancelTraining(): void;
}

export interface ResultsSlice {
  result?: RunResult;
  runs: Run[];
  /** Bias reports computed on demand for columns the run did not analyse by default. */
  extraBias: BiasReport[];
  /** Keep a finished run: it becomes the result and heads the run history (persisted). */
  recordRun(outcome: { result: RunResult; record: Run }): void;
  requestBias(column: string): Promise<void>;
  modelCard(format: 'md' | 'html'): Promise<{ fileName: string; text: string } | undefined>;
  exportModel(): Promise<{ fileName: string; bytes: Uint8Array } | undefined>;
  /** experiment.json of a run in the history (the last run when omitted). */
  experimentFile(runId?: string): Promise<{ fileName: string; text: string } | undefined>;
  removeRun(runId: string): void;
  /** The last run's test rows with actual and predicted values, as CSV. */
  testPredictionsFile(): { fileName: string; text: string } | undefined;
}

export interface DeploySlice {
  deploy: {
    model?: DeployedInfo;
    busy?: 'importing' | 'predicting';
    error?: string;
    /** The last predicted file: its name, counts, rows that failed or were not read, and the CSV to download. */
    prediction?: {
      fileName: string;
      rows: number;
      predicted: number;
      failures: Array<{ line?: number; row?: number; reason: string }>;
      csv: string;
      preview: number[];
    };
  };
  importBundle(file: Blob, fileName: string): Promise<void>;
  predictFile(file: Blob, fileName: string): Promise<void>;
  /** Ask the training worker for the deployed model (after a reload). */
  refreshDeployed(): Promise<void>;
}

export interface BaseSlice {
  errors: Partial<Record<ErrorField, string>>;
  hydrated: boolean;
  hydrate(): Promise<void>;
  setError(field: ErrorField, message: string | undefined): void;
}

export type AppState = BaseSlice &
  DatasetSlice &
  SetupSlice &
  RunSlice &
  ResultsSlice &
  DeploySlice &
  DataPrepActions & { prep: DataPrepState; audio: AudioState };

/** A slice's constructor: zustand's set/get plus the injected worker client and persistence. */
export type SliceCreator<T> = (set: StoreApi<AppState>['setState'], get: () => AppState, deps: Deps) => T;
