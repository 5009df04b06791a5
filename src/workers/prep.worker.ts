/** The prep worker: duplicates, dedupe and the skipped-rows export, exposed with comlink. */
import * as Comlink from 'comlink';
import { tableTransferables } from '../core/data/table';
import { createPrepApi, type PrepApi } from './prep.api';

const api = createPrepApi();

// The deduped table is new memory: transfer its buffers back instead of copying them.
const exposed: PrepApi = {
  ...api,
  async dedupe(table, key, mode, target) {
    const out = await api.dedupe(table, key, mode, target);
    return Comlink.transfer(out, tableTransferables(out.table));
  },
};

Comlink.expose(exposed);
