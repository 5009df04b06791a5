/**
 * Trained models' weights, kept by the training worker in IndexedDB under the run id: the
 * weights never cross to the main thread; exporting a run's bundle reads them back here.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { ModelArtifactsData } from '../core/deploy/zip';
import type { GoldenRows } from '../core/deploy/golden';

/** A run's trained model: its weights and its golden rows. */
export interface StoredModel {
  artifacts: ModelArtifactsData;
  golden?: GoldenRows;
}

const store = typeof indexedDB === 'undefined' ? undefined : createStore('encore-models', 'artifacts');
/** Without IndexedDB (Node tests), the weights of this session's runs stay in memory. */
const memory = new Map<string, StoredModel>();

export async function saveArtifacts(runId: string, a: StoredModel): Promise<string | undefined> {
  memory.set(runId, a);
  // Keep only the last few in memory; IndexedDB holds the rest.
  for (const k of memory.keys()) if (memory.size > 4 && k !== runId) memory.delete(k);
  if (!store) return undefined;
  try {
    await set(runId, a, store);
    return undefined;
  } catch (e) {
    return `The trained weights could not be saved for after a reload (${e instanceof Error ? e.message : String(e)}); export the model before reloading.`;
  }
}

export async function loadArtifacts(runId: string): Promise<StoredModel | undefined> {
  const hit = memory.get(runId);
  if (hit || !store) return hit;
  return get<StoredModel>(runId, store).catch(() => undefined);
}

export async function dropArtifacts(runId: string): Promise<void> {
  memory.delete(runId);
  if (!store) return;
  await del(runId, store).catch(() => undefined);
}

const deployStore = typeof indexedDB === 'undefined' ? undefined : createStore('encore-deployed', 'bundle');

/** The deployed bundle's zip bytes (kept so a reload loads and validates it again). */
export async function saveDeployed(bytes: Uint8Array): Promise<string | undefined> {
  if (!deployStore) return undefined;
  try {
    await set('deployed', bytes, deployStore);
    return undefined;
  } catch (e) {
    return `The model could not be kept for after a reload (${e instanceof Error ? e.message : String(e)}).`;
  }
}

export async function loadDeployed(): Promise<Uint8Array | undefined> {
  if (!deployStore) return undefined;
  return get<Uint8Array>('deployed', deployStore).catch(() => undefined);
}
