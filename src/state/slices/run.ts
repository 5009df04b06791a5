/** The run slice: training in the worker with live, runId-tagged events, cancel, and resuming after a reload. */
import type { TrainEvent } from '../../workers/protocol';
import { message } from '../deps';
import type { ActiveRun, ErrorField, RunSlice, RunView, SliceCreator } from '../types';
import { idleRun } from './defaults';

/** How one training event changes the run view. */
export function applyEvent(r: RunView, e: TrainEvent): Partial<RunView> {
  switch (e.type) {
    case 'backend':
      return { backend: e.backend, backendReason: e.reason };
    case 'resumed':
      return { resumedFromEpoch: e.fromEpoch, epochs: e.history };
    case 'phase':
      return { phase: e.phase };
    case 'prepared':
      return { summary: e.summary, sizes: e.sizes, nFeatures: e.nFeatures, warnings: e.warnings };
    case 'batch':
      return { batch: e };
    case 'epoch':
      // A resumed run replays from its checkpoint: an epoch already shown replaces itself.
      return { epochs: [...r.epochs.filter((x) => x.epoch < e.epoch.epoch), e.epoch] };
  }
}

export const MAX_RUNS = 30;

let trainAbort: AbortController | undefined;

export const createRunSlice: SliceCreator<RunSlice> = (set, get, deps) => ({
  run: idleRun,

  async startTraining(resume) {
    const dataset = get().dataset;
    const setup = resume?.setup ?? get().setup;
    if (!dataset) return get().setError('file', 'Load a CSV first.');
    const { val, test } = setup.split;
    if (!(val >= 0 && test > 0 && val + test < 1))
      return get().setError(
        'split',
        'Validation and test shares must be between 0 and 1, with room left for training.',
      );
    const runId = resume?.runId ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    trainAbort = new AbortController();
    void deps.persist.save('activeRun', { runId, setup } satisfies ActiveRun);
    set((s) => ({
      run: { ...idleRun, status: 'running', runId, totalEpochs: setup.train.epochs, phase: 'preparing' },
      errors: { experiment: s.errors.experiment },
    }));
    const accept = (fn: (r: RunView) => Partial<RunView>) =>
      set((s) => (s.run.runId === runId ? { run: { ...s.run, ...fn(s.run) } } : {}));
    try {
      const outcome = await deps.client.trainModel(
        {
          runId,
          draft: setup,
          profiles: dataset.profiles,
          dataName: dataset.fileName,
          table: dataset.table,
          audio: dataset.audio,
          backend: setup.backend,
          resume: !!resume,
        },
        (e) => {
          if (e.runId === runId) accept((r) => applyEvent(r, e)); // else a stale run's event
        },
        trainAbort.signal,
      );
      accept(() => ({ status: 'done', phase: undefined }));
      get().recordRun(outcome);
      await deps.persist.remove('activeRun');
    } catch (e) {
      void deps.persist.remove('activeRun');
      const cancelled = e instanceof deps.client.CancelledError;
      accept(() => ({ status: cancelled ? 'idle' : 'error', phase: undefined }));
      const field: ErrorField = e instanceof deps.client.SetupError ? e.field : 'train';
      get().setError(field, cancelled ? 'Training was cancelled.' : message(e));
    }
  },

  cancelTraining() {
    set((s) => ({ run: { ...s.run, cancelRequested: true } }));
    trainAbort?.abort();
  },
});
