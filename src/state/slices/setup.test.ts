import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, tinyDataset } from '../../test-support/state/fakeDeps';
import type { TrainRequest } from '../../workers/protocol';

describe('setup slice', () => {
  it('changing the target changes the task, drops the target from the features and clears its errors', async () => {
    const { deps } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    store.getState().setError('target', 'old');
    store.getState().setTarget('artist');
    expect(store.getState().setup).toMatchObject({ target: 'artist', task: 'classification' });
    expect(store.getState().setup.features).toEqual(['energy', 'popularity']);
    expect(store.getState().errors.target).toBeUndefined();
  });

  it('opening an experiment.json sets every control from it and trains it again', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    const draft = {
      ...store.getState().setup,
      modelId: 'wide-deep',
      train: { ...store.getState().setup.train, seed: 99, epochs: 3 },
      split: { ...store.getState().setup.split, seed: 5 },
    };
    client.openExperiment.mockResolvedValue({
      ok: true,
      draft,
      notes: { errors: [], warnings: [] },
      ran: { backend: 'wasm', metrics: { task: 'regression' } },
    });
    await store.getState().openExperiment(new Blob(['{}']), 'experiment.json');
    const s = store.getState();
    expect(s.setup).toMatchObject({
      modelId: 'wide-deep',
      backend: 'wasm',
      train: { seed: 99 },
      split: { seed: 5 },
    });
    expect(s.opened?.fileName).toBe('experiment.json');
    const req = client.trainModel.mock.calls[0]![0] as TrainRequest;
    expect(req.draft.train.seed).toBe(99);
  });

  it('a bad experiment.json is named in the message and changes nothing', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    const before = store.getState().setup;
    client.openExperiment.mockResolvedValue({ ok: false, message: 'split.seed is missing.' });
    await store.getState().openExperiment(new Blob(['{}']), 'mine.json');
    expect(store.getState().errors.experiment).toBe('mine.json: split.seed is missing.');
    expect(store.getState().setup).toBe(before);
    expect(client.trainModel).not.toHaveBeenCalled();
  });
});
