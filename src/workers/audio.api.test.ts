import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getColumn, numberColumn, stringColumn, type NumberColumn, type Table } from '../core/data/table';
import type { IngestReport } from '../core/ingest';
import { createAudioApi } from './audio.api';

const gen = (f: string) => path.resolve(__dirname, '../../testdata/generated-audio', f);
const settings = { window: { mode: 'window' as const, seconds: 30, offset: 'middle' as const } };
const report: IngestReport = {
  encoding: 'utf-8',
  delimiter: ',',
  decimalComma: false,
  rowsRead: 12,
  rowsKept: 12,
  rowsSkipped: 0,
  skipped: [],
  cellIssues: [],
  cellIssueCount: 0,
  warnings: [],
};

describe('audio worker api', () => {
  const api = createAudioApi();

  it('analyses a WAV with the core decoder, and names the problem of a non-WAV', async () => {
    const f = await api.analyzeWav(new Uint8Array(readFileSync(gen('stereo_44100hz_s24le.wav'))), settings);
    expect(f.sampleRate).toBe(22050);
    expect(f.durationSec).toBeCloseTo(0.2, 2); // the generated file is 0.2 s long
    expect(f.summary.names.length).toBe(f.summary.values.length);
    expect('frameFeatures' in f).toBe(false);
    await expect(
      api.analyzeWav(new Uint8Array(readFileSync(gen('mp3_named_as.wav'))), settings),
    ).rejects.toThrow(/MP3/);
    await expect(
      api.analyzeWav(new Uint8Array(readFileSync(gen('csv_named_as.wav'))), settings),
    ).rejects.toThrow(/not an audio file/);
  });

  it('inspects bytes: sniffed format, why not analysable, SHA-256, and the bytes handed back', async () => {
    const wav = new Uint8Array(readFileSync(gen('stereo_44100hz_s24le.wav')));
    const length = wav.length;
    const ok = await api.inspect(wav);
    expect(ok.format).toBe('wav');
    expect(ok.unsupported).toBeNull();
    expect(ok.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ok.bytes.length).toBe(length);
    const text = await api.inspect(new TextEncoder().encode('title,artist\n'));
    expect(text.format).toBe('unknown');
    expect(text.unsupported).toMatch(/not an audio file/);
    const abc = await api.inspect(new TextEncoder().encode('abc'));
    expect(abc.hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('analyses browser-decoded mono samples: a 440 Hz tone has its chroma peak at A', async () => {
    const sr = 22050;
    const y = Float32Array.from({ length: sr * 2 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / sr));
    const f = await api.analyzeSamples(y, sr, settings);
    const at = (n: string) => f.summary.values[f.summary.names.indexOf(n)]!;
    expect(at('chroma_A_mean')).toBeGreaterThan(0.9);
    expect(at('chroma_C_mean')).toBeLessThan(0.3);
    expect(at('duration_s')).toBeCloseTo(2, 2);
  });

  it('unzips audio entries, leaving out folders and macOS resource files, refusing entries over the cap', async () => {
    const zip = zipSync({
      'a/': new Uint8Array(0),
      'a/one.wav': new Uint8Array(100).fill(1),
      'a/two.ogg': new Uint8Array(50).fill(2),
      '__MACOSX/a/._one.wav': new Uint8Array(4),
      'a/.hidden.wav': new Uint8Array(4),
      'big.wav': new Uint8Array(2000),
    });
    const { entries, skipped } = await api.unzip(zip, 1000);
    expect(entries.map((e) => [e.path, e.name, e.bytes.length])).toEqual([
      ['a/one.wav', 'one.wav', 100],
      ['a/two.ogg', 'two.ogg', 50],
    ]);
    expect(skipped).toEqual([expect.stringMatching(/^big\.wav: .* over the per-file limit/)]);
    await expect(api.unzip(new Uint8Array([80, 75, 3, 4, 9, 9]), 1000)).rejects.toThrow(
      /could not be opened/,
    );
  });

  it('joins feature rows onto a table and profiles the result like an ingested CSV', async () => {
    const files = Array.from({ length: 4 }, (_, i) => `clip${i}.wav`);
    const names = ['tempo_bpm', 'rms_mean'];
    const rows = files.map((file, i) => ({ file, names, values: [100 + i, i / 10] }));
    const base: Table = {
      rowCount: 12,
      columns: [
        stringColumn(
          'track',
          Array.from({ length: 12 }, (_, r) => (r < 11 ? `CLIP${r % 4}` : 'missing')),
        ),
        numberColumn(
          'popularity',
          Array.from({ length: 12 }, (_, r) => 10 + r),
        ),
      ],
    };
    const { dataset, report: jr } = await api.joinDataset(
      { fileName: 'tracks.csv', fileBytes: 123, table: base, report },
      rows,
      {},
    );
    expect(jr).toMatchObject({ column: 'track', rowsOut: 11, unmatchedRowCount: 1, matchedFiles: 4 });
    expect(dataset.fileName).toBe('tracks.csv + audio features');
    expect(dataset.report.rowsKept).toBe(11);
    expect(dataset.report.warnings[0]).toMatch(/11 of 12 rows found a file/);
    expect(dataset.suggestedTarget).toBe('popularity');
    expect(dataset.profiles.map((p) => p.name)).toEqual([
      'track',
      'popularity',
      'audio_file',
      'tempo_bpm',
      'rms_mean',
    ]);
    expect(dataset.recommendedFeatures).not.toContain('track');
    expect(dataset.recommendedFeatures).not.toContain('audio_file');
    expect(dataset.recommendedFeatures).toContain('tempo_bpm');
    expect(dataset.taskByColumn).toHaveLength(5);
    const tempo = getColumn(dataset.table, 'tempo_bpm') as NumberColumn;
    expect(Array.from(tempo.values.slice(0, 5))).toEqual([100, 101, 102, 103, 100]);

    const fds = await api.featureDataset(rows, 'audio features (4 files)', 400);
    expect(fds.table.rowCount).toBe(4);
    expect(fds.recommendedFeatures).toEqual(['tempo_bpm', 'rms_mean']);
    await expect(
      api.joinDataset({ fileName: 't', fileBytes: 1, table: base, report }, rows, { column: 'popularity' }),
    ).rejects.toThrow(/No value of column "popularity"/);
  });
});
