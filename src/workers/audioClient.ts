/**
 * A pool of audio workers (min(4, hardwareConcurrency)): jobs queue, each worker runs one at a
 * time, and every call takes an AbortSignal. Feature extraction is one synchronous loop that
 * cannot be asked to stop, so cancelling a running job terminates its worker; the slot respawns
 * lazily on the next job. Inputs are transferred (the caller's arrays are detached).
 */
import * as Comlink from 'comlink';
import { CancelledError } from './client';
import type {
  AnalyzeSettings,
  AudioApi,
  AudioInspection,
  ClipFeatures,
  FeatureRow,
  JoinBase,
  JoinOptions,
  ZipEntry,
} from './protocol/audio';
import { spawnAudioWorker } from './spawn';

export { CancelledError };

interface Slot {
  worker?: Worker;
  api?: Comlink.Remote<AudioApi>;
  busy: boolean;
}

interface Job {
  run(api: Comlink.Remote<AudioApi>): Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  signal?: AbortSignal;
}

/** Workers in the pool: one per core, at most 4, at least 1. */
export const poolSize = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency || 2));

const slots: Slot[] = Array.from({ length: poolSize }, () => ({ busy: false }));
const queue: Job[] = [];

function spawn(slot: Slot): Comlink.Remote<AudioApi> {
  if (!slot.api) {
    slot.worker = spawnAudioWorker();
    slot.api = Comlink.wrap<AudioApi>(slot.worker);
  }
  return slot.api;
}

function kill(slot: Slot): void {
  slot.worker?.terminate();
  slot.worker = undefined;
  slot.api = undefined;
}

function pump(): void {
  for (const slot of slots) {
    if (slot.busy) continue;
    const job = queue.shift();
    if (!job) return;
    slot.busy = true;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal?.removeEventListener('abort', onAbort);
      slot.busy = false;
      fn();
      pump();
    };
    const onAbort = () =>
      finish(() => {
        kill(slot);
        job.reject(new CancelledError());
      });
    job.signal?.addEventListener('abort', onAbort, { once: true });
    job.run(spawn(slot)).then(
      (v) => finish(() => job.resolve(v)),
      (e: unknown) => finish(() => job.reject(e)),
    );
  }
}

/** Queue `run` on the next free worker. A signal that aborts while queued or running rejects with CancelledError. */
function schedule<T>(run: (api: Comlink.Remote<AudioApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const job: Job = { run, resolve: resolve as (v: unknown) => void, reject, signal };
    signal?.addEventListener(
      'abort',
      () => {
        const i = queue.indexOf(job);
        if (i >= 0) {
          queue.splice(i, 1);
          reject(new CancelledError());
        }
      },
      { once: true },
    );
    queue.push(job);
    pump();
  });
}

/**
 * Sniff the container, say why it cannot be analysed (null when it can) and hash the bytes, in a worker.
 * `bytes` is transferred there and comes back as the result's `bytes` (the argument is detached).
 */
export function inspectAudio(bytes: Uint8Array, signal?: AbortSignal): Promise<AudioInspection> {
  return schedule((api) => api.inspect(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer])), signal);
}

/** Features of a WAV file, decoded in a worker by the core decoder. `bytes` is transferred. */
export function analyzeWav(
  bytes: Uint8Array,
  settings: AnalyzeSettings,
  signal?: AbortSignal,
): Promise<ClipFeatures> {
  return schedule(
    (api) => api.analyzeWav(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), settings),
    signal,
  );
}

/** Features of mono samples at `sampleRate` Hz (decoded by the browser). `samples` is transferred. */
export function analyzeSamples(
  samples: Float32Array,
  sampleRate: number,
  settings: AnalyzeSettings,
  signal?: AbortSignal,
): Promise<ClipFeatures> {
  return schedule(
    (api) =>
      api.analyzeSamples(Comlink.transfer(samples, [samples.buffer as ArrayBuffer]), sampleRate, settings),
    signal,
  );
}

/** The files inside a zip (expanded in a worker). `bytes` is transferred. */
export function unzipAudio(
  bytes: Uint8Array,
  maxEntryBytes: number,
  signal?: AbortSignal,
): Promise<{ entries: ZipEntry[]; skipped: string[] }> {
  return schedule(
    (api) => api.unzip(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), maxEntryBytes),
    signal,
  );
}

/** The feature table as a profiled dataset. */
export function featureDataset(rows: FeatureRow[], fileName: string, fileBytes: number) {
  return schedule((api) => api.featureDataset(rows, fileName, fileBytes));
}

/** The feature table joined onto a track table, profiled, with the join report. Throws a readable Error. */
export function joinDataset(base: JoinBase, rows: FeatureRow[], opts: JoinOptions) {
  return schedule((api) => api.joinDataset(base, rows, opts));
}
