/**
 * Run one experiment end to end on a table: usable rows -> seeded split -> pipeline fitted on
 * the training rows only -> model from the registry -> training loop -> metrics on the held-out
 * test rows beside a baseline -> serialised model. Pure core: the same code runs in the
 * training worker and in Node tests.
 */
import { getColumn } from '../data/table';
import {
  embeddingInputs,
  fitPipeline,
  inverseTarget,
  targetPresentRows,
  transformFeatures,
  transformTarget,
} from '../prep';
import { guardedSplit } from './leakage';
import { evaluateRun } from './evaluation';
import { buildInputs, embeddingPrep, fitAudioScaling, inputSpec, needsAudio, planInputs } from './inputs';
import { chooseThreshold, classificationMetrics, meanBaseline, regressionMetrics } from '../evaluate';
import { getModelDescriptor } from '../models';
import { predictBatched, summarizeModel, trainModel, type TrainCheckpoint, type TrainSet } from '../train';
import { modelToArtifacts } from '../deploy/artifacts';
import { makeGolden } from '../deploy/golden';

/** Test rows recorded as golden rows in the bundle. */
const GOLDEN_ROWS = 5;
import type { Table } from '../data/table';
import { tableHash } from '../data/fingerprint';
import type { ExperimentConfig } from './config';
import type { ExperimentData, ExperimentEvent, ExperimentOutcome, ModelMetrics } from './types';

/** A problem with the experiment's set-up that the person can fix; `field` names the control. */
export class ExperimentError extends Error {
  constructor(
    message: string,
    readonly field: 'target' | 'features' | 'split' | 'model' | 'data',
  ) {
    super(message);
    this.name = 'ExperimentError';
  }
}

export interface ExperimentHooks {
  onEvent?(e: ExperimentEvent): void;
  /** Polled after every batch; true stops training within one batch. */
  shouldStop?(): boolean;
  /** Called after every epoch with everything needed to resume (weights, optimizer state, history). */
  onCheckpoint?(c: TrainCheckpoint): void | Promise<void>;
  /** Continue a run from this checkpoint (same config and data) instead of starting at epoch 1. */
  resumeFrom?: TrainCheckpoint;
}

/** Check the set-up before any work; throws ExperimentError naming the control to fix. */
export function validateExperiment(config: ExperimentConfig, table: Table): void {
  const { prep } = config;
  if (table.rowCount === 0) throw new ExperimentError('The table has no rows.', 'data');
  const target = getColumn(table, prep.target);
  if (!target)
    throw new ExperimentError(`Choose a target column: "${prep.target}" is not in the table.`, 'target');
  if (prep.features.length === 0)
    throw new ExperimentError('Choose at least one feature column.', 'features');
  if (prep.features.some((f) => f.name === prep.target)) {
    throw new ExperimentError(`The target "${prep.target}" cannot also be a feature.`, 'features');
  }
  for (const f of prep.features) {
    if (!getColumn(table, f.name))
      throw new ExperimentError(`Feature "${f.name}" is not in the table.`, 'features');
  }
  if (prep.task === 'regression' && target.kind !== 'number') {
    throw new ExperimentError(
      `The target "${prep.target}" has no numeric values; choose a numeric target or switch the task to classification.`,
      'target',
    );
  }
}

/**
 * Run the experiment `config` on `data` (a table, or a table with per-row audio matrices); see the
 * module comment. The one entry point of the UI, the tuner, the retrainer and the command line.
 * Throws ExperimentError for set-up problems.
 */
export async function runExperiment(
  config: ExperimentConfig,
  data: Table | ExperimentData,
  hooks: ExperimentHooks = {},
): Promise<ExperimentOutcome> {
  const input = { ...config, ...('rowCount' in data ? { table: data } : data) };
  const emit = hooks.onEvent ?? (() => {});
  emit({ type: 'phase', phase: 'preparing' });
  validateExperiment(config, input.table);
  const { table, split, train } = input;
  const warnings: string[] = [];
  if (config.data && (config.data.rows !== table.rowCount || config.data.hash !== tableHash(table)))
    warnings.push(
      `This experiment was made on other data (${config.data.name}, ${config.data.rows} rows); its metrics will differ.`,
    );

  const descriptor = getModelDescriptor(input.modelId);
  if (!descriptor.tasks.includes(input.prep.task)) {
    throw new ExperimentError(`${descriptor.label} does not support ${input.prep.task}.`, 'model');
  }
  const plan = planInputs(descriptor.needs);
  const embedded = embeddingPrep(input.prep, plan);
  const prep = embedded.prep;
  if (plan.embeddings && !prep.features.some((f) => f.encoding === 'embedding')) {
    throw new ExperimentError(
      `${descriptor.label} learns embeddings of category columns: choose at least one category feature (artist, album, genre...).`,
      'features',
    );
  }
  if (embedded.note) warnings.push(embedded.note);
  const audio = needsAudio(plan) ? input.audio : undefined;
  if (needsAudio(plan) && !audio) {
    throw new ExperimentError(
      `${descriptor.label} reads audio (MFCC or spectrogram frames): add audio files in the Audio panel and use or join their features first.`,
      'model',
    );
  }
  let usable = targetPresentRows(prep, table);
  if (audio) {
    const withAudio = usable.filter((r) => audio.present[r] === 1);
    if (withAudio.length < usable.length)
      warnings.push(`${usable.length - withAudio.length} rows have no audio and were left out.`);
    usable = withAudio;
  }
  const droppedNoTarget = table.rowCount - usable.length;
  if (usable.length === 0)
    throw new ExperimentError(`The target "${prep.target}" has no values to learn from.`, 'target');
  if (usable.length < 10) {
    throw new ExperimentError(
      `Only ${usable.length} rows have a value for "${prep.target}"; at least 10 are needed.`,
      'target',
    );
  }
  if (droppedNoTarget > 0)
    warnings.push(`${droppedNoTarget} rows have no usable "${prep.target}" value and were left out.`);

  let guarded;
  try {
    guarded = guardedSplit(table, usable, split, input.guardLeakage !== false);
  } catch (e) {
    throw new ExperimentError(e instanceof Error ? e.message : String(e), 'split');
  }
  const s = guarded.split;
  if (guarded.note) warnings.push(guarded.note);
  warnings.push(...s.warnings);
  if (s.train.length === 0 || s.test.length === 0) {
    throw new ExperimentError(
      'The split left the training or the test set empty; change the fractions.',
      'split',
    );
  }
  let valRows = s.val;
  if (valRows.length === 0) {
    valRows = s.train;
    warnings.push('No validation rows: early stopping watches the training loss instead.');
  }

  const pipeline = fitPipeline(table, s.train, prep, split.seed);
  const xTrain = transformFeatures(pipeline, table, s.train);
  if (xTrain.nFeatures === 0) {
    throw new ExperimentError(
      plan.embeddings
        ? `${descriptor.label} also needs at least one numeric, boolean, date or one-hot feature beside the embedded columns.`
        : 'The chosen features produce no model inputs.',
      'features',
    );
  }
  const xVal = transformFeatures(pipeline, table, valRows);
  const xTest = transformFeatures(pipeline, table, s.test);
  const yTrain = transformTarget(pipeline, table, s.train);
  const yVal = transformTarget(pipeline, table, valRows);
  const yTest = transformTarget(pipeline, table, s.test);
  const d = xTrain.nFeatures;
  const audioScaling = audio ? fitAudioScaling(audio, s.train) : undefined;
  const inputsOf = (X: Float32Array, rows: Int32Array) =>
    buildInputs(
      plan,
      X,
      d,
      rows,
      audio,
      audioScaling,
      plan.embeddings ? embeddingInputs(pipeline, table, rows) : undefined,
    );
  const asSet = (X: Float32Array, y: Float32Array, rows: Int32Array): TrainSet => ({
    inputs: inputsOf(X, rows),
    y,
    n: rows.length,
  });

  const model = descriptor.build(
    {
      inputs: inputSpec(
        plan,
        d,
        audio,
        plan.embeddings ? embeddingInputs(pipeline, table, s.train) : undefined,
      ),
      task: prep.task,
      outputUnits: 1,
      // The training seed: initial weights (the split seed drives the split and the pipeline).
      seed: train.seed,
    },
    { ...descriptor.defaults, ...input.modelParams },
  );
  try {
    const summary = summarizeModel(model);
    const sizes = { train: s.train.length, val: s.val.length, test: s.test.length, droppedNoTarget };
    emit({
      type: 'prepared',
      sizes,
      nFeatures: d,
      featureNames: xTrain.featureNames,
      summary,
      warnings: [...warnings],
    });
    emit({ type: 'phase', phase: 'training' });

    const loss = train.loss ?? (prep.task === 'classification' ? 'bce' : 'mse');
    const result = await trainModel(
      model,
      asSet(xTrain.X, yTrain, s.train),
      asSet(xVal.X, yVal, valRows),
      { ...train, loss },
      {
        onBatch: (e) =>
          emit({
            type: 'batch',
            epoch: e.epoch,
            batch: e.batch,
            batchesPerEpoch: e.batchesPerEpoch,
            elapsedMs: e.elapsedMs,
          }),
        onEpoch: (e) => emit({ type: 'epoch', epoch: e, epochs: train.epochs }),
        shouldStop: hooks.shouldStop,
        onCheckpoint: hooks.onCheckpoint,
      },
      hooks.resumeFrom,
    );
    if (result.message) warnings.push(result.message);

    emit({ type: 'phase', phase: 'evaluating' });
    const rawTest = predictBatched(model, inputsOf(xTest.X, s.test), xTest.nRows);
    let metrics: ModelMetrics;
    let testActual: Float32Array;
    let testPredicted: Float32Array;
    if (prep.task === 'regression') {
      testActual = inverseTarget(pipeline, yTest);
      testPredicted = inverseTarget(pipeline, rawTest);
      const base = meanBaseline(inverseTarget(pipeline, yTrain))(testActual.length);
      metrics = {
        task: 'regression',
        model: regressionMetrics(testActual, testPredicted),
        baseline: regressionMetrics(testActual, base),
      };
    } else {
      const rawVal = predictBatched(model, inputsOf(xVal.X, valRows), xVal.nRows);
      const threshold = chooseThreshold(yVal, rawVal);
      testActual = yTest;
      testPredicted = rawTest;
      const base = meanBaseline(yTrain)(yTest.length);
      metrics = {
        task: 'classification',
        model: classificationMetrics(yTest, rawTest, threshold),
        baseline: classificationMetrics(yTest, base, 0.5),
      };
    }
    const predictOriginal = (X: Float32Array): Float32Array => {
      const raw = predictBatched(model, [{ data: X, shape: [d] }], X.length / d);
      return prep.task === 'regression' ? inverseTarget(pipeline, raw) : raw;
    };
    const evaluation = await evaluateRun({
      table,
      task: prep.task,
      seed: split.seed,
      target: prep.target,
      trainRows: s.train,
      testRows: s.test,
      xTest: xTest.X,
      xTrain: xTrain.X,
      nFeatures: d,
      featureNames: xTrain.featureNames,
      sourceColumn: xTrain.sourceColumn,
      yTest: testActual,
      yTrain: prep.task === 'regression' ? inverseTarget(pipeline, yTrain) : yTrain,
      testPredicted,
      // Importance permutes tabular columns only; a model that also reads audio matrices or category codes
      // is skipped there (its other inputs cannot follow the permuted rows).
      predict: needsAudio(plan) || plan.embeddings ? undefined : predictOriginal,
      threshold: metrics.task === 'classification' ? metrics.model.threshold : undefined,
    });
    const artifacts = await modelToArtifacts(model);
    // Golden rows: the first few test rows' inputs and outputs, so a loaded bundle can prove it is this model.
    const k = Math.min(GOLDEN_ROWS, s.test.length);
    const golden = await makeGolden(
      model,
      inputsOf(xTest.X, s.test).map((x) => {
        const per = x.shape.reduce((a, b) => a * b, 1);
        return {
          data: x.data.subarray(0, k * per),
          shape: [k, ...x.shape],
          dtype: x.data instanceof Int32Array ? ('int32' as const) : ('float32' as const),
        };
      }),
    );
    return {
      stopReason: result.stopReason,
      message: result.message,
      history: result.history,
      bestEpoch: result.bestEpoch,
      sizes,
      metrics,
      testActual,
      testPredicted,
      testRows: s.test,
      evaluation,
      trainRows: s.train,
      leakage: s.leakage,
      splitUsed: guarded.used,
      splitNote: guarded.note,
      audioScaling,
      pipeline,
      artifacts,
      golden,
      summary,
      featureNames: xTrain.featureNames,
      warnings,
    };
  } finally {
    model.dispose();
  }
}
