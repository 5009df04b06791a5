/**
 * IndexedDB persistence (idb-keyval): the loaded dataset, the experiment set-up and the last
 * trained model survive a page reload. Values are structured-cloned, so typed arrays and
 * ArrayBuffers are stored as they are.
 */
import { createStore, del, get, set } from 'idb-keyval';

const store = typeof indexedDB === 'undefined' ? undefined : createStore('encore', 'state');

export async function save(key: string, value: unknown): Promise<void> {
  if (!store) return;
  try {
    await set(key, value, store);
  } catch (e) {
    // Quota or private-mode failures must not break the app; the session simply won't persist.
    console.warn('Encore could not save to IndexedDB:', e);
  }
}

export async function load<T>(key: string): Promise<T | undefined> {
  if (!store) return undefined;
  try {
    return (await get(key, store)) as T | undefined;
  } catch {
    return undefined;
  }
}

export async function remove(key: string): Promise<void> {
  if (!store) return;
  await del(key, store).catch(() => undefined);
}
