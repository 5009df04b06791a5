import { describe, expect, it } from 'vitest';
import { trackFamiliarity } from '../bias/columns';
import { guardedSplit } from '../experiment/leakage';
import { dedupe, findDuplicates } from '../prep/duplicates';
import { detectLeakage, leakageColumnsFor, splitRows, type SplitConfig } from '../split';
import { numberColumn, stringColumn, type Table } from './table';
import {
  findArtistColumn,
  findTitleColumn,
  findTrackIdColumns,
  findTrackIdentity,
  normaliseName,
  trackGroups,
  trackKeyFunction,
} from './trackIdentity';

const artist = ['Adele', 'Adele', 'ADELE', 'Sia', 'Sia', 'Muse', '', 'Adèle'];
const title = [
  'Song',
  'Skyfall',
  'Song - Remastered 2011',
  'Chandelier',
  'Chandelier (Live)',
  'Uprising',
  'Uprising',
  'Song (feat. X)',
];
const popularity = numberColumn('popularity', [80, 70, 60, 50, 40, 30, 20, 10]);

// With an id: t1 = rows 0, 2; t3 = rows 3, 4 (" t3 " trimmed); rows 5, 6 have no id; t4 (row 7) is a
// different recording of row 0's song, and a different track under the id.
const withId: Table = {
  rowCount: 8,
  columns: [
    stringColumn('track_id', ['t1', 't2', 't1', ' t3 ', 't3', '', '', 't4']),
    stringColumn('artist', artist),
    stringColumn('title', title),
    popularity,
  ],
};
// Artist and title only: adele|song = rows 0, 2, 7; sia|chandelier = 3, 4; muse|uprising = 5; row 6 lacks an artist.
const byName: Table = {
  rowCount: 8,
  columns: [stringColumn('artist', artist), stringColumn('title', title), popularity],
};

const split = { train: Int32Array.of(0, 1, 3, 5), val: new Int32Array(0), test: Int32Array.of(2, 4, 6, 7) };
const all = Int32Array.from({ length: 8 }, (_, i) => i);

describe('normaliseName', () => {
  it('treats remaster / feat / live asides, case, accents and punctuation as the same title', () => {
    for (const s of [
      'Song - Remastered 2011',
      'Song (Remastered)',
      'Song - 2011 Remaster',
      'Song (feat. X)',
      'Song feat. X',
      'Song [Bonus Track]',
      'SONG!',
      'Sóng',
      'Song (2009 Remaster)',
      'Song – Radio Edit',
    ])
      expect(normaliseName(s), s).toBe('song');
    expect(normaliseName('Beyoncé - Halo (Remastered)')).toBe('beyonce halo');
    expect(normaliseName("Don't Stop Me Now")).toBe('don t stop me now');
    // Asides without a version word stay: a different song.
    expect(normaliseName('(I Can’t Get No) Satisfaction')).toBe('i can t get no satisfaction');
    expect(normaliseName('(Live)')).toBe('live');
  });
});

describe('finding the identity', () => {
  it('prefers an id column, else artist + title; a bare numeric id is a row number', () => {
    expect(findTrackIdentity(withId)).toEqual({ by: 'id', columns: ['track_id'] });
    expect(findTrackIdentity(byName)).toEqual({ by: 'name', columns: ['artist', 'title'] });
    const t: Table = {
      rowCount: 1,
      columns: [
        numberColumn('id', [1]),
        stringColumn('artist_id', ['a']),
        stringColumn('album_name', ['x']),
        stringColumn('artists', ['A']),
        stringColumn('isrc', ['US1']),
        stringColumn('Spotify ID', ['s']),
        stringColumn('track_name', ['T']),
      ],
    };
    expect(findTrackIdColumns(t)).toEqual(['Spotify ID', 'isrc']);
    expect(findArtistColumn(t)).toBe('artists');
    expect(findTitleColumn(t)).toBe('track_name');
    expect(findTrackIdentity({ rowCount: 1, columns: [stringColumn('title', ['x'])] })).toBeUndefined();
  });

  it('never groups missing keys', () => {
    expect(Array.from(trackGroups(withId, findTrackIdentity(withId)!).groupOf)).toEqual([
      0, 1, 0, 2, 2, -1, -1, 3,
    ]);
    expect(Array.from(trackGroups(byName, findTrackIdentity(byName)!).groupOf)).toEqual([
      0, 1, 0, 2, 2, 3, -1, 0,
    ]);
    const key = trackKeyFunction(byName, findTrackIdentity(byName)!);
    expect(key(2)).toBe('adele\u0001song');
    expect(key(6)).toBeNull();
  });
});

/** Every copy of a track (same group id >= 0) on one side of the split. */
function sidesAgree(
  groupOf: Int32Array,
  s: { train: Int32Array; val: Int32Array; test: Int32Array },
): boolean {
  const side = new Map<number, number>();
  for (const [i, rows] of [s.train, s.val, s.test].entries())
    for (const r of rows) {
      const g = groupOf[r]!;
      if (g < 0) continue;
      if ((side.get(g) ?? i) !== i) return false;
      side.set(g, i);
    }
  return true;
}

describe.each([
  {
    name: 'an id column',
    table: withId,
    groupOf: [0, 1, 0, 2, 2, -1, -1, 3],
    dupGroupOf: [0, -1, 0, 1, 1, -1, -1, -1],
    examples: [
      [0, 2],
      [3, 4],
    ],
    removed: 2,
    spec: 'track_id',
    columns: ['track_id', 'artist'],
    finding: { column: 'track_id', sharedGroups: 2, testRowsAffected: 2, examples: ['t1', 't3'] },
    // test rows 2, 4, 6, 7: t1 and t3 are in training, row 6 has no id, t4 is new.
    familiarity: { labels: ['known track', 'unseen track', '(missing)'], membership: [[0], [0], [2], [1]] },
  },
  {
    name: 'only artist and title ("Song - Remastered 2011" is "Song")',
    table: byName,
    groupOf: [0, 1, 0, 2, 2, 3, -1, 0],
    dupGroupOf: [0, -1, 0, 1, 1, -1, -1, 0],
    examples: [
      [0, 2, 7],
      [3, 4],
    ],
    removed: 3,
    spec: 'artist+title',
    columns: ['artist', 'artist+title'],
    finding: {
      column: 'artist+title',
      sharedGroups: 2,
      testRowsAffected: 3,
      examples: ['ADELE - Song - Remastered 2011', 'Sia - Chandelier (Live)'],
    },
    // test rows 2, 4, 6, 7: adele|song and sia|chandelier are in training; row 6 has no artist.
    familiarity: { labels: ['known track', '(missing)'], membership: [[0], [0], [1], [0]] },
  },
])('dedupe, the leakage guard and the bias panel agree, with $name', (c) => {
  const identity = findTrackIdentity(c.table)!;

  it('dedupe groups the same rows', () => {
    expect(Array.from(trackGroups(c.table, identity).groupOf)).toEqual(c.groupOf);
    const d = findDuplicates(c.table, { identity });
    expect(Array.from(d.groupOf)).toEqual(c.dupGroupOf);
    expect(d.examples).toEqual(c.examples);
    // prep.api's first candidate key is this identity (src/workers/prep.identity.test.ts checks the api).
    expect(dedupe(c.table, d, 'first').removed).toBe(c.removed);
  });

  it('the leakage check finds the same tracks on both sides', () => {
    expect(leakageColumnsFor(c.table)).toEqual(c.columns);
    const found = detectLeakage(c.table, split, leakageColumnsFor(c.table));
    expect(found.find((f) => f.column === c.spec)).toEqual(c.finding);
  });

  it('the bias panel calls the same test rows known tracks', () => {
    const fam = trackFamiliarity(c.table, split.train, split.test)!;
    expect(fam.column).toBe(c.spec);
    expect(fam.grouping.labels).toEqual(c.familiarity.labels);
    expect(fam.grouping.membership).toEqual(c.familiarity.membership);
    // Known test rows are exactly the ones the leakage finding counts.
    const known = fam.grouping.membership.filter((m) => fam.grouping.labels[m[0]!] === 'known track').length;
    expect(known).toBe(c.finding.testRowsAffected);
  });

  it('guardedSplit keeps every copy of a track, by these groups, on one side', () => {
    let guardedAny = false;
    for (let seed = 1; seed <= 20; seed++) {
      const cfg: SplitConfig = { method: 'random', train: 0.5, val: 0, test: 0.5, seed };
      const plain = splitRows(c.table, all, cfg);
      const g = guardedSplit(c.table, all, cfg, true);
      const leaks = plain.leakage.some((f) => f.column === c.spec);
      expect(leaks).toBe(!sidesAgree(Int32Array.from(c.groupOf), plain));
      if (!leaks) {
        expect(g.note).toBeUndefined();
        continue;
      }
      guardedAny = true;
      expect(g.used).toEqual({ method: 'grouped', groupColumn: `${c.spec} (track)` });
      const key = g.table.columns[g.table.columns.length - 1]!;
      expect(key.kind === 'string' && Array.from(key.codes)).toEqual(c.groupOf);
      expect(sidesAgree(Int32Array.from(c.groupOf), g.split)).toBe(true);
      expect(g.split.leakage.find((f) => f.column === c.spec)).toBeUndefined();
    }
    expect(guardedAny).toBe(true);
  });
});

describe('guardedSplit on tracks listed once per playlist', () => {
  it('groups by artist + title and says so', () => {
    const n = 180;
    const t: Table = {
      rowCount: n,
      columns: [
        stringColumn(
          'artist',
          Array.from({ length: n }, (_, i) => `Artist ${Math.floor(i / 3) % 20}`),
        ),
        stringColumn(
          'song',
          Array.from({ length: n }, (_, i) => `Song ${Math.floor(i / 3)}${i % 3 ? ' - Remastered' : ''}`),
        ),
      ],
    };
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const g = guardedSplit(t, rows, { method: 'random', train: 0.7, val: 0.15, test: 0.15, seed: 1 }, true);
    expect(g.note).toMatch(/grouped by track/);
    expect(detectLeakage(t, g.split, ['artist+song'])).toEqual([]);
    expect(findDuplicates(t, { identity: findTrackIdentity(t)! })).toMatchObject({
      groupCount: 60,
      duplicateRows: 120,
    });
  });
});
