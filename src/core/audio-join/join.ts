/**
 * Join an audio feature table onto a table of tracks by a file-name or track-id column,
 * accounting for every file and row that did not match.
 */
import {
  cellString,
  getColumn,
  isMissing,
  stringColumn,
  takeRows,
  type Column,
  type Table,
} from '../data/table';
import { FILE_COLUMN } from './featureTable';
import { fileKey } from './names';

/** Options of {@link joinFeatures}. */
export interface JoinOptions {
  /** Column of the track table holding file names or track ids; default: the best-matching column. */
  column?: string;
  /** 'inner' (default) keeps rows with audio only; 'left' keeps every row, features missing where no file matched. */
  how?: 'inner' | 'left';
}

/** What a join did. Rows are 0-based row indices of the track table. */
export interface JoinReport {
  column: string;
  how: 'inner' | 'left';
  rowsIn: number;
  rowsOut: number;
  /** Track rows that found a file, and files that found at least one row. */
  matchedRows: number;
  matchedFiles: number;
  /** Every file no row matched, by name. */
  unmatchedFiles: string[];
  /** The first MAX_UNMATCHED_ROWS rows that found no file, with their key cell ('' when blank). */
  unmatchedRows: Array<{ row: number; value: string }>;
  unmatchedRowCount: number;
  /** Files ignored because an earlier file has the same key (e.g. a.wav and A.mp3). */
  duplicateFiles: string[];
  /** Audio columns renamed because the track table already had the name. */
  renamed: Array<{ from: string; to: string }>;
}

/** How many unmatched rows a report lists (the count is always complete). */
export const MAX_UNMATCHED_ROWS = 200;

/** Name of the column that records which file each joined row took its features from. */
export const MATCHED_FILE_COLUMN = 'audio_file';

function keyOf(col: Column, row: number): string {
  return isMissing(col, row) ? '' : fileKey(cellString(col, row));
}

/** Map file key → feature row (first file wins) and the names of later duplicates. */
function indexFiles(features: Table): {
  byKey: Map<string, number>;
  names: string[];
  duplicates: Set<number>;
} {
  const fileCol = getColumn(features, FILE_COLUMN);
  if (!fileCol || fileCol.kind !== 'string')
    throw new Error(`The feature table has no "${FILE_COLUMN}" column.`);
  const byKey = new Map<string, number>();
  const names: string[] = [];
  const duplicates = new Set<number>();
  for (let r = 0; r < features.rowCount; r++) {
    const name = cellString(fileCol, r);
    names.push(name);
    const k = fileKey(name);
    if (!k) continue;
    if (byKey.has(k)) duplicates.add(r);
    else byKey.set(k, r);
  }
  return { byKey, names, duplicates };
}

/**
 * The column of `table` whose values match the most of `fileNames` (after {@link fileKey}),
 * with how many distinct files it matches; undefined when no column matches any file.
 * Ties go to the leftmost column.
 */
export function suggestJoinColumn(
  table: Table,
  fileNames: readonly string[],
): { column: string; matches: number } | undefined {
  const keys = new Set(fileNames.map(fileKey).filter((k) => k !== ''));
  let best: { column: string; matches: number } | undefined;
  for (const col of table.columns) {
    const seen = new Set<string>();
    if (col.kind === 'string') {
      for (const v of col.dict) {
        const k = fileKey(v);
        if (keys.has(k)) seen.add(k);
      }
    } else {
      for (let r = 0; r < table.rowCount; r++) {
        const k = keyOf(col, r);
        if (keys.has(k)) seen.add(k);
      }
    }
    if (seen.size > 0 && (!best || seen.size > best.matches)) best = { column: col.name, matches: seen.size };
  }
  return best;
}

function uniqueName(name: string, taken: Set<string>): string {
  let out = `audio_${name}`;
  for (let i = 2; taken.has(out); i++) out = `audio_${name}_${i}`;
  return out;
}

/**
 * Join `features` (a {@link featureTable}: `file` + number columns) onto `table` by `opts.column`.
 * Output: the track table's columns (kept rows, in order), `audio_file`, then the feature
 * columns (renamed `audio_<name>` where the track table has the name). Several rows may share a
 * file (each gets its features). Throws an Error a person can act on when the column is missing
 * or matches no file at all.
 */
export function joinFeatures(
  table: Table,
  features: Table,
  opts: JoinOptions = {},
): { table: Table; report: JoinReport; fileRow: Int32Array } {
  const how = opts.how ?? 'inner';
  const { byKey, names, duplicates } = indexFiles(features);
  const columnName = opts.column ?? suggestJoinColumn(table, names)?.column;
  if (columnName === undefined) {
    throw new Error(
      'No column of the table matches the audio file names. Choose the column that holds file names or track ids.',
    );
  }
  const keyCol = getColumn(table, columnName);
  if (!keyCol) throw new Error(`There is no column named "${columnName}" to join on.`);

  const keep: number[] = [];
  const fileRow: number[] = [];
  const unmatchedRows: JoinReport['unmatchedRows'] = [];
  let unmatchedRowCount = 0;
  const used = new Set<number>();
  for (let r = 0; r < table.rowCount; r++) {
    const f = byKey.get(keyOf(keyCol, r));
    if (f !== undefined) used.add(f);
    else {
      unmatchedRowCount++;
      if (unmatchedRows.length < MAX_UNMATCHED_ROWS)
        unmatchedRows.push({ row: r, value: cellString(keyCol, r) });
    }
    if (f !== undefined || how === 'left') {
      keep.push(r);
      fileRow.push(f ?? -1);
    }
  }
  if (used.size === 0) {
    const example = names[0] ? ` (for example the file "${names[0]}")` : '';
    throw new Error(
      `No value of column "${columnName}" matches an audio file name${example}. Choose the column that holds file names or track ids.`,
    );
  }

  const base = takeRows(table, keep);
  const taken = new Set(base.columns.map((c) => c.name));
  const renamed: JoinReport['renamed'] = [];
  const rename = (name: string): string => {
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    const to = uniqueName(name, taken);
    taken.add(to);
    renamed.push({ from: name, to });
    return to;
  };
  const audioCols: Column[] = [
    stringColumn(
      rename(MATCHED_FILE_COLUMN),
      fileRow.map((f) => (f >= 0 ? names[f] : undefined)),
    ),
  ];
  for (const c of features.columns) {
    if (c.name === FILE_COLUMN) continue;
    const name = rename(c.name);
    if (c.kind === 'number') {
      const values = Float64Array.from(fileRow, (f) => (f >= 0 ? c.values[f]! : NaN));
      audioCols.push({ name, kind: 'number', values });
    } else {
      const codes = Int32Array.from(fileRow, (f) => (f >= 0 ? c.codes[f]! : -1));
      audioCols.push({ name, kind: 'string', codes, dict: c.dict });
    }
  }
  const unmatchedFiles = names.filter((_, i) => !used.has(i) && !duplicates.has(i));
  return {
    fileRow: Int32Array.from(fileRow),
    table: { rowCount: keep.length, columns: [...base.columns, ...audioCols] },
    report: {
      column: columnName,
      how,
      rowsIn: table.rowCount,
      rowsOut: keep.length,
      matchedRows: table.rowCount - unmatchedRowCount,
      matchedFiles: used.size,
      unmatchedFiles,
      unmatchedRows,
      unmatchedRowCount,
      duplicateFiles: [...duplicates].map((i) => names[i]!),
      renamed,
    },
  };
}
