/** Shapes of what the bench workers and page return (run.mjs prints them and writes bench/results.json). */

export type BackendName = 'wasm' | 'webgl' | 'webgpu' | 'cpu';
/** A backend as benchmarked: 'wasm+fast' is wasm with src/core/kernels' installFastKernels('wasm') (the app's setup). */
export type BenchBackend = BackendName | 'wasm+fast';
export type BenchModelId = 'mlp' | 'cnn2d' | 'lstm';

/** One ingest + profile run in the ingest worker. Seconds of wall clock. */
export interface IngestRun {
  ingestSeconds: number;
  profileSeconds: number;
  rowsRead: number;
  rowsKept: number;
  rowsSkipped: number;
  cellIssues: number;
  encoding: string;
  delimiter: string;
  /** Inferred type per column name (profileLoaded). */
  columnTypes: Record<string, string>;
  /** The target suggested from the profiles (leakage is checked against it). */
  suggestedTarget: string | undefined;
}

/**
 * The whole ingest benchmark as the page returns it (heap figures are added by run.mjs): the run with
 * the median total of `runs` (every repeat's seconds, in order).
 */
export interface IngestResult extends IngestRun {
  rows: number;
  fileBytes: number;
  generateSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  runs: { ingestSeconds: number; profileSeconds: number; seconds: number }[];
}

/** Timed extractFeatures runs on one clip. ms: compute time of each run. */
export interface AudioExtractRun {
  clipSeconds: number;
  ms: number[];
  outputKeys: string[];
}

export interface AudioResult {
  status: 'ok' | 'unavailable';
  detail?: string;
  sampleRate?: number;
  clipSeconds?: number;
  /** Single worker: median compute seconds per 30 s clip after a warm-up run, and the real-time factor. */
  perCore?: { clip: string; runs: number; medianSeconds: number; realTimeFactor: number }[];
  realTimeFactorPerCore?: number;
  pool?: {
    workers: number;
    clips: number;
    wallSeconds: number;
    clipsPerSecond: number;
    realTimeFactor: number;
  };
  outputKeys?: string[];
}

/** One backend x model cell of the training benchmark. */
export interface ModelRun {
  status: 'ok' | 'unavailable' | 'error' | 'timeout';
  detail?: string;
  builtWith?: string;
  params?: number;
  batch?: number;
  inferBatch?: number;
  trainSamplesPerSec?: number;
  trainSteps?: number;
  trainSeconds?: number;
  firstStepSeconds?: number;
  lossFirst?: number;
  lossLast?: number;
  stopReason?: string;
  leakedTensors?: number;
  trainError?: string;
  inferRowsPerSec?: number;
  inferRows?: number;
  inferSeconds?: number;
  inferError?: string;
  /** Set by run.mjs: the browser was restarted before this cell (a GPU cell before it timed out). */
  freshBrowser?: boolean;
}

/** Limits of one measurement: warm-up batches (>= 1), then measure until trainSeconds (and at least minSteps). */
export interface Caps {
  warmup: number;
  minSteps: number;
  maxSteps: number;
  trainSeconds: number;
  inferSeconds: number;
  /** Batches per predictBatched call while timing inference (1 on slow backends). */
  inferChunkBatches: number;
  /** Time inference before training (so a cut-short run still has it); false on webgpu, see page.ts. */
  inferFirst: boolean;
}
