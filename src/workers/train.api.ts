/**
 * The training worker's API: picks a backend, freezes the draft into an ExperimentConfig, runs it,
 * streams runId-tagged events, and keeps the trained weights here (modelStore) for the bundle.
 */
import * as Comlink from 'comlink';
import { packBundle } from '../core/deploy/zip';
import { ExperimentError, runExperiment } from '../core/experiment/run';
import { configFromDraft } from '../core/experiment/draft';
import { bundleContentsOf, runOf, runRecord } from '../core/experiment/record';
import { modelCardInputOf } from '../core/experiment/card';
import { modelCardMarkdown } from '../core/report';
import { autoBackend, useBackend } from './backend';
import { dropCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoints';
import { dropArtifacts, loadArtifacts, saveArtifacts } from './modelStore';
import { createDeployApi } from './deploy.api';
import type { TrainApi, TrainEvent, TrainFailure, TrainOutcome } from './protocol';

export function createTrainApi(): TrainApi {
  const cancelled = new Set<string>();
  return {
    ...createDeployApi(),
    async train(req, onEvent): Promise<TrainOutcome | TrainFailure> {
      cancelled.delete(req.runId);
      const { backend, reason } = await useBackend(req.backend);
      onEvent({ runId: req.runId, type: 'backend', backend, reason });
      let lastBatch = 0;
      const resumeFrom = req.resume ? await loadCheckpoint(req.runId) : undefined;
      if (resumeFrom)
        onEvent({
          runId: req.runId,
          type: 'resumed',
          fromEpoch: resumeFrom.epoch,
          history: resumeFrom.history,
        });
      const config = configFromDraft(req.draft, req.table, req.profiles, req.dataName);
      let outcome;
      try {
        outcome = await runExperiment(
          config,
          { table: req.table, audio: req.audio },
          {
            resumeFrom,
            onCheckpoint: (c) => saveCheckpoint(req.runId, c),
            shouldStop: () => cancelled.has(req.runId),
            onEvent: (e) => {
              if (e.type === 'batch') {
                // Batch events are throttled to ~10 Hz; epoch events always go out.
                const now = Date.now();
                if (now - lastBatch < 100) return;
                lastBatch = now;
              }
              onEvent({ runId: req.runId, ...e } as TrainEvent);
            },
          },
        );
      } catch (e) {
        await dropCheckpoint(req.runId);
        if (e instanceof ExperimentError) return { failure: { field: e.field, message: e.message } };
        throw e;
      }
      await dropCheckpoint(req.runId);
      const { result, artifacts, golden } = runOf(outcome, config, {
        runId: req.runId,
        createdAt: new Date().toISOString(),
        backend,
      });
      const notSaved = await saveArtifacts(req.runId, { artifacts, golden });
      if (notSaved) result.warnings.push(notSaved);
      return { result, record: runRecord(result) };
    },
    cancel(runId) {
      cancelled.add(runId);
    },
    async dropModel(runId) {
      await dropArtifacts(runId);
    },
    async exportBundle(run, modelLabel) {
      const stored = await loadArtifacts(run.runId);
      if (!stored)
        throw new Error(
          'The weights of this run are no longer stored here (storage was cleared); train it again.',
        );
      const card = modelCardMarkdown(modelCardInputOf(run, { modelLabel }));
      const bytes = packBundle(bundleContentsOf(run, stored.artifacts, card, stored.golden));
      return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
    detectBackend: autoBackend,
  };
}
