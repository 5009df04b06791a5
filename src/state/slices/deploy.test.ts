import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fakeDeps, tinyDataset } from '../../test-support/state/fakeDeps';

const info = {
  fileName: 'm.zip',
  target: 'popularity',
  task: 'regression' as const,
  modelId: 'mlp',
  columns: ['energy'],
  readsAudio: false,
  goldenRows: 5,
  metrics: {},
};

describe('deploy slice', () => {
  it('a refused bundle leaves nothing deployed and says why', async () => {
    const { deps, client } = fakeDeps();
    client.importBundle.mockResolvedValue({ ok: false, message: 'm.zip was not loaded (hash): weights.bin: hash mismatch' });
    const store = createAppStore(deps);
    await store.getState().importBundle(new Blob(['x']), 'm.zip');
    expect(store.getState().deploy.model).toBeUndefined();
    expect(store.getState().deploy.error).toMatch(/hash mismatch/);
  });

  it('predicts a file and lists rows the reader skipped by line and failed rows by row', async () => {
    const { deps, client } = fakeDeps();
    client.importBundle.mockResolvedValue({ ok: true, info });
    const ds = tinyDataset('new.csv');
    ds.report.skipped = [{ line: 3, reason: 'expected 3 fields, found 5', raw: '1,2,3,4,5' }] as never;
    client.readTable.mockResolvedValue(ds);
    client.predictTable.mockResolvedValue({
      predictions: new Float32Array([1, 2, NaN, 4]),
      failures: [{ row: 2, reason: 'The model gave no finite value for this row.' }],
      csv: 'a\r\n',
    });
    const store = createAppStore(deps);
    await store.getState().importBundle(new Blob(['x']), 'm.zip');
    await store.getState().predictFile(new Blob(['x']), 'new.csv');
    const p = store.getState().deploy.prediction!;
    expect(p).toMatchObject({ fileName: 'new.csv', rows: 4, predicted: 3, csv: 'a\r\n' });
    expect(p.failures).toEqual([
      { line: 3, reason: 'not read: expected 3 fields, found 5' },
      { row: 3, reason: 'The model gave no finite value for this row.' },
    ]);
  });

  it('asks for a model before predicting', async () => {
    const { deps, client } = fakeDeps();
    const store = createAppStore(deps);
    await store.getState().predictFile(new Blob(['x']), 'new.csv');
    expect(client.readTable).not.toHaveBeenCalled();
    expect(store.getState().deploy.error).toMatch(/Import a model bundle/);
  });
});
