/**
 * The preprocessing configuration (what the user chose) and the fitted pipeline (what was learnt
 * from the training rows). Both are plain JSON so they can be saved, shared and shipped in a bundle.
 */
import type { Task } from '../data/task';
import type { ColumnType } from '../data/table';

export interface FeatureSpec {
  name: string;
  type: ColumnType;
  /** Numbers: default 'standard' ('none' for booleans). 'log1p' = sign(x)·log1p(|x|), then standardised. */
  scaling?: 'standard' | 'minmax' | 'robust' | 'log1p' | 'none';
  /** Default by type: category -> onehot, multicategory -> multihot, date -> date; numbers need none. */
  encoding?: 'onehot' | 'target' | 'multihot' | 'embedding' | 'date';
  /** Numbers: default 'median' ('mode' for booleans). 'drop' removes training rows with a missing cell. */
  impute?: 'median' | 'mean' | 'mode' | 'constant' | 'drop';
  constant?: number | string;
  /** Add a 0/1 feature `<name>__missing`. */
  missingIndicator?: boolean;
  /** Clip numbers at these percentiles of the training rows, e.g. [1, 99]. */
  clip?: [number, number];
  /** One-hot / multi-hot: keep the K most frequent values (default 20 / 30), the rest is "other". Embedding: vocabulary size cap. */
  topK?: number;
}

export interface PrepConfig {
  target: string;
  task: Task;
  features: FeatureSpec[];
  targetTransform?: 'none' | 'log1p';
  /** Classification with a text target: which value is 1. */
  positiveLabel?: string;
  /** Classification with a numeric target: values >= hitThreshold are 1 (default: the training median, or 0/1 as is). */
  hitThreshold?: number;
}

/** How a numeric cell is read before the numeric chain. */
export type NumericReader = 'number' | 'boolean' | 'year' | 'month' | 'age';

/** impute -> clip -> (log1p) -> (x - center) / scale. */
export interface FittedNumeric {
  kind: 'numeric';
  column: string;
  name: string;
  reader: NumericReader;
  /** Reference date (fractional year) for reader 'age': age = reference - date. */
  reference?: number;
  impute: number;
  clip?: [number, number];
  log1p: boolean;
  center: number;
  scale: number;
  missingIndicator: boolean;
}

export interface FittedOneHot {
  kind: 'onehot' | 'multihot';
  column: string;
  vocab: string[];
  /** Index in vocab used for missing cells (mode / constant imputation), or -1: all zeros. */
  imputeIndex: number;
  missingIndicator: boolean;
}

export interface FittedTargetEncoding {
  kind: 'target';
  column: string;
  vocab: string[];
  /** Per vocab entry: sum and count of the (transformed) target over all training rows. */
  sum: number[];
  count: number[];
  /** Per fold, per vocab entry: the same restricted to that fold (for out-of-fold values). */
  foldSum: number[][];
  foldCount: number[][];
  prior: number;
  smoothing: number;
  seed: number;
  /** Base64 bitset of training rows and a fingerprint of the fit table: those rows get out-of-fold values. */
  trainBits: string;
  fitFingerprint: string;
  missingIndicator: boolean;
}

export interface FittedEmbedding {
  kind: 'embedding';
  column: string;
  /** id = index + 1; 0 = unknown or missing. */
  vocab: string[];
}

export type FittedFeature = FittedNumeric | FittedOneHot | FittedTargetEncoding | FittedEmbedding;

export interface FittedTarget {
  column: string;
  task: Task;
  log1p: boolean;
  /** Regression: y = (t(x) - mean) / std. */
  mean: number;
  std: number;
  positiveLabel?: string;
  hitThreshold?: number;
  /** Classification of a text column read as true/false, yes/no. */
  booleanText?: boolean;
}

export interface FittedPipeline {
  version: 1;
  config: PrepConfig;
  seed: number;
  features: FittedFeature[];
  target: FittedTarget;
  featureNames: string[];
  sourceColumn: string[];
}
