/**
 * The helper workers the data worker starts itself (nested workers): the decode worker of a big CSV
 * load (decode.worker.ts; see core/ingest/decodePipe.ts) and the profile helper of a big table
 * (profile.worker.ts; see core/prep/profileParallel.ts).
 *
 * One of each is started ahead (prestartHelpers: when the data worker starts, and again after each
 * load), so that a dropped file does not wait for a worker to be fetched and compiled: the decode
 * worker's first text came 0.13-0.15 s after the load began when it was started with the load.
 */

import { spawnDecodeWorker, spawnProfileWorker } from './spawn';

/** Posted by a helper worker once its module has loaded (and, for the profile helper, warmed up). */
export interface Ready {
  kind: 'ready';
}

const spawnDecode = spawnDecodeWorker;
const spawnProfile = spawnProfileWorker;

interface Spare {
  worker: Worker;
  ready: Promise<void>;
}

let decode: Spare | null = null;
let profile: Spare | null = null;

function spare(spawn: () => Worker): Spare {
  const worker = spawn();
  const ready = new Promise<void>((resolve) => {
    const done = (): void => {
      worker.removeEventListener('message', onMessage);
      resolve();
    };
    const onMessage = (e: MessageEvent<unknown>): void => {
      if ((e.data as Partial<Ready> | null)?.kind === 'ready') done();
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', done, { once: true });
  });
  return { worker, ready };
}

/** Start a spare decode worker and profile helper where there is none; resolves once both are ready. */
export function prestartHelpers(): Promise<void> {
  decode ??= spare(spawnDecode);
  profile ??= spare(spawnProfile);
  return Promise.all([decode.ready, profile.ready]).then(() => undefined);
}

/** The spare decode worker (a new one when there is none). */
export const startDecodeWorker = (): Worker => {
  const w = decode?.worker ?? spawnDecode();
  decode = null;
  return w;
};

/** The spare profile helper (a new one when there is none). */
export const startProfileWorker = (): Worker => {
  const w = profile?.worker ?? spawnProfile();
  profile = null;
  return w;
};
