/** The training worker's API: picks a backend, runs an experiment, streams runId-tagged events. */
import * as Comlink from 'comlink';
import { packBundle } from '../core/deploy/zip';
import { ExperimentError, runExperiment } from '../core/experiment/run';
import { autoBackend, useBackend } from './backend';
import { dropCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoints';
import type { TrainApi, TrainEvent, TrainFailure, TrainOutcome } from './protocol';

export function createTrainApi(): TrainApi {
  const cancelled = new Set<string>();
  return {
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
      let outcome;
      try {
        outcome = await runExperiment(req, {
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
        });
      } catch (e) {
        await dropCheckpoint(req.runId);
        if (e instanceof ExperimentError) return { failure: { field: e.field, message: e.message } };
        throw e;
      }
      await dropCheckpoint(req.runId);
      return { ...outcome, runId: req.runId, backend };
    },
    cancel(runId) {
      cancelled.add(runId);
    },
    async exportBundle(contents) {
      const bytes = packBundle(contents);
      return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
    detectBackend: autoBackend,
  };
}
