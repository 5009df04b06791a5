/**
 * An experiment: a plain-JSON config (pipeline, split, model, hyperparameters, seed) plus the
 * table it runs on, and the typed events and outcome of running it.
 */
import type { Table } from '../data/table';
import type { AudioMatrices } from '../data/audioMatrices';
import type { FittedPipeline } from '../prep';
import type { ExperimentConfig } from './config';
import type { Evaluation } from './evaluation';
import type { AudioScaling } from './inputs';
import type { LeakageFinding, SplitConfig } from '../split';
import type { ClassificationMetrics, RegressionMetrics } from '../evaluate';
import type { EpochEvent, ModelSummary } from '../train';
import type { ModelArtifactsData } from '../deploy/zip';
import type { GoldenRows } from '../deploy/golden';

export type { ExperimentConfig } from './config';

export interface SplitSizes {
  train: number;
  val: number;
  test: number;
  /** Rows left out because their target is missing or unusable. */
  droppedNoTarget: number;
}

export type ExperimentEvent =
  | {
      type: 'prepared';
      sizes: SplitSizes;
      nFeatures: number;
      featureNames: string[];
      summary: ModelSummary;
      warnings: string[];
    }
  | { type: 'batch'; epoch: number; batch: number; batchesPerEpoch: number; elapsedMs: number }
  | { type: 'epoch'; epoch: EpochEvent; epochs: number }
  | { type: 'phase'; phase: 'preparing' | 'training' | 'evaluating' };

export type ModelMetrics =
  | { task: 'regression'; model: RegressionMetrics; baseline: RegressionMetrics }
  | { task: 'classification'; model: ClassificationMetrics; baseline: ClassificationMetrics };

export interface ExperimentOutcome {
  stopReason: 'completed' | 'early-stopped' | 'cancelled' | 'diverged';
  message?: string;
  history: EpochEvent[];
  bestEpoch: number;
  sizes: SplitSizes;
  metrics: ModelMetrics;
  /** Test-set targets and predictions in original units. Shape: [test rows]. */
  testActual: Float32Array;
  testPredicted: Float32Array;
  /** Row indices (into the input table) of the test set, aligned with testActual. */
  testRows: Int32Array;
  trainRows: Int32Array;
  /** Intervals, baselines, plots, importance, partial dependence and bias, on the test rows. */
  evaluation: Evaluation;
  /** Values (artist, track) shared between train and test under the split used. */
  leakage: LeakageFinding[];
  /** The split actually used (the leakage guard may switch a random split to grouped). */
  splitUsed: { method: SplitConfig['method']; groupColumn?: string };
  splitNote?: string;
  /** Standardisation of the audio matrices (fitted on training rows), for models that read them. */
  audioScaling?: AudioScaling;
  pipeline: FittedPipeline;
  artifacts: ModelArtifactsData;
  /** A few test rows' inputs and the outputs this model gave (golden.json of the bundle). */
  golden: GoldenRows;
  summary: ModelSummary;
  featureNames: string[];
  warnings: string[];
}

/** The rows an experiment runs on: the table and, for models that read them, per-row audio matrices. */
export interface ExperimentData {
  table: Table;
  /** Per-row audio matrices, aligned with the table, for models that read MFCC or log-mel frames. */
  audio?: AudioMatrices;
}

/**
 * A finished run: the config that made it, when and where it ran, and what it measured. The run
 * history, experiment.json, the model card and the bundle are all built from it (core/experiment/record.ts).
 */
export interface Run {
  runId: string;
  /** When training finished (ISO 8601). */
  createdAt: string;
  config: ExperimentConfig;
  /** The tfjs backend it trained on. */
  backend: string;
  stopReason: ExperimentOutcome['stopReason'];
  message?: string;
  history: EpochEvent[];
  bestEpoch: number;
  sizes: SplitSizes;
  metrics: ModelMetrics;
  intervals: Evaluation['intervals'];
  splitUsed: ExperimentOutcome['splitUsed'];
  splitNote?: string;
  leakage: LeakageFinding[];
  warnings: string[];
  featureNames: string[];
  summary: ModelSummary;
  /** Wall time of the training loop, ms. */
  trainingMs: number;
}

/** A run with everything the results panel and the exports need (test rows and predictions, evaluation, pipeline). */
export interface RunResult extends Run {
  testActual: Float32Array;
  testPredicted: Float32Array;
  testRows: Int32Array;
  trainRows: Int32Array;
  evaluation: Evaluation;
  pipeline: FittedPipeline;
  audioScaling?: AudioScaling;
}
