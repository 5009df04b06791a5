/**
 * The feature cache: IndexedDB (idb-keyval, database 'encore-audio', store 'features') keyed by
 * the file's SHA-256 and the analysis settings, so re-adding a file costs nothing.
 */
import { clear, createStore, get, set } from 'idb-keyval';
import type { AnalyzeSettings, ClipFeatures } from '../workers/protocol/audio';

const store = typeof indexedDB === 'undefined' ? undefined : createStore('encore-audio', 'features');

/** Bump when the stored shape or the feature definitions change, so old entries are not reused. */
const VERSION = 'v1';

/** Cache key of a file's features under the given settings. */
export function cacheKey(hash: string, settings: AnalyzeSettings): string {
  return `${VERSION}|${hash}|${JSON.stringify(settings)}`;
}

/** The cached features, or undefined (also when IndexedDB is unavailable or fails). */
export async function getCached(key: string): Promise<ClipFeatures | undefined> {
  if (!store) return undefined;
  try {
    return (await get(key, store)) as ClipFeatures | undefined;
  } catch {
    return undefined;
  }
}

/** Store features; quota or private-mode failures are ignored (the cache is an optimisation). */
export async function putCached(key: string, features: ClipFeatures): Promise<void> {
  if (!store) return;
  try {
    await set(key, features, store);
  } catch (e) {
    console.warn('Encore could not cache audio features:', e);
  }
}

/** Empty the cache. */
export async function clearCached(): Promise<void> {
  if (store) await clear(store).catch(() => undefined);
}
