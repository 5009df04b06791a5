/** Pure helpers of the audio slice: what the list shows of a clip, analysis settings, rows for the outputs. */
import type { AnalyzeSettings, ClipFeatures, FeatureRow, JoinBase } from '../../workers/protocol/audio';
import type { LoadedDataset } from '../../workers/protocol';
import type { AudioItem, AudioState, ClipView, WindowSettings } from './audioTypes';

/** One shared names array for all rows with the same feature names (cloned once per message). */
let sharedNames: string[] | undefined;

function intern(names: string[]): string[] {
  if (sharedNames && sharedNames.length === names.length && sharedNames.every((n, i) => n === names[i]))
    return sharedNames;
  sharedNames = names;
  return names;
}

export function settingsOf(w: WindowSettings): AnalyzeSettings {
  return {
    window: w.mode === 'whole' ? { mode: 'whole' } : { mode: 'window', seconds: w.seconds, offset: w.offset },
  };
}

export function viewOf(f: ClipFeatures): ClipView {
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

export function rowsOf(items: AudioItem[]): FeatureRow[] {
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
