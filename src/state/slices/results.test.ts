import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, fakeRun } from '../../test-support/state/fakeDeps';
import { MAX_RUNS } from './run';

const outcome = (id: string) => {
  const result = fakeRun(id);
  return { result, record: { ...result } };
};

describe('results slice', () => {
  it('keeps at most MAX_RUNS runs and forgets the weights of the ones dropped', () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    for (let i = 0; i < MAX_RUNS + 2; i++) store.getState().recordRun(outcome(`r${i}`));
    expect(store.getState().runs).toHaveLength(MAX_RUNS);
    expect(store.getState().runs[0]!.runId).toBe(`r${MAX_RUNS + 1}`);
    expect(client.dropModel.mock.calls.map((c) => c[0])).toEqual(['r0', 'r1']);
  });

  it('builds experiment.json and the bundle through the workers, named after the data', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    store.getState().recordRun(outcome('r1'));
    store.getState().recordRun(outcome('r2'));
    const file = await store.getState().experimentFile('r1');
    expect(file?.fileName).toBe('experiment-tiny.json');
    expect((client.experimentJson.mock.calls[0]![0] as { runId: string }).runId).toBe('r1');
    const zip = await store.getState().exportModel();
    expect(zip?.fileName).toBe('encore-tiny.zip');
    expect((client.exportBundle.mock.calls[0]![0] as { runId: string }).runId).toBe('r2');
  });

  it('deleting a run that is not the current result drops its weights', () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    store.getState().recordRun(outcome('r1'));
    store.getState().recordRun(outcome('r2'));
    store.getState().removeRun('r2');
    expect(client.dropModel).not.toHaveBeenCalled();
    store.getState().removeRun('r1');
    expect(client.dropModel).toHaveBeenCalledWith('r1');
    expect(store.getState().runs).toEqual([]);
  });

  it('an export error is shown, not thrown', async () => {
    const { deps, client } = fakeDeps();
    client.exportBundle.mockRejectedValue(new Error('The weights of this run are no longer stored here'));
    const store = createAppStore(deps);
    store.getState().recordRun(outcome('r1'));
    expect(await store.getState().exportModel()).toBeUndefined();
    expect(store.getState().errors.export).toMatch(/no longer stored/);
  });
});
