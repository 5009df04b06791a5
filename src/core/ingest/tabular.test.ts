/**
 * Every real table in testdata/data/tabular loads with the right types (ingest + inference),
 * including the six hit_predictor decade files as one dataset.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { ColumnType, Table } from '../data/table';
import { cellString, getColumn } from '../data/table';
import { inferColumnType } from '../prep/infer';
import { findDuplicates } from '../prep/duplicates';
import { ingestBlobs, ingestBytes } from './index';

const DIR = path.resolve(__dirname, '../../../testdata/data/tabular');
const load = (f: string) => ingestBytes(new Uint8Array(fs.readFileSync(path.join(DIR, f))));
const types = (t: Table) =>
  Object.fromEntries(t.columns.map((c) => [c.name, inferColumnType(c, t.rowCount)])) as Record<
    string,
    ColumnType
  >;

describe('real tabular data', () => {
  it('top_hits_2000_2019: 2000 x 18, genre multi-valued, explicit boolean', () => {
    const { table, report } = load('top_hits_2000_2019.csv');
    expect(report).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      rowsRead: 2000,
      rowsKept: 2000,
      rowsSkipped: 0,
      cellIssueCount: 0,
    });
    const t = types(table);
    expect(table.columns).toHaveLength(18);
    expect(t).toMatchObject({
      artist: 'category',
      song: 'text',
      duration_ms: 'integer',
      explicit: 'boolean',
      year: 'integer',
      popularity: 'integer',
      danceability: 'number',
      key: 'integer',
      mode: 'boolean',
      genre: 'multicategory',
    });
  });

  it('spotify_top_2000s: BOM and CRLF handled, names with spaces and units kept', () => {
    const { table, report } = load('spotify_top_2000s.csv');
    expect(report).toMatchObject({ encoding: 'utf-8', rowsKept: 1994, rowsSkipped: 0 });
    expect(table.columns[0]!.name).toBe('Index');
    expect(table.columns.map((c) => c.name)).toContain('Loudness (dB)');
    const t = types(table);
    expect(t).toMatchObject({
      Index: 'id',
      Title: 'text',
      'Top Genre': 'category',
      Popularity: 'integer',
      'Loudness (dB)': 'integer',
    });
    // The last column must not carry a stray \r from CRLF.
    expect(table.columns.every((c) => c.kind === 'number' || c.dict.every((s) => !s.includes('\r')))).toBe(
      true,
    );
  });

  it('top10s latin-1: read as windows-1252 with a notice, accents intact', () => {
    const { table, report } = load('top10s_2010_2019_latin1.csv');
    expect(report.encoding).toBe('windows-1252');
    expect(report.encodingNotice).toBeDefined();
    expect(report.rowsKept).toBe(603);
    const titles = getColumn(table, 'title')!;
    const all = Array.from({ length: table.rowCount }, (_, r) => cellString(titles, r)).join('\n');
    expect(all).not.toContain('\ufffd');
    expect(all).toMatch(/[éáíóñü]/);
    expect(types(table)).toMatchObject({ column_1: 'id', pop: 'integer', 'top genre': 'category' });
  });

  it('most_streamed_2023: thousands-separated numbers numeric, the bad streams value reported by line', () => {
    const { table, report } = load('most_streamed_2023.csv');
    expect(report).toMatchObject({ rowsRead: 953, rowsKept: 953, rowsSkipped: 0, cellIssueCount: 1 });
    expect(report.cellIssues[0]).toMatchObject({ line: 576, column: 'streams' });
    expect(report.cellIssues[0]!.value).toMatch(/^BPM110Key/);
    // Line 14 is `Flowers,Miley Cyrus,...,58,"1,021",118,,Major,...`: row 12, in_shazam_charts = 1021.
    const shazam = getColumn(table, 'in_shazam_charts')!;
    expect(shazam.kind === 'number' && shazam.values[12]).toBe(1021);
    const deezer = getColumn(table, 'in_deezer_playlists')!;
    expect(deezer.kind === 'number' && deezer.values[12]).toBe(745);
    const streams = getColumn(table, 'streams')!;
    expect(streams.kind === 'number' && Number.isNaN(streams.values[574])).toBe(true);
    expect(types(table)).toMatchObject({
      'artist(s)_name': 'multicategory',
      streams: 'integer',
      key: 'category',
      mode: 'category',
    });
  });

  it('hit_predictor: six decades load as one dataset of 41,106 x 19 (+ decade)', async () => {
    const decades = ['60s', '70s', '80s', '90s', '00s', '10s'];
    const blobs = decades.map(
      (d) => new Blob([fs.readFileSync(path.join(DIR, `hit_predictor/dataset-of-${d}.csv`))]),
    );
    let last = { bytesRead: 0, totalBytes: 0, rows: 0 };
    const { table, reports } = await ingestBlobs(blobs, {
      sourceColumn: 'decade',
      sourceLabels: decades,
      onProgress: (p) => (last = p),
    });
    for (const r of reports) expect(r.rowsSkipped + r.cellIssueCount).toBe(0);
    expect(last).toMatchObject({ bytesRead: last.totalBytes, rows: 41106 });
    expect(table.rowCount).toBe(41106);
    expect(table.columns).toHaveLength(20);
    expect(types(table)).toMatchObject({
      target: 'boolean',
      danceability: 'number',
      mode: 'boolean',
      decade: 'category',
      time_signature: 'integer',
    });
    // The same Spotify track appears in more than one row: findable by its uri.
    const dups = findDuplicates(table, { idColumn: 'uri' });
    expect(dups.groupCount).toBeGreaterThan(0);
  });
});
