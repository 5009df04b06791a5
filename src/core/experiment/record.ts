/**
 * Everything built from a finished run, in one place: the Run (config + outcome), its light
 * record for the run history, experiment.json, and the bundle's contents. The store only keeps
 * what these return.
 */
import type { BundleContents, ModelArtifactsData } from '../deploy/zip';
import type { GoldenRows } from '../deploy/golden';
import type { ExperimentConfig } from './config';
import type { ExperimentOutcome, Run, RunResult } from './types';

/** The Run of an outcome: the config that made it, when (training finished) and on which backend. */
export function runOf(
  outcome: ExperimentOutcome,
  config: ExperimentConfig,
  meta: { runId: string; createdAt: string; backend: string },
): { result: RunResult; artifacts: ModelArtifactsData; golden: GoldenRows } {
  const { artifacts, golden, evaluation, ...rest } = outcome;
  const result: RunResult = {
    runId: meta.runId,
    createdAt: meta.createdAt,
    config,
    backend: meta.backend,
    stopReason: rest.stopReason,
    message: rest.message,
    history: rest.history,
    bestEpoch: rest.bestEpoch,
    sizes: rest.sizes,
    metrics: rest.metrics,
    intervals: evaluation.intervals,
    splitUsed: rest.splitUsed,
    splitNote: rest.splitNote,
    leakage: rest.leakage,
    warnings: rest.warnings,
    featureNames: rest.featureNames,
    summary: rest.summary,
    trainingMs: rest.history[rest.history.length - 1]?.elapsedMs ?? 0,
    testActual: rest.testActual,
    testPredicted: rest.testPredicted,
    testRows: rest.testRows,
    trainRows: rest.trainRows,
    evaluation,
    pipeline: rest.pipeline,
    audioScaling: rest.audioScaling,
  };
  return { result, artifacts, golden };
}

/** The light record kept in the run history (no per-row arrays, no evaluation details). */
export function runRecord(r: RunResult): Run {
  const {
    testActual: _a,
    testPredicted: _p,
    testRows: _t,
    trainRows: _r,
    evaluation: _e,
    pipeline: _pl,
    audioScaling: _s,
    ...run
  } = r;
  return run;
}

/** What `ran` in experiment.json says: enough to check a replay against. */
export interface RanSummary {
  runId: string;
  createdAt: string;
  backend: string;
  /** The split actually used (the leakage guard may have switched a random split to grouped). */
  splitUsed: Run['splitUsed'];
  stopReason: Run['stopReason'];
  bestEpoch: number;
  epochs: number;
  sizes: Run['sizes'];
  metrics: Run['metrics'];
}

/** experiment.json: the config (which replays the run) plus what happened when it ran. */
export function experimentJson(run: Run): string {
  const ran: RanSummary = {
    runId: run.runId,
    createdAt: run.createdAt,
    backend: run.backend,
    splitUsed: run.splitUsed,
    stopReason: run.stopReason,
    bestEpoch: run.bestEpoch,
    epochs: run.history.length,
    sizes: run.sizes,
    metrics: run.metrics,
  };
  return JSON.stringify({ $schema: 'experiment.schema.json', ...run.config, ran }, null, 2);
}

/** The bundle of a run: the model, the fitted preprocessing, metrics, experiment.json and the card. */
export function bundleContentsOf(
  run: RunResult,
  artifacts: ModelArtifactsData,
  modelCard?: string,
  golden?: GoldenRows,
): BundleContents {
  return {
    model: artifacts,
    golden,
    createdAt: run.createdAt,
    preprocessing: run.audioScaling ? { ...run.pipeline, audioScaling: run.audioScaling } : run.pipeline,
    metrics: {
      ...run.metrics,
      intervals: run.intervals,
      sizes: run.sizes,
      bestEpoch: run.bestEpoch,
      stopReason: run.stopReason,
      splitUsed: run.splitUsed,
    },
    experiment: JSON.parse(experimentJson(run)) as unknown,
    modelCard,
  };
}
