/**
 * The Audio slice (under `audio` in the one store): the files, their status and features, the
 * analysis window, progress over the batch, and the two outputs (the feature table as the dataset,
 * or joined onto the loaded CSV). Files run through audioProcess a few at a time (one more than the
 * pool has workers, so decoding overlaps analysis); one broken file never stops the others.
 */
import { CancelledError, featureDataset, joinDataset, poolSize } from '../../workers/audioClient';
import { AudioFileError, type AudioErrorKind } from '../audioDecode';
import { expandInputs } from '../audioIntake';
import { analyzeFile } from '../audioProcess';
import type { AppState, SliceCreator } from '../types';
import type { AudioItem, AudioState } from './audioTypes';
import { joinBaseOf, rowsOf, settingsOf, viewOf } from './audioView';

export { joinBaseOf };
export type * from './audioTypes';
export type { IncomingFile } from '../audioIntake';
export type { AudioErrorKind } from '../audioDecode';
export type { JoinReport } from '../../workers/protocol/audio';

const blobs = new Map<number, Blob>();
let nextId = 1;
let controller = new AbortController();
let active = 0;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const createAudioSlice: SliceCreator<{ audio: AudioState }> = (setApp, getApp) => {
  const get = () => getApp().audio;
  const set = (p: Partial<AudioState> | ((a: AudioState) => Partial<AudioState>)) =>
    setApp((s: AppState) => ({ audio: { ...s.audio, ...(typeof p === 'function' ? p(s.audio) : p) } }));

  const patch = (id: number, p: Partial<AudioItem>) =>
    set((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...p } : i)) }));

  const finishOne = () =>
    set((s) => {
      if (!s.batch) return {};
      const finished = s.batch.finished + 1;
      return { batch: { ...s.batch, finished, endedAt: finished >= s.batch.total ? Date.now() : undefined } };
    });

  async function run(item: AudioItem): Promise<void> {
    const blob = blobs.get(item.id);
    const signal = controller.signal;
    const t0 = performance.now();
    try {
      if (!blob) throw new AudioFileError('failed', 'The file is no longer available; add it again.');
      const out = await analyzeFile(blob, settingsOf(get().window), signal, (phase, format) =>
        patch(item.id, { status: phase, ...(format ? { format } : {}) }),
      );
      const warnings = [...out.warnings, ...out.features.warnings];
      patch(item.id, {
        status: 'done',
        format: out.format,
        cached: out.cached,
        clip: viewOf(out.features),
        warnings,
        ms: performance.now() - t0,
        error: undefined,
      });
      if (get().selected === undefined) set({ selected: item.id });
    } catch (e) {
      if (e instanceof CancelledError || signal.aborted) patch(item.id, { status: 'cancelled' });
      else {
        const kind: AudioErrorKind = e instanceof AudioFileError ? e.kind : 'failed';
        patch(item.id, { status: 'error', error: { kind, message: message(e) }, ms: performance.now() - t0 });
      }
    } finally {
      finishOne();
    }
  }

  function pump(): void {
    while (active < poolSize + 1) {
      const next = get().items.find((i) => i.status === 'queued');
      if (!next) return;
      active++;
      patch(next.id, { status: 'reading' });
      void run(next).finally(() => {
        active--;
        pump();
      });
    }
  }

  function enqueue(count: number): void {
    set((s) => {
      const fresh = !s.batch || s.batch.endedAt !== undefined || s.batch.finished >= s.batch.total;
      return {
        batch: fresh
          ? { total: count, finished: 0, startedAt: Date.now() }
          : { ...s.batch!, total: s.batch!.total + count, endedAt: undefined },
      };
    });
    pump();
  }

  const audio: AudioState = {
    items: [],
    window: { mode: 'window', seconds: 30, offset: 'middle' },
    notes: [],
    joinColumn: '',
    keepUnmatched: false,

    async addFiles(inputs) {
      const { files, notes, failed } = await expandInputs(inputs);
      const added: AudioItem[] = files.map((f) => {
        const id = nextId++;
        blobs.set(id, f.file);
        return { id, name: f.name, path: f.path, bytes: f.file.size, status: 'queued', warnings: [] };
      });
      const broken: AudioItem[] = failed.map(({ input, message: msg }) => ({
        id: nextId++,
        name: input.name,
        path: input.path,
        bytes: input.file.size,
        status: 'error',
        error: { kind: 'undecodable', message: msg },
        warnings: [],
      }));
      set((s) => ({ items: [...s.items, ...added, ...broken], notes: [...s.notes, ...notes] }));
      if (added.length > 0) enqueue(added.length);
    },

    cancel() {
      controller.abort();
      controller = new AbortController();
      const queued = get().items.filter((i) => i.status === 'queued').length;
      set((s) => ({
        items: s.items.map((i) => (i.status === 'queued' ? { ...i, status: 'cancelled' } : i)),
      }));
      for (let k = 0; k < queued; k++) finishOne();
    },

    reanalyse(all = false) {
      const again = (i: AudioItem) =>
        blobs.has(i.id) &&
        (i.status === 'cancelled' || (all && (i.status === 'done' || i.status === 'error')));
      const n = get().items.filter(again).length;
      if (n === 0) return;
      set((s) => ({
        items: s.items.map((i) =>
          again(i) ? { ...i, status: 'queued', error: undefined, cached: undefined } : i,
        ),
      }));
      enqueue(n);
    },

    clear() {
      get().cancel();
      blobs.clear();
      set({
        items: [],
        batch: undefined,
        selected: undefined,
        notes: [],
        joinReport: undefined,
        outputError: undefined,
      });
    },

    select(id) {
      set({ selected: id });
    },

    setWindow(p) {
      set((s) => ({ window: { ...s.window, ...p } }));
    },

    setJoinColumn(joinColumn) {
      set({ joinColumn });
    },

    setKeepUnmatched(keepUnmatched) {
      set({ keepUnmatched });
    },

    async installFeatureTable() {
      const done = get().items.filter((i) => i.status === 'done' && i.clip);
      if (done.length === 0) return set({ outputError: 'No file has features yet.' });
      set({ busy: 'dataset', outputError: undefined, joinReport: undefined });
      try {
        const bytes = done.reduce((a, i) => a + i.bytes, 0);
        const ds = await featureDataset(rowsOf(done), `audio features (${done.length} files)`, bytes);
        await getApp().installDataset(ds, { keepTarget: true });
        set({ installed: ds, base: undefined });
      } catch (e) {
        set({ outputError: message(e) });
      } finally {
        set({ busy: undefined });
      }
    },

    async joinOntoDataset() {
      const done = get().items.filter((i) => i.status === 'done' && i.clip);
      const current = getApp().dataset;
      if (done.length === 0) return set({ outputError: 'No file has features yet.' });
      if (!current) return set({ outputError: 'Load a CSV of tracks in the Data panel first.' });
      const joinBase = joinBaseOf(current, get());
      set({ busy: 'join', outputError: undefined, base: joinBase });
      try {
        const column = get().joinColumn || undefined;
        const { dataset, report } = await joinDataset(joinBase, rowsOf(done), {
          column,
          how: get().keepUnmatched ? 'left' : 'inner',
        });
        await getApp().installDataset(dataset, { keepTarget: true });
        set({ installed: dataset, joinReport: report });
      } catch (e) {
        set({ outputError: message(e), joinReport: undefined });
      } finally {
        set({ busy: undefined });
      }
    },
  };
  return { audio };
};
