/** Starts the decode worker of a big CSV load (decode.worker.ts; see core/ingest/decodePipe.ts). */
export const startDecodeWorker = (): Worker =>
  new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
