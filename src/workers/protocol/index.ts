/**
 * Types of every request and event that crosses a worker boundary. The UI never calls
 * postMessage: state calls the typed client (client.ts), which calls these APIs via comlink.
 * Numbers cross as typed arrays (transferred where possible), never arrays of objects.
 */
import type { ColumnType, Table } from '../../core/data/table';
import type { AudioMatrices } from '../../core/data/audioMatrices';
import type { IngestProgress, IngestReport } from '../../core/ingest';
import type { ColumnProfile } from '../../core/prep';
import type { ParamSchema } from '../../core/models/types';
import type { BiasReport } from '../../core/bias';
import type { EpochEvent, ModelSummary } from '../../core/train';
import type { Task } from '../../core/data/task';
import type { ExperimentEvent, Run, RunResult } from '../../core/experiment/types';
import type { ExperimentDraft, DraftNotes } from '../../core/experiment/draft';
import type { RanSummary } from '../../core/experiment/record';

export type { ExperimentConfig, ModelMetrics, Run, RunResult, SplitSizes } from '../../core/experiment/types';
export type { ExperimentDraft, DraftNotes, RanSummary, Task };

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

export interface LoadedDataset {
  fileName: string;
  fileBytes: number;
  table: Table;
  report: IngestReport;
  profiles: ColumnProfile[];
  suggestedTarget?: string;
  /** Columns that make sensible features whatever the target (numbers, booleans, low-cardinality categories). */
  recommendedFeatures: string[];
  /** The task each column would suggest as a target, aligned with profiles. */
  taskByColumn: Task[];
  /** Per-row MFCC and log-mel matrices when the table came from audio files (for sequence/spectrogram models). */
  audio?: AudioMatrices;
}

/** A model family as the UI sees it: its form is drawn from paramSchema. */
export interface ModelInfo {
  id: string;
  label: string;
  description: string;
  tasks: Task[];
  needs: string[];
  paramSchema: ParamSchema;
  defaults: Record<string, unknown>;
}

export interface BiasRequest {
  table: Table;
  testRows: Int32Array;
  yTrue: Float32Array;
  yPred: Float32Array;
  column: string;
  task: Task;
  threshold?: number;
  seed: number;
}

export interface SummaryRequest {
  table: Table;
  audio?: AudioMatrices;
  draft: ExperimentDraft;
  profiles: ColumnProfile[];
}

/** An experiment.json opened against the loaded table: every control's value, or why it cannot be used. */
export type OpenedExperiment =
  { ok: true; draft: ExperimentDraft; notes: DraftNotes; ran?: RanSummary } | { ok: false; message: string };

export interface DataApi {
  /** Parse a CSV file (streamed), then type and profile its columns. */
  ingest(files: Blob[], names: string[], onProgress: (p: IngestProgress) => void): Promise<LoadedDataset>;
  /** Re-profile with user-overridden column types. */
  profile(table: Table, types: ColumnType[], target?: string): Promise<ColumnProfile[]>;
  /** Error by group of any column over a finished run's test rows. */
  bias(req: BiasRequest): Promise<BiasReport>;
  /** The model card of a finished run, as Markdown or self-contained HTML. */
  modelCard(run: RunResult, modelLabel: string, format: 'md' | 'html'): Promise<string>;
  /** experiment.json of a run (its config, which replays it, and what it measured). */
  experimentJson(run: Run): Promise<string>;
  /** Read an experiment.json and map it onto the loaded table's controls. */
  openExperiment(text: string, table: Table, types: ColumnType[]): Promise<OpenedExperiment>;
  /** Build the model for this set-up (pipeline fitted on a sample of rows) and summarise it, before training. */
  summarize(req: SummaryRequest): Promise<ModelSummary>;
  /** The model registry's descriptors, without their build functions. */
  listModels(): Promise<ModelInfo[]>;
  cancel(): void;
}

/** Train the draft on the table: the worker freezes it into an ExperimentConfig and runs it. */
export interface TrainRequest {
  runId: string;
  draft: ExperimentDraft;
  /** The column profiles the draft's defaults come from (log1p for heavy tails). */
  profiles: ColumnProfile[];
  /** The data's name as shown (file name), for its fingerprint. */
  dataName: string;
  table: Table;
  audio?: AudioMatrices;
  backend: BackendChoice;
  /** Continue this run from its last checkpoint in IndexedDB (after a reload), if there is one. */
  resume?: boolean;
}

export type TrainEvent =
  | { runId: string; type: 'backend'; backend: BackendName; reason: string }
  | { runId: string; type: 'resumed'; fromEpoch: number; history: EpochEvent[] }
  | ({ runId: string } & ExperimentEvent);

/**
 * What training returns: the run with its results, and its light record for the history (built in
 * core; both share their arrays, which structured cloning keeps shared). The weights stay in the worker.
 */
export interface TrainOutcome {
  result: RunResult;
  record: Run;
}

/** A set-up problem the person can fix, with the control it belongs to (errors lose fields over comlink). */
export interface TrainFailure {
  failure: { field: 'target' | 'features' | 'split' | 'model' | 'data'; message: string };
}

export interface TrainApi extends DeployApi {
  train(req: TrainRequest, onEvent: (e: TrainEvent) => void): Promise<TrainOutcome | TrainFailure>;
  /** Forget a run's stored weights (the run was deleted). */
  dropModel(runId: string): Promise<void>;
  /** Ask the running loop to stop after the current batch. */
  cancel(runId: string): void;
  /** Zip a run's model bundle (model.json, weights.bin, preprocessing.json, metrics.json, experiment.json, model-card.md). */
  exportBundle(run: RunResult, modelLabel: string): Promise<Uint8Array>;
  /** Which backend auto would pick here, and why. */
  detectBackend(): Promise<{ backend: BackendName; reason: string; available: BackendName[] }>;
}

/** The deployed model as the Predict panel shows it. */
export interface DeployedInfo {
  fileName: string;
  target: string;
  task: Task;
  modelId: string;
  /** Source columns a table must have. */
  columns: string[];
  readsAudio: boolean;
  threshold?: number;
  dataName?: string;
  trainedAt?: string;
  /** Golden rows reproduced on this backend when it was loaded. */
  goldenRows: number;
  metrics: unknown;
  warning?: string;
}

export interface TablePrediction {
  /** Shape: [table rows]; NaN where the row failed. */
  predictions: Float32Array;
  failures: Array<{ row: number; reason: string }>;
  /** The table with the prediction column, spreadsheet-safe. */
  csv: string;
}

export interface DeployApi {
  /** Validate a bundle (every check before anything runs) and make it the deployed model. */
  importBundle(
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ ok: true; info: DeployedInfo } | { ok: false; message: string }>;
  /** The deployed model (loaded again after a reload), if any. */
  deployed(): Promise<DeployedInfo | undefined>;
  /** Predict every row of a table with the deployed model. */
  predictTable(table: Table): Promise<TablePrediction>;
}
