/** The Audio panel's state: files, their status and features, the analysis window, the batch, the outputs. */
import type { AudioFormat } from '../../core/audio';
import type { ClipFeatures, JoinBase, JoinReport } from '../../workers/protocol/audio';
import type { LoadedDataset } from '../../workers/protocol';
import type { AudioErrorKind } from '../audioDecode';
import type { IncomingFile } from '../audioIntake';

export type AudioStatus = 'queued' | 'reading' | 'decoding' | 'analysing' | 'done' | 'error' | 'cancelled';

/** What the list and the per-file view show of a clip's features (the big matrices stay in the cache). */
export interface ClipView {
  /** Seconds analysed (the window, or the whole track). */
  durationSec: number;
  tempoBpm: number;
  tempoConfidence: number;
  tempoChanges: number;
  keyName: string;
  keyConfidence: number;
  chordsDistinct: number;
  chordChangesPerMin: number;
  progressions: Array<{ numerals: string; chords: string; count: number }>;
  display: ClipFeatures['display'];
  names: string[];
  values: Float64Array;
  /** Fixed-size matrices for the sequence and spectrogram models. Shapes: [128, 20] MFCC, [128 mels, 128 frames] log-mel. */
  mfcc: Float32Array;
  mel: Float32Array;
}

export interface AudioItem {
  id: number;
  name: string;
  path: string;
  bytes: number;
  status: AudioStatus;
  format?: AudioFormat;
  error?: { kind: AudioErrorKind; message: string };
  cached?: boolean;
  warnings: string[];
  clip?: ClipView;
  ms?: number;
}

/** Whole track, or `seconds` from `offset` ('middle' centres the window). */
export interface WindowSettings {
  mode: 'whole' | 'window';
  seconds: number;
  offset: 'middle' | number;
}

export interface AudioState {
  items: AudioItem[];
  window: WindowSettings;
  /** The current batch: files in it, files finished, when it started. */
  batch?: { total: number; finished: number; startedAt: number; endedAt?: number };
  selected?: number;
  notes: string[];
  /** '' = the best-matching column. */
  joinColumn: string;
  keepUnmatched: boolean;
  joinReport?: JoinReport;
  outputError?: string;
  busy?: 'dataset' | 'join';
  /** The dataset this panel installed last (to know whether the main dataset is still the CSV). */
  installed?: LoadedDataset;
  /** The CSV the last join started from, kept so a later join does not join onto an already joined table. */
  base?: JoinBase;

  addFiles(files: IncomingFile[]): Promise<void>;
  cancel(): void;
  /** Queue cancelled files again, and with `all`, every file (after the window changed). */
  reanalyse(all?: boolean): void;
  clear(): void;
  select(id: number | undefined): void;
  setWindow(patch: Partial<WindowSettings>): void;
  setJoinColumn(column: string): void;
  setKeepUnmatched(on: boolean): void;
  installFeatureTable(): Promise<void>;
  joinOntoDataset(): Promise<void>;
}
