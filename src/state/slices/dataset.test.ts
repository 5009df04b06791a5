import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, tinyDataset } from '../../test-support/state/fakeDeps';

describe('dataset slice', () => {
  it('loads a CSV through the client and installs it: suggested target, its task, features without it', async () => {
    const { deps, client, saved } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().loadFile(new Blob(['x']), 'tiny.csv');
    const s = store.getState();
    expect(client.ingestFiles).toHaveBeenCalledTimes(1);
    expect(s.dataset?.fileName).toBe('tiny.csv');
    expect(s.setup).toMatchObject({ target: 'popularity', task: 'regression', features: ['energy'] });
    expect(s.setup.types).toEqual(['category', 'number', 'number']);
    expect(s.loading).toBeUndefined();
    expect(saved.get('dataset')).toBe(s.dataset);
  });

  it('says a cancelled load was cancelled, and keeps the previous dataset', async () => {
    const { deps } = fakeDeps({
      client: {
        ingestFiles: async () => {
          throw new deps0.client.CancelledError();
        },
      },
    });
    const deps0 = deps;
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset('before.csv'));
    await store.getState().loadFile(new Blob(['x']), 'big.csv');
    expect(store.getState().errors.file).toBe('Loading big.csv was cancelled.');
    expect(store.getState().dataset?.fileName).toBe('before.csv');
  });

  it('installs an audio-derived dataset keeping the current target when the table still has it', async () => {
    const { deps } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    store.getState().setTarget('energy');
    await store
      .getState()
      .installDataset({ ...tinyDataset('joined'), suggestedTarget: 'popularity' }, { keepTarget: true });
    expect(store.getState().setup.target).toBe('energy');
    await store.getState().installDataset({ ...tinyDataset('joined'), suggestedTarget: 'popularity' });
    expect(store.getState().setup.target).toBe('popularity');
  });

  it('asks for a target when no column looks like one', async () => {
    const { deps } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset({ ...tinyDataset(), suggestedTarget: undefined });
    expect(store.getState().errors.target).toMatch(/choose one/);
  });
});
