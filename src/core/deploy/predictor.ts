/**
 * Prediction from a validated bundle: the bundle's fitted pipeline applied to a table's columns
 * (by name), then its model, then back to target units. The same TypeScript that prepared the
 * training rows prepares the new ones, so a bundle cannot be used with other preprocessing.
 */
import type * as tf from '@tensorflow/tfjs';
import { getColumn, type Table } from '../data/table';
import type { Task } from '../data/task';
import { embeddingInputs, inverseTarget, transformFeatures, type FittedPipeline } from '../prep';
import { getModelDescriptor } from '../models';
import { predictBatched } from '../train';
import { buildInputs, needsAudio, planInputs } from '../experiment/inputs';
import { artifactsToModel } from './artifacts';
import type { BundleContents } from './zip';

/** What a loaded model says about itself, for the Predict panel. */
export interface PredictorInfo {
  target: string;
  task: Task;
  modelId: string;
  /** Source columns a table must have (the features the pipeline reads). */
  columns: string[];
  /** True when the model also reads audio matrices (predict from audio files, not a table). */
  readsAudio: boolean;
  /** Classification: the decision threshold chosen at training time. */
  threshold?: number;
}

/** Per-row predictions (target units; classification: probability of a hit) and the rows that got none. */
export interface PredictOutcome {
  /** Shape: [table rows]; NaN where the row failed. */
  predictions: Float32Array;
  failures: Array<{ row: number; reason: string }>;
}

export interface Predictor {
  info: PredictorInfo;
  /** Predict every row of `table`; throws an Error naming the missing columns when it lacks any. */
  predictTable(table: Table): PredictOutcome;
  dispose(): void;
}

/** Build a predictor from an (already validated) bundle's contents. */
export async function createPredictor(bundle: BundleContents): Promise<Predictor> {
  const pipeline = bundle.preprocessing as FittedPipeline;
  const experiment = (bundle.experiment ?? {}) as { modelId?: string };
  const metrics = (bundle.metrics ?? {}) as { task?: Task; model?: { threshold?: number } };
  if (!pipeline || !Array.isArray(pipeline.features) || !pipeline.target)
    throw new Error('preprocessing.json is not a fitted Encore pipeline.');
  const modelId = experiment.modelId ?? 'mlp';
  const plan = planInputs(getModelDescriptor(modelId).needs);
  const model: tf.LayersModel = await artifactsToModel(bundle.model);
  const columns = [...new Set(pipeline.features.map((f) => f.column))];
  const info: PredictorInfo = {
    target: pipeline.target.column,
    task: pipeline.target.task,
    modelId,
    columns,
    readsAudio: needsAudio(plan),
    threshold: pipeline.target.task === 'classification' ? metrics.model?.threshold : undefined,
  };
  return {
    info,
    predictTable(table) {
      const missing = columns.filter((c) => !getColumn(table, c));
      if (missing.length > 0)
        throw new Error(
          `The table lacks ${missing.length === 1 ? 'the column' : 'the columns'} the model reads: ${missing.map((m) => `"${m}"`).join(', ')}.`,
        );
      if (info.readsAudio)
        throw new Error('This model also reads audio (MFCC or spectrogram frames): predict from audio files.');
      const rows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
      const x = transformFeatures(pipeline, table, rows);
      const emb = plan.embeddings ? embeddingInputs(pipeline, table, rows) : undefined;
      const inputs = buildInputs(plan, x.X, x.nFeatures, rows, undefined, undefined, emb);
      const raw = predictBatched(model, inputs, rows.length);
      const predictions = info.task === 'regression' ? inverseTarget(pipeline, raw) : raw;
      const failures: PredictOutcome['failures'] = [];
      for (let i = 0; i < predictions.length; i++)
        if (!Number.isFinite(predictions[i]!)) {
          predictions[i] = NaN;
          failures.push({ row: i, reason: 'The model gave no finite value for this row.' });
        }
      return { predictions, failures };
    },
    dispose() {
      model.dispose();
    },
  };
}
