import { describe, expect, it } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../core/data/table';
import { findTrackIdentity, trackGroups } from '../core/data/trackIdentity';
import { createPrepApi } from './prep.api';

// Artist and title only: adele|song = rows 0, 2, 3 ("Song - Remastered 2011", "Song (feat. X)");
// row 4 has no artist, so it is never a duplicate of row 1.
const table: Table = {
  rowCount: 5,
  columns: [
    stringColumn('artist', ['Adele', 'Sia', 'ADELE', 'Adèle', '']),
    stringColumn('title', ['Song', 'Chandelier', 'Song - Remastered 2011', 'Song (feat. X)', 'Chandelier']),
    numberColumn('popularity', [80, 50, 60, 70, 40]),
  ],
};

describe('prep api and the track identity', () => {
  it('scans and dedupes exactly the rows trackGroups calls one track', async () => {
    const identity = findTrackIdentity(table)!;
    expect(Array.from(trackGroups(table, identity).groupOf)).toEqual([0, 1, 0, 0, -1]);
    const api = createPrepApi();
    const [first] = await api.scanDuplicates(table, 'popularity');
    expect(first!.key).toEqual({ by: 'keys', columns: identity.columns });
    expect(first!.examples.map((e) => e.rows)).toEqual([[0, 2, 3]]);
    const out = await api.dedupe(table, first!.key, 'mean', 'popularity');
    expect(out.removed).toBe(2);
    const pop = out.table.columns[2]!;
    expect(pop.kind === 'number' && [...pop.values]).toEqual([70, 50, 40]); // (80 + 60 + 70) / 3
  });
});
