import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../core/data/table';
import type { IngestReport } from '../core/ingest';
import { candidateKeys, createPrepApi, normaliseKey } from './prep.api';

const table: Table = {
  rowCount: 5,
  columns: [
    stringColumn('track_id', ['a', 'b', 'a', 'c', 'a']),
    stringColumn('artist', ['Beyoncé', 'Adele', 'beyonce', 'Adele', 'BEYONCE']),
    stringColumn('title', ['Halo!', 'Hello', 'halo', 'Skyfall', 'Halo']),
    numberColumn('popularity', [80, 70, 60, 50, 70]),
    stringColumn('source_file', ['x.csv', 'x.csv', 'y.csv', 'y.csv', 'y.csv']),
  ],
};

describe('prep api', () => {
  it('normalises keys: case, accents, punctuation, spacing', () => {
    expect(normaliseKey('  Beyoncé -  Halo! ')).toBe('beyonce halo');
    expect(normaliseKey('Sigur Rós')).toBe(normaliseKey('sigur ros'));
  });

  it('offers the id column, artist + title, then exact rows', () => {
    expect(candidateKeys(table)).toEqual([
      { by: 'id', column: 'track_id' },
      { by: 'keys', columns: ['artist', 'title'] },
      { by: 'exact' },
    ]);
  });

  it('scans every key with counts and examples', async () => {
    const scans = await createPrepApi().scanDuplicates(table, 'popularity');
    const [byId, byName, exact] = scans;
    expect(byId).toMatchObject({ label: 'same track_id', groupCount: 1, duplicateRows: 2 });
    expect(byId!.examples[0]).toEqual({ key: 'a', rows: [0, 2, 4], targets: ['80', '60', '70'] });
    expect(byName).toMatchObject({ groupCount: 1, duplicateRows: 2 });
    expect(byName!.examples[0]!.rows).toEqual([0, 2, 4]);
    expect(exact).toMatchObject({ groupCount: 0, duplicateRows: 0 });
  });

  it('finds exact duplicates across files (source_file ignored)', async () => {
    const twice: Table = {
      rowCount: 3,
      columns: [numberColumn('x', [1, 1, 2]), stringColumn('source_file', ['a.csv', 'b.csv', 'b.csv'])],
    };
    const exact = (await createPrepApi().scanDuplicates(twice)).find((s) => s.key.by === 'exact')!;
    expect(exact.duplicateRows).toBe(1);
  });

  it('dedupes with the mean target and reports what was merged', async () => {
    const out = await createPrepApi().dedupe(table, { by: 'id', column: 'track_id' }, 'mean', 'popularity');
    expect(out.table.rowCount).toBe(3);
    expect(out.removed).toBe(2);
    expect(out.groupsMerged).toBe(1);
    expect(out.targetAggregate).toBe('mean');
    const pop = out.table.columns[3]!;
    expect(pop.kind === 'number' && [...pop.values]).toEqual([70, 70, 50]);
    expect(out.merged).toEqual([{ key: 'a', rows: 3, target: '70' }]);
  });

  it('keeps the first row in first mode', async () => {
    const out = await createPrepApi().dedupe(table, { by: 'keys', columns: ['artist', 'title'] }, 'first');
    const pop = out.table.columns[3]!;
    expect(pop.kind === 'number' && [...pop.values]).toEqual([80, 70, 50]);
  });

  it('writes skipped rows as CSV without the source_file column', async () => {
    const report: IngestReport = {
      encoding: 'utf-8',
      delimiter: ',',
      decimalComma: false,
      rowsRead: 3,
      rowsKept: 2,
      rowsSkipped: 1,
      skipped: [{ line: 3, reason: 'x.csv: 4 fields, expected 3', raw: 'B,=2+2,20,extra' }],
      cellIssues: [],
      cellIssueCount: 0,
      warnings: [],
    };
    const csv = await createPrepApi().skippedRowsCsv(report, ['artist', 'title', 'pop', 'source_file']);
    expect(csv).toBe('line,reason,artist,title,pop\r\n3,"x.csv: 4 fields, expected 3",B,\'=2+2,20,extra\r\n');
  });
});
