/**
 * Types of every request and event that crosses a worker boundary. The UI never calls
 * postMessage: state calls the typed client (client.ts), which calls these APIs via comlink.
 * Numbers cross as typed arrays (transferred where possible), never arrays of objects.
 */
import type { ColumnType, Table } from '../core/data/table';
import type { AudioMatrices } from '../core/data/audioMatrices';
import type { IngestProgress, IngestReport } from '../core/ingest';
import type { ColumnProfile } from '../core/prep';
import type { ParamSchema } from '../core/models/types';
import type { BiasReport } from '../core/bias';
import type { ModelCardArgs } from '../core/experiment/card';

export type { ModelCardArgs };
import type { EpochEvent, ModelSummary } from '../core/train';
import type { BundleContents } from '../core/deploy/zip';
import type { ExperimentEvent, ExperimentInput, ExperimentOutcome } from '../core/experiment/types';

export type { ExperimentConfig, ModelMetrics, SplitSizes } from '../core/experiment/types';

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
  taskByColumn: Array<'regression' | 'classification'>;
  /** Per-row MFCC and log-mel matrices when the table came from audio files (for sequence/spectrogram models). */
  audio?: AudioMatrices;
}

/** A model family as the UI sees it: its form is drawn from paramSchema. */
export interface ModelInfo {
  id: string;
  label: string;
  description: string;
  tasks: Array<'regression' | 'classification'>;
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
  task: 'regression' | 'classification';
  threshold?: number;
  seed: number;
}

export interface SummaryRequest {
  table: Table;
  audio?: AudioMatrices;
  prep: ExperimentInput['prep'];
  modelId: string;
  modelParams: Record<string, unknown>;
  seed: number;
}

export interface DataApi {
  /** Parse a CSV file (streamed), then type and profile its columns. */
  ingest(files: Blob[], names: string[], onProgress: (p: IngestProgress) => void): Promise<LoadedDataset>;
  /** Re-profile with user-overridden column types. */
  profile(table: Table, types: ColumnType[], target?: string): Promise<ColumnProfile[]>;
  /** Error by group of any column over a finished run's test rows. */
  bias(req: BiasRequest): Promise<BiasReport>;
  /** The model card of a finished run, as Markdown or self-contained HTML. */
  modelCard(args: ModelCardArgs, format: 'md' | 'html'): Promise<string>;
  /** Build the model for this set-up (pipeline fitted on a sample of rows) and summarise it, before training. */
  summarize(req: SummaryRequest): Promise<ModelSummary>;
  /** The model registry's descriptors, without their build functions. */
  listModels(): Promise<ModelInfo[]>;
  cancel(): void;
}

export interface TrainRequest extends ExperimentInput {
  runId: string;
  backend: BackendChoice;
  /** Continue this run from its last checkpoint in IndexedDB (after a reload), if there is one. */
  resume?: boolean;
}

export type TrainEvent =
  | { runId: string; type: 'backend'; backend: BackendName; reason: string }
  | { runId: string; type: 'resumed'; fromEpoch: number; history: EpochEvent[] }
  | ({ runId: string } & ExperimentEvent);

export interface TrainOutcome extends ExperimentOutcome {
  runId: string;
  backend: BackendName;
}

/** A set-up problem the person can fix, with the control it belongs to (errors lose fields over comlink). */
export interface TrainFailure {
  failure: { field: 'target' | 'features' | 'split' | 'model' | 'data'; message: string };
}

export interface TrainApi {
  train(req: TrainRequest, onEvent: (e: TrainEvent) => void): Promise<TrainOutcome | TrainFailure>;
  /** Ask the running loop to stop after the current batch. */
  cancel(runId: string): void;
  /** Zip a model bundle (model.json, weights.bin, preprocessing.json, metrics.json, ...). */
  exportBundle(contents: BundleContents): Promise<Uint8Array>;
  /** Which backend auto would pick here, and why. */
  detectBackend(): Promise<{ backend: BackendName; reason: string; available: BackendName[] }>;
}
