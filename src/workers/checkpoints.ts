/**
 * Per-epoch training checkpoints in IndexedDB, written by the training worker so that a page
 * reload or a crashed worker resumes from the last finished epoch instead of starting over.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { TrainCheckpoint } from '../core/train';

const store = typeof indexedDB === 'undefined' ? undefined : createStore('encore-checkpoints', 'checkpoints');

export async function saveCheckpoint(runId: string, c: TrainCheckpoint): Promise<void> {
  if (!store) return;
  await set(runId, c, store).catch((e: unknown) => console.warn('Checkpoint not saved:', e));
}

export async function loadCheckpoint(runId: string): Promise<TrainCheckpoint | undefined> {
  if (!store) return undefined;
  return get<TrainCheckpoint>(runId, store).catch(() => undefined);
}

export async function dropCheckpoint(runId: string): Promise<void> {
  if (!store) return;
  await del(runId, store).catch(() => undefined);
}
