/**
 * Types of the audio worker pool: analysis requests and results, zip expansion, and building
 * the feature / joined datasets. Samples and features cross as transferred typed arrays.
 */
import type { AnalysisWindowOptions, AudioFeatures, AudioFormat } from '../../core/audio';
import type { FeatureRow, JoinOptions, JoinReport } from '../../core/audio-join';
import type { Table } from '../../core/data/table';
import type { IngestReport } from '../../core/ingest';
import type { LoadedDataset } from './index';

export type { FeatureRow, JoinOptions, JoinReport };

/** How each file is analysed: which excerpt, at most how long. */
export interface AnalyzeSettings {
  window: AnalysisWindowOptions;
  /** Longest 'whole' excerpt analysed (s); longer tracks are cut to their middle. */
  maxSeconds?: number;
}

/** Everything extracted from one clip (without the large per-frame matrices). */
export type ClipFeatures = Omit<AudioFeatures, 'frameFeatures'>;

/** One file found in a zip, with its path inside the archive and its base name (last path segment). */
export interface ZipEntry {
  path: string;
  name: string;
  bytes: Uint8Array;
}

/**
 * What the bytes of one file say before any decoding: the sniffed container, why it cannot be analysed
 * (null when it can), and its SHA-256 (the feature cache's key). `bytes` are the caller's bytes handed back.
 */
export interface AudioInspection {
  bytes: Uint8Array;
  format: AudioFormat;
  unsupported: string | null;
  hash: string;
}

/** The track table a join starts from (the loaded CSV). */
export interface JoinBase {
  fileName: string;
  fileBytes: number;
  table: Table;
  report: IngestReport;
}

export interface AudioApi {
  /** Sniff, check and hash a file's bytes (transferred there and back). */
  inspect(bytes: Uint8Array): Promise<AudioInspection>;
  /** Decode a WAV file with the core decoder and extract features. Throws a readable Error. */
  analyzeWav(bytes: Uint8Array, settings: AnalyzeSettings): Promise<ClipFeatures>;
  /** Extract features from mono samples decoded by the browser at `sampleRate` Hz. */
  analyzeSamples(samples: Float32Array, sampleRate: number, settings: AnalyzeSettings): Promise<ClipFeatures>;
  /** The files of a zip archive (folders, hidden and macOS resource files left out), largest first refused past the caps. */
  unzip(bytes: Uint8Array, maxEntryBytes: number): Promise<{ entries: ZipEntry[]; skipped: string[] }>;
  /** The feature table alone as a dataset (one row per file), profiled. */
  featureDataset(rows: FeatureRow[], fileName: string, fileBytes: number): Promise<LoadedDataset>;
  /** The feature table joined onto `base`, profiled, with the join's accounting. */
  joinDataset(
    base: JoinBase,
    rows: FeatureRow[],
    opts: JoinOptions,
  ): Promise<{ dataset: LoadedDataset; report: JoinReport }>;
}
