/**
 * The one module that creates workers. Clients (client.ts, audioClient.ts, prepClient.ts) and the
 * data worker's nested helpers (helperWorkers.ts) call these; Vite bundles each worker from the
 * `new URL(..., import.meta.url)` literal here.
 */

/** The data worker: ingest, profiling, bias, model cards, experiment files. */
export const spawnDataWorker = (): Worker =>
  new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'encore-data' });

/** The training worker: runs experiments and keeps trained weights. */
export const spawnTrainWorker = (): Worker =>
  new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'encore-train' });

/** The prep worker: duplicates, dedupe, skipped-rows CSV. */
export const spawnPrepWorker = (): Worker =>
  new Worker(new URL('./prep.worker.ts', import.meta.url), { type: 'module', name: 'encore-prep' });

/** One audio worker of the pool: decode WAV, features, zips. */
export const spawnAudioWorker = (): Worker =>
  new Worker(new URL('./audio.worker.ts', import.meta.url), { type: 'module', name: 'encore-audio' });

/** The decode helper of a big CSV load (started by the data worker). */
export const spawnDecodeWorker = (): Worker =>
  new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });

/** The profile helper of a big table (started by the data worker). */
export const spawnProfileWorker = (): Worker =>
  new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module' });
