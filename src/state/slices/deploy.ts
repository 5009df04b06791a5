/**
 * The deploy slice: importing a bundle (validated in the training worker before anything runs) as
 * the deployed model, and predicting a CSV with it; rows that could not be read or predicted are
 * listed with their line numbers.
 */
import type { AppState, DeploySlice, SliceCreator } from '../types';
import { message } from '../deps';

export const createDeploySlice: SliceCreator<DeploySlice> = (set, get, deps) => {
  const patch = (p: Partial<DeploySlice['deploy']>) => set((s: AppState) => ({ deploy: { ...s.deploy, ...p } }));
  return {
    deploy: {},

    async importBundle(file, fileName) {
      patch({ busy: 'importing', error: undefined });
      try {
        const out = await deps.client.importBundle(new Uint8Array(await file.arrayBuffer()), fileName);
        if (out.ok) patch({ model: out.info, prediction: undefined });
        else patch({ error: out.message });
      } catch (e) {
        patch({ error: `${fileName} was not loaded: ${message(e)}` });
      } finally {
        patch({ busy: undefined });
      }
    },

    async predictFile(file, fileName) {
      if (!get().deploy.model) return patch({ error: 'Import a model bundle (.zip) first.' });
      patch({ busy: 'predicting', error: undefined });
      try {
        const ds = await deps.client.readTable(file, fileName, () => undefined);
        const out = await deps.client.predictTable(ds.table);
        // Line numbers: the header is line 1; rows the reader skipped are listed with their own lines.
        const failures = [
          ...ds.report.skipped.map((s) => ({ line: s.line, reason: `not read: ${s.reason}` })),
          ...out.failures.map((f) => ({ row: f.row + 1, reason: f.reason })),
        ];
        patch({
          prediction: {
            fileName,
            rows: ds.table.rowCount,
            predicted: ds.table.rowCount - out.failures.length,
            failures,
            csv: out.csv,
            preview: Array.from(out.predictions.subarray(0, 5)),
          },
        });
      } catch (e) {
        patch({ error: `${fileName}: ${message(e)}`, prediction: undefined });
      } finally {
        patch({ busy: undefined });
      }
    },

    async refreshDeployed() {
      try {
        const model = await deps.client.deployedModel();
        patch({ model });
      } catch (e) {
        patch({ error: message(e) });
      }
    },
  };
};
