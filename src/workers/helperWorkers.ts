/**
 * The helper workers the data worker starts itself (nested workers): the decode worker of a big CSV
 * load (decode.worker.ts; see core/ingest/decodePipe.ts) and the profile helper of a big table
 * (profile.worker.ts; see core/prep/profileParallel.ts).
 */
export const startDecodeWorker = (): Worker =>
  new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });

export const startProfileWorker = (): Worker =>
  new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module' });
