/**
 * The Audio panel's state (zustand): the files, their status and features, the analysis window,
 * progress over the batch, and the two outputs (the feature table as the dataset, or joined onto
 * the loaded CSV). Files run through audioProcess a few at a time (one more than the pool has
 * workers, so decoding overlaps analysis); one broken file never stops the others.
 */
import { create } from 'zustand';
import type { AudioFormat } from '../core/audio';
import { CancelledError, featureDataset, joinDataset, poolSize } from '../workers/audioClient';
import type {
  AnalyzeSettings,
  ClipFeatures,
  FeatureRow,
  JoinBase,
  JoinReport,
} from '../workers/audioProtocol';
import type { LoadedDataset } from '../workers/protocol';
import { installDataset } from './audioDataset';
import { AudioFileError, type AudioErrorKind } from './audioDecode';
import { expandInputs, type IncomingFile } from './audioIntake';
import { analyzeFile } from './audioProcess';
import { useStore } from './store';

export type { IncomingFile, AudioErrorKind, JoinReport };

export type AudioStatus = 'queued' | 'reading' | 'decoding' | 'analysing' | 'done' | 'error' | 'cancelled';

/** What the list and the per-file view show of a clip's features (the big matrices stay in the cache). */
export interface ClipView {
  /** Seconds analysed (the window, or the whole track). */
  durationSec: number;
  tempoBpm: number;
  tempoConfidence: number;
  tempoChanges: number;
  keyName: string;
  keyConfidence: number;
  chordsDistinct: number;
  chordChangesPerMin: number;
  progressions: Array<{ numerals: string; chords: string; count: number }>;
  display: ClipFeatures['display'];
  names: string[];
  values: Float64Array;
  /** Fixed-size matrices for the sequence and spectrogram models. Shapes: [128, 20] MFCC, [128 mels, 128 frames] log-mel. */
  mfcc: Float32Array;
  mel: Float32Array;
}

export interface AudioItem {
  id: number;
  name: string;
  path: string;
  bytes: number;
  status: AudioStatus;
  format?: AudioFormat;
  error?: { kind: AudioErrorKind; message: string };
  cached?: boolean;
  warnings: string[];
  clip?: ClipView;
  ms?: number;
}

/** Whole track, or `seconds` from `offset` ('middle' centres the window). */
export interface WindowSettings {
  mode: 'whole' | 'window';
  seconds: number;
  offset: 'middle' | number;
}

export interface AudioState {
  items: AudioItem[];
  window: WindowSettings;
  /** The current batch: files in it, files finished, when it started. */
  batch?: { total: number; finished: number; startedAt: number; endedAt?: number };
  selected?: number;
  notes: string[];
  /** '' = the best-matching column. */
  joinColumn: string;
  keepUnmatched: boolean;
  joinReport?: JoinReport;
  outputError?: string;
  busy?: 'dataset' | 'join';
  /** The dataset this panel installed last (to know whether the main dataset is still the CSV). */
  installed?: LoadedDataset;
  /** The CSV the last join started from, kept so a later join does not join onto an already joined table. */
  base?: JoinBase;

  addFiles(files: IncomingFile[]): Promise<void>;
  cancel(): void;
  /** Queue cancelled files again, and with `all`, every file (after the window changed). */
  reanalyse(all?: boolean): void;
  clear(): void;
  select(id: number | undefined): void;
  setWindow(patch: Partial<WindowSettings>): void;
  setJoinColumn(column: string): void;
  setKeepUnmatched(on: boolean): void;
  installFeatureTable(): Promise<void>;
  joinOntoDataset(): Promise<void>;
}

const blobs = new Map<number, Blob>();
let nextId = 1;
let controller = new AbortController();
let active = 0;
/** One shared names array for all rows with the same feature names (cloned once per message). */
let sharedNames: string[] | undefined;

function intern(names: string[]): string[] {
  if (sharedNames && sharedNames.length === names.length && sharedNames.every((n, i) => n === names[i]))
    return sharedNames;
  sharedNames = names;
  return names;
}

function settingsOf(w: WindowSettings): AnalyzeSettings {
  return {
    window: w.mode === 'whole' ? { mode: 'whole' } : { mode: 'window', seconds: w.seconds, offset: w.offset },
  };
}

function viewOf(f: ClipFeatures): ClipView {
  return {
    durationSec: f.durationSec,
    tempoBpm: f.tempo.bpm,
    tempoConfidence: f.tempo.confidence,
    tempoChanges: f.tempo.changes,
    keyName: f.key.name,
    keyConfidence: f.key.confidence,
    chordsDistinct: f.chords.distinct,
    chordChangesPerMin: f.chords.changesPerMinute,
    progressions: f.chords.progressions
      .slice(0, 3)
      .map(({ numerals, chords, count }) => ({ numerals, chords, count })),
    display: f.display,
    names: intern(f.summary.names),
    values: f.summary.values,
    mfcc: f.mfccSeq.data,
    mel: f.melPatch.data,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const useAudioStore = create<AudioState>()((set, get) => {
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

  return {
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
        await installDataset(ds);
        set({ installed: ds, base: undefined });
      } catch (e) {
        set({ outputError: message(e) });
      } finally {
        set({ busy: undefined });
      }
    },

    async joinOntoDataset() {
      const done = get().items.filter((i) => i.status === 'done' && i.clip);
      const current = useStore.getState().dataset;
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
        await installDataset(dataset);
        set({ installed: dataset, joinReport: report });
      } catch (e) {
        set({ outputError: message(e), joinReport: undefined });
      } finally {
        set({ busy: undefined });
      }
    },
  };
});

function rowsOf(items: AudioItem[]): FeatureRow[] {
  return items.map((i) => ({
    file: i.name,
    names: i.clip!.names,
    values: i.clip!.values,
    mfcc: i.clip!.mfcc,
    mel: i.clip!.mel,
  }));
}

/**
 * The table the next join starts from: the loaded dataset, unless it is a table this panel
 * joined, in which case the CSV behind it (joining onto a joined table would double the features).
 */
export function joinBaseOf(current: LoadedDataset, s: Pick<AudioState, 'installed' | 'base'>): JoinBase {
  if (s.base && s.installed && current.fileName === s.installed.fileName) return s.base;
  return {
    fileName: current.fileName,
    fileBytes: current.fileBytes,
    table: current.table,
    report: current.report,
  };
}
