import { describe, expect, it } from 'vitest';
import {
  cellString,
  getColumn,
  numberColumn,
  stringColumn,
  type NumberColumn,
  type Table,
} from '../data/table';
import { baseName, featureTable, fileKey, joinFeatures, suggestJoinColumn } from './index';

const NAMES = ['tempo_bpm', 'rms_mean'] as const;

function features(files: string[]): Table {
  // Feature i of file r is 100·r + i, so every joined value says where it came from.
  return featureTable(files.map((file, r) => ({ file, names: NAMES, values: [100 * r, 100 * r + 1] })));
}

function tracks(): Table {
  return {
    rowCount: 5,
    columns: [
      stringColumn('file_name', [
        'Clips/Vibe_Ace.OGG',
        'unreleased.mp3',
        'vibe ace',
        'C:\\music\\Trumpet.wav',
        '',
      ]),
      numberColumn('popularity', [70, 10, 71, 40, 5]),
      numberColumn('track_id', [1, 2, 3, 4, 5]),
    ],
  };
}

describe('fileKey', () => {
  it('ignores case, path, audio extension and spacing', () => {
    expect(fileKey('Clips/Vibe_Ace.OGG')).toBe('vibe ace');
    expect(fileKey('C:\\music\\vibe  ace.mp3')).toBe('vibe ace');
    expect(fileKey('Vibe_Ace')).toBe('vibe ace');
  });
  it('keeps extensions that are not audio, and numbers without leading zeros', () => {
    expect(fileKey('notes.v2')).toBe('notes.v2');
    expect(fileKey('00123.wav')).toBe('123');
    expect(fileKey('0')).toBe('0');
    expect(fileKey('   ')).toBe('');
  });
  it('baseName takes the last segment of either separator', () => {
    expect(baseName('a/b\\c.wav')).toBe('c.wav');
    expect(baseName('c.wav')).toBe('c.wav');
  });
});

describe('featureTable', () => {
  it('builds a file column and one number column per feature, NaN where a row lacks one', () => {
    const t = featureTable([
      { file: 'a.wav', names: ['x', 'y'], values: [1, 2] },
      { file: 'b.wav', names: ['y', 'z'], values: [3, 4] },
    ]);
    expect(t.columns.map((c) => c.name)).toEqual(['file', 'x', 'y', 'z']);
    expect(Array.from((getColumn(t, 'x') as NumberColumn).values)).toEqual([1, NaN]);
    expect(Array.from((getColumn(t, 'z') as NumberColumn).values)).toEqual([NaN, 4]);
    expect(cellString(getColumn(t, 'file')!, 1)).toBe('b.wav');
  });
  it('refuses malformed rows', () => {
    expect(() => featureTable([{ file: 'a', names: ['x'], values: [1, 2] }])).toThrow(/malformed/);
    expect(() => featureTable([{ file: 'a', names: ['file'], values: [1] }])).toThrow(/may not be named/);
  });
});

describe('joinFeatures', () => {
  const feats = features(['Kevin/Vibe_Ace.ogg', 'trumpet.WAV', 'lonely.flac']);

  it('inner join: matches through normalised names and reports both sides', () => {
    const { table, report } = joinFeatures(tracks(), feats, { column: 'file_name' });
    expect(table.rowCount).toBe(3);
    expect(Array.from((getColumn(table, 'popularity') as NumberColumn).values)).toEqual([70, 71, 40]);
    expect(Array.from((getColumn(table, 'tempo_bpm') as NumberColumn).values)).toEqual([0, 0, 100]);
    expect(Array.from((getColumn(table, 'rms_mean') as NumberColumn).values)).toEqual([1, 1, 101]);
    const af = getColumn(table, 'audio_file')!;
    expect([0, 1, 2].map((r) => cellString(af, r))).toEqual([
      'Kevin/Vibe_Ace.ogg',
      'Kevin/Vibe_Ace.ogg',
      'trumpet.WAV',
    ]);
    expect(report).toMatchObject({
      column: 'file_name',
      rowsIn: 5,
      rowsOut: 3,
      matchedRows: 3,
      matchedFiles: 2,
      unmatchedFiles: ['lonely.flac'],
      unmatchedRowCount: 2,
      unmatchedRows: [
        { row: 1, value: 'unreleased.mp3' },
        { row: 4, value: '' },
      ],
    });
  });

  it('left join keeps every row with missing features', () => {
    const { table } = joinFeatures(tracks(), feats, { column: 'file_name', how: 'left' });
    expect(table.rowCount).toBe(5);
    const tempo = Array.from((getColumn(table, 'tempo_bpm') as NumberColumn).values);
    expect(tempo).toEqual([0, NaN, 0, 100, NaN]);
    expect(
      getColumn(table, 'audio_file')!.kind === 'string' &&
        Array.from((getColumn(table, 'audio_file') as { codes: Int32Array }).codes)[1],
    ).toBe(-1);
  });

  it('joins on a numeric track id against files named by id', () => {
    const f = features(['003.mp3', '1.wav', '99.wav']);
    const { table, report } = joinFeatures(tracks(), f, { column: 'track_id' });
    expect(Array.from((getColumn(table, 'track_id') as NumberColumn).values)).toEqual([1, 3]);
    expect(Array.from((getColumn(table, 'tempo_bpm') as NumberColumn).values)).toEqual([100, 0]);
    expect(report.unmatchedFiles).toEqual(['99.wav']);
  });

  it('suggests the column that matches the most files, and uses it by default', () => {
    expect(suggestJoinColumn(tracks(), ['vibe_ace.ogg', 'trumpet.wav'])).toEqual({
      column: 'file_name',
      matches: 2,
    });
    expect(suggestJoinColumn(tracks(), ['2.wav'])).toEqual({ column: 'track_id', matches: 1 });
    expect(suggestJoinColumn(tracks(), ['nothing.wav'])).toBeUndefined();
    expect(joinFeatures(tracks(), feats).report.column).toBe('file_name');
  });

  it('renames colliding audio columns, reports duplicate files, and refuses a join that matches nothing', () => {
    const t: Table = {
      rowCount: 2,
      columns: [stringColumn('file', ['a', 'b']), numberColumn('tempo_bpm', [1, 2])],
    };
    const f = features(['a.wav', 'A.mp3', 'b.ogg']);
    const { table, report } = joinFeatures(t, f, { column: 'file' });
    expect(table.columns.map((c) => c.name)).toEqual([
      'file',
      'tempo_bpm',
      'audio_file',
      'audio_tempo_bpm',
      'rms_mean',
    ]);
    expect(report.renamed).toEqual([{ from: 'tempo_bpm', to: 'audio_tempo_bpm' }]);
    expect(report.duplicateFiles).toEqual(['A.mp3']);
    expect(report.unmatchedFiles).toEqual([]);
    expect(Array.from((getColumn(table, 'audio_tempo_bpm') as NumberColumn).values)).toEqual([0, 200]);
    expect(() => joinFeatures(t, features(['zzz.wav']), { column: 'file' })).toThrow(
      /No value of column "file"/,
    );
    expect(() => joinFeatures(t, f, { column: 'nope' })).toThrow(/no column named "nope"/);
    expect(() => joinFeatures(t, features(['zzz.wav']))).toThrow(/No column of the table matches/);
  });
});
