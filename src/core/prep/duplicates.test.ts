import { describe, expect, it } from 'vitest';
import { cellString, numberColumn, stringColumn, type Table } from '../data/table';
import { dedupe, findDuplicates } from './duplicates';

// A track listed once per playlist: t1 three times (popularity 50, 60, 70), t2 twice (exact copies).
const table: Table = {
  rowCount: 6,
  columns: [
    stringColumn('track_id', ['t1', 't2', 't1', 't3', 't2', 't1']),
    stringColumn('playlist', ['a', 'b', 'b', 'a', 'b', 'c']),
    numberColumn('popularity', [50, 80, 60, 10, 80, 70]),
    stringColumn('label', ['hit', 'hit', 'flop', 'flop', 'hit', 'flop']),
  ],
};

describe('findDuplicates', () => {
  it('by id column: t1 rows 0,2,5 and t2 rows 1,4; 3 rows to merge', () => {
    const d = findDuplicates(table, { idColumn: 'track_id' });
    expect(d).toMatchObject({ by: 'id', columns: ['track_id'], groupCount: 2, duplicateRows: 3 });
    expect(d.examples).toEqual([
      [0, 2, 5],
      [1, 4],
    ]);
    expect(Array.from(d.groupOf)).toEqual([0, 1, 0, -1, 1, 0]);
  });
  it('exact duplicates: only the two t2 rows are identical in every column', () => {
    const d = findDuplicates(table);
    expect(d).toMatchObject({ by: 'exact', groupCount: 1, duplicateRows: 1, examples: [[1, 4]] });
  });
  it('by key columns, with missing equal to missing', () => {
    const t: Table = {
      rowCount: 3,
      columns: [numberColumn('x', [NaN, NaN, 1]), stringColumn('y', ['', '', ''])],
    };
    expect(findDuplicates(t, { keyColumns: ['x', 'y'] }).examples).toEqual([[0, 1]]);
  });
  it('missing ids are never grouped', () => {
    const t: Table = { rowCount: 3, columns: [stringColumn('id', ['', '', 'a'])] };
    expect(findDuplicates(t, { idColumn: 'id' }).groupCount).toBe(0);
  });
});

describe('dedupe', () => {
  const d = findDuplicates(table, { idColumn: 'track_id' });
  it("'first' keeps the first row of each track", () => {
    const r = dedupe(table, d, 'first');
    expect(Array.from(r.keptRows)).toEqual([0, 1, 3]);
    expect(r).toMatchObject({ removed: 3, groupsMerged: 2 });
    expect(r.table.rowCount).toBe(3);
    expect(Array.from({ length: 3 }, (_, i) => cellString(r.table.columns[2]!, i))).toEqual([
      '50',
      '80',
      '10',
    ]);
  });
  it("'mean' averages a numeric target: t1 -> (50 + 60 + 70) / 3 = 60", () => {
    const r = dedupe(table, d, 'mean', 'popularity');
    expect(r.targetAggregate).toBe('mean');
    const pop = r.table.columns[2]!;
    expect(pop.kind === 'number' && Array.from(pop.values)).toEqual([60, 80, 10]);
    // the source table is untouched
    expect(table.columns[2]!.kind === 'number' && table.columns[2]!.values[0]).toBe(50);
  });
  it("'mean' takes the most frequent label for a text target: t1 = hit, flop, flop -> flop", () => {
    const r = dedupe(table, d, 'mean', 'label');
    expect(r.targetAggregate).toBe('mode');
    expect(Array.from({ length: 3 }, (_, i) => cellString(r.table.columns[3]!, i))).toEqual([
      'flop',
      'hit',
      'flop',
    ]);
  });
});
