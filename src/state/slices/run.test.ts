import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, fakeRun, tinyDataset } from '../../test-support/state/fakeDeps';
import type { TrainEvent, TrainRequest } from '../../workers/protocol';
import { applyEvent } from './run';
import { idleRun } from './defaults';

describe('run slice', () => {
  it('sends the set-up as a draft, follows its events, drops a stale run’s, and records the run', async () => {
    const { deps, client, saved } = fakeDeps();
    client.trainModel.mockImplementation(async (req: TrainRequest, onEvent: (e: TrainEvent) => void) => {
      onEvent({ runId: 'other-run', type: 'phase', phase: 'evaluating' });
      onEvent({ runId: req.runId, type: 'backend', backend: 'wasm', reason: 'fastest here' });
      onEvent({
        runId: req.runId,
        type: 'epoch',
        epoch: { epoch: 1, loss: 2, valLoss: 3, lr: 0.001, elapsedMs: 10, best: true },
        epochs: 1,
      });
      expect(store.getState().run).toMatchObject({ status: 'running', backend: 'wasm', phase: 'preparing' });
      const result = fakeRun(req.runId);
      return { result, record: { ...result } };
    });
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    store.getState().setTrain({ seed: 1234 });
    await store.getState().startTraining();
    const req = client.trainModel.mock.calls[0]![0] as TrainRequest;
    expect(req.draft.train.seed).toBe(1234);
    expect(req.dataName).toBe('tiny.csv');
    const s = store.getState();
    expect(s.run.status).toBe('done');
    expect(s.run.epochs).toHaveLength(1);
    expect(s.result?.runId).toBe(req.runId);
    expect(s.runs.map((r) => r.runId)).toEqual([req.runId]);
    expect(saved.has('activeRun')).toBe(false);
  });

  it('puts a set-up error next to its control', async () => {
    const { deps, client } = fakeDeps();
    client.trainModel.mockImplementation(async () => {
      throw new deps.client.SetupError('features', 'Choose at least one feature column.');
    });
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    await store.getState().startTraining();
    expect(store.getState().errors.features).toBe('Choose at least one feature column.');
    expect(store.getState().run.status).toBe('error');
  });

  it('refuses impossible split shares before calling the worker', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    store.getState().setSplit({ val: 0.6, test: 0.5 });
    await store.getState().startTraining();
    expect(client.trainModel).not.toHaveBeenCalled();
    expect(store.getState().errors.split).toMatch(/room left for training/);
  });

  it('a resumed run’s replayed epoch replaces the one already shown (each epoch once)', () => {
    const e = (epoch: number) => ({ epoch, loss: 1, valLoss: 1, lr: 1, elapsedMs: 1, best: false });
    let r = { ...idleRun, epochs: [e(1), e(2), e(3)] };
    r = { ...r, ...applyEvent(r, { runId: 'x', type: 'epoch', epoch: e(3), epochs: 5 }) };
    r = { ...r, ...applyEvent(r, { runId: 'x', type: 'epoch', epoch: e(4), epochs: 5 }) };
    expect(r.epochs.map((x) => x.epoch)).toEqual([1, 2, 3, 4]);
  });
});
