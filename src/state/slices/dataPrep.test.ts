import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, tinyDataset, tinyTable } from '../../test-support/state/fakeDeps';

describe('data-preparation slice', () => {
  it('scans once per table and merges duplicates into a new dataset, clearing the old result', async () => {
    const { deps, prep, client } = fakeDeps();
    prep.scanDuplicates.mockResolvedValue([{ duplicateRows: 1 }]);
    const merged = { ...tinyTable(), rowCount: 3 };
    prep.dedupeTable.mockResolvedValue({ table: merged, removed: 1 });
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    await store.getState().scanDuplicates();
    await store.getState().scanDuplicates();
    expect(prep.scanDuplicates).toHaveBeenCalledTimes(1);
    expect(store.getState().prep.scans).toHaveLength(1);
    await store.getState().removeDuplicates({ kind: 'exact' } as never, 'first');
    expect(client.profileTable).toHaveBeenCalled();
    expect(store.getState().dataset?.table).toBe(merged);
    expect(store.getState().prep).toMatchObject({
      deduping: false,
      lastMerge: { removed: 1 },
      mergedTable: merged,
    });
  });

  it('a failed scan says so in the panel', async () => {
    const { deps, prep } = fakeDeps();
    prep.scanDuplicates.mockRejectedValue(new Error('boom'));
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    await store.getState().scanDuplicates();
    expect(store.getState().prep.error).toBe('Could not look for duplicates: boom');
  });

  it('newly flagged leakage suspects leave the features', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().installDataset(tinyDataset());
    const profiles = tinyDataset().profiles.map((p) =>
      p.name === 'energy' ? { ...p, flags: ['leak' as const] } : p,
    );
    client.profileTable.mockResolvedValue(profiles);
    await store.getState().profileAgainstTarget();
    expect(store.getState().setup.features).toEqual([]);
  });
});
