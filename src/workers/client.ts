/**
 * The typed client of the data and training workers; with audioClient.ts (the audio pool) and
 * prepClient.ts (duplicates) the only code that creates workers. Each call is typed and cancellable: cancel first asks
 * the loop to stop at the next batch, then terminates the worker after a grace period and
 * respawns it lazily on the next call.
 */
import * as Comlink from 'comlink';
import type { Table } from '../core/data/table';
import type { IngestProgress } from '../core/ingest';
import type { BiasRequest, Run, RunResult, SummaryRequest } from './protocol';
import type {
  DataApi,
  LoadedDataset,
  TrainApi,
  TrainEvent,
  TrainFailure,
  TrainOutcome,
  TrainRequest,
} from './protocol';
import { spawnDataWorker, spawnTrainWorker } from './spawn';

interface Handle<T> {
  worker: Worker;
  api: Comlink.Remote<T>;
}

function spawnData(): Handle<DataApi> {
  const worker = spawnDataWorker();
  return { worker, api: Comlink.wrap<DataApi>(worker) };
}

function spawnTrain(): Handle<TrainApi> {
  const worker = spawnTrainWorker();
  return { worker, api: Comlink.wrap<TrainApi>(worker) };
}

let data: Handle<DataApi> | undefined;
let train: Handle<TrainApi> | undefined;

const GRACE_MS = 1500;

/** An error from a call that was cancelled on purpose. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Run `call`; if `signal` aborts, ask politely via `stop`, then kill the worker after a grace period. */
function cancellable<T, W>(
  handle: Handle<W>,
  call: Promise<T>,
  signal: AbortSignal | undefined,
  stop: () => void,
  kill: () => void,
  /** True once the worker has stopped the cancellable part on its own (then it is not killed). */
  settled: () => boolean = () => false,
): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      stop();
      timer = setTimeout(() => {
        if (settled()) return;
        handle.worker.terminate();
        kill();
        reject(new CancelledError());
      }, GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (v) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new CancelledError() : e);
      },
    );
  });
}

/** Parse and profile a CSV in the data worker. */
export function ingestFiles(
  files: Blob[],
  names: string[],
  onProgress: (p: IngestProgress) => void,
  signal?: AbortSignal,
): Promise<LoadedDataset> {
  data ??= spawnData();
  const h = data;
  return cancellable(
    h,
    h.api.ingest(files, names, Comlink.proxy(onProgress)),
    signal,
    () => void h.api.cancel(),
    () => (data = undefined),
  );
}

/** Re-profile a table with user-chosen types. */
export function profileTable(table: Table, types: Parameters<DataApi['profile']>[1], target?: string) {
  data ??= spawnData();
  return data.api.profile(table, types, target);
}

/** The model registry's descriptors (schemas and defaults), read in the data worker. */
export function listModels() {
  data ??= spawnData();
  return data.api.listModels();
}

/** A set-up problem reported by the training worker; `field` names the control to fix. */
export class SetupError extends Error {
  constructor(
    readonly field: TrainFailure['failure']['field'],
    message: string,
  ) {
    super(message);
    this.name = 'SetupError';
  }
}

/** Train in the training worker; events stream through onEvent. Throws SetupError or CancelledError. */
export async function trainModel(
  req: TrainRequest,
  onEvent: (e: TrainEvent) => void,
  signal?: AbortSignal,
): Promise<TrainOutcome> {
  train ??= spawnTrain();
  const h = train;
  // Once the loop has stopped and the worker evaluates what it has, cancel has done its job: no kill.
  let evaluating = false;
  const watch = (e: TrainEvent) => {
    if (e.type === 'phase' && e.phase === 'evaluating') evaluating = true;
    onEvent(e);
  };
  const res = await cancellable(
    h,
    h.api.train(req, Comlink.proxy(watch)) as Promise<TrainOutcome | TrainFailure>,
    signal,
    () => void h.api.cancel(req.runId),
    () => (train = undefined),
    () => evaluating,
  );
  if ('failure' in res) throw new SetupError(res.failure.field, res.failure.message);
  return res;
}

/** Which backend auto would choose in the training worker. */
export function detectBackend() {
  train ??= spawnTrain();
  return train.api.detectBackend();
}

/** Zip a run's bundle in the training worker (which holds the run's weights). */
export function exportBundle(run: RunResult, modelLabel: string): Promise<Uint8Array> {
  train ??= spawnTrain();
  return train.api.exportBundle(run, modelLabel);
}

/** Forget a deleted run's stored weights. */
export function dropModel(runId: string): Promise<void> {
  train ??= spawnTrain();
  return train.api.dropModel(runId);
}

/** Error by group of one column over a finished run's test rows (data worker). */
export function biasFor(req: BiasRequest) {
  data ??= spawnData();
  return data.api.bias(req);
}

/** A finished run's model card as Markdown or HTML (data worker). */
export function modelCard(run: RunResult, modelLabel: string, format: 'md' | 'html') {
  data ??= spawnData();
  return data.api.modelCard(run, modelLabel, format);
}

/** A run's experiment.json text (data worker). */
export function experimentJson(run: Run) {
  data ??= spawnData();
  return data.api.experimentJson(run);
}

/** Read an experiment.json against the loaded table (data worker): every control's value, or why not. */
export function openExperiment(text: string, table: Table, types: Parameters<DataApi['openExperiment']>[2]) {
  data ??= spawnData();
  return data.api.openExperiment(text, table, types);
}

/** The model the current set-up would build, summarised (data worker). */
export function summarizeModel(req: SummaryRequest) {
  data ??= spawnData();
  return data.api.summarize(req);
}

/** Validate a bundle and make it the deployed model (training worker, which predicts with it). */
export function importBundle(bytes: Uint8Array, fileName: string) {
  train ??= spawnTrain();
  return train.api.importBundle(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), fileName);
}

/** The deployed model, if any (loaded again after a reload). */
export function deployedModel() {
  train ??= spawnTrain();
  return train.api.deployed();
}

/** Predict a table with the deployed model. */
export function predictTable(table: Table) {
  train ??= spawnTrain();
  return train.api.predictTable(table);
}

/** Read a CSV without making it the dataset (for prediction): parse and profile in the data worker. */
export function readTable(file: Blob, name: string, onProgress: (p: IngestProgress) => void, signal?: AbortSignal) {
  return ingestFiles([file], [name], onProgress, signal);
}
