/**
 * Which columns a bias analysis looks at by default, which column holds the artist, and which test
 * rows are tracks already seen in training: categorical, boolean and multi-valued columns with 2..30
 * groups and year-like columns (as decades), most useful first. Artist and track matching come from
 * core/data/trackIdentity, so "known track" here means what dedupe and the leakage guard mean.
 */
import type { Table } from '../data/table';
import {
  findArtistColumn,
  findTrackIdentity,
  identitySpec,
  trackGroups,
  type TrackIdentity,
} from '../data/trackIdentity';
import { inferColumnType, splitTokens } from '../prep';
import { type Grouping, MISSING, fromRowLabels } from './groups';

/** A string column named like artist / artists / artist_name / performer, else one whose name contains "artist". */
export { findArtistColumn };

export const KNOWN_TRACK = 'known track';
export const UNSEEN_TRACK = 'unseen track';

export interface TrackFamiliarity {
  identity: TrackIdentity;
  /** The identity as a column spec ("track_id", "artist+title"), the name to report the grouping under. */
  column: string;
  /** Groups "known track" (the same track has a training row), "unseen track", then "(missing)". */
  grouping: Grouping;
}

/**
 * Known vs unseen tracks: for each test row (membership aligned with testRows), whether the same
 * track (core/data/trackIdentity: same id, else same normalised artist + title) has a training row.
 * A row with a missing key is "(missing)". Undefined when the table has no way to identify a track.
 */
export function trackFamiliarity(
  table: Table,
  trainRows: ArrayLike<number>,
  testRows: ArrayLike<number>,
  identity: TrackIdentity | undefined = findTrackIdentity(table),
): TrackFamiliarity | undefined {
  if (!identity) return undefined;
  const { groupOf, groupCount } = trackGroups(table, identity);
  const inTrain = new Uint8Array(groupCount);
  for (let i = 0; i < trainRows.length; i++) {
    const g = groupOf[trainRows[i]!]!;
    if (g >= 0) inTrain[g] = 1;
  }
  const labels = Array.from(testRows, (r) => {
    const g = groupOf[r]!;
    return [g < 0 ? MISSING : inTrain[g] ? KNOWN_TRACK : UNSEEN_TRACK];
  });
  const grouping = fromRowLabels(labels, 'known vs unseen tracks');
  const rank = (l: string) => (l === KNOWN_TRACK ? 0 : l === UNSEEN_TRACK ? 1 : 2);
  grouping.labels.sort((a, b) => rank(a) - rank(b));
  const index = new Map(grouping.labels.map((l, i) => [l, i]));
  grouping.membership = labels.map((ls) => ls.map((l) => index.get(l)!));
  return { identity, column: identitySpec(identity), grouping };
}

/** Preference of a bias column by name: genre, year/decade, explicit, mode, key, then the rest. */
function priority(name: string): number {
  const rules = [/genre/i, /year|decade|date|release/i, /explicit/i, /^mode$/i, /^key$/i];
  const i = rules.findIndex((r) => r.test(name));
  return i < 0 ? rules.length : i;
}

/**
 * Columns worth a bias table by default: categorical, boolean and multi-valued columns with
 * 2..30 groups (genre, explicit, mode, key), year-like numbers and dates (grouped by decade),
 * excluding the target, the artist and track-identity columns and id / free-text / continuous columns. At most 6,
 * most useful first (genre, year, explicit, mode, key, then feature columns, then table order).
 */
export function defaultBiasColumns(
  table: Table,
  target: string,
  featureColumns: readonly string[] = [],
): string[] {
  const artist = findArtistColumn(table);
  const identityColumns = findTrackIdentity(table)?.columns ?? [];
  const found: { name: string; rank: number; index: number }[] = [];
  table.columns.forEach((col, index) => {
    if (col.name === target || col.name === artist || identityColumns.includes(col.name)) return;
    const type = inferColumnType(col, table.rowCount);
    let groups = 0;
    if (col.kind === 'number') {
      const distinct = new Set<number>();
      const decades = new Set<number>();
      for (const v of col.values) {
        if (Number.isNaN(v)) continue;
        if (distinct.size <= 31) distinct.add(v);
        decades.add(Math.floor(v / 10));
        if (decades.size > 31) break;
      }
      const yearLike =
        /year|date|release/i.test(col.name) &&
        [...distinct].every((v) => Number.isInteger(v) && v >= 1000 && v <= 2999);
      if (yearLike) groups = decades.size;
      else if (type === 'boolean' || (type === 'integer' && distinct.size <= 12)) groups = distinct.size;
    } else if (type === 'date') {
      groups = dateDecades(col.dict);
    } else if (type === 'category' || type === 'boolean' || type === 'multicategory') {
      const used = new Set<string>();
      for (const c of col.codes) {
        if (c < 0) continue;
        for (const t of type === 'multicategory' ? splitTokens(col.dict[c]!) : [col.dict[c]!.trim()])
          used.add(t);
        if (used.size > 30) break;
      }
      groups = used.size;
    }
    if (groups < 2 || groups > 30) return;
    const rank = priority(col.name) * 2 + (featureColumns.includes(col.name) ? 0 : 1);
    found.push({ name: col.name, rank, index });
  });
  return found
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, 6)
    .map((f) => f.name);
}

/** Distinct decades among date strings that start with a 4-digit year. */
function dateDecades(dict: string[]): number {
  const decades = new Set<string>();
  for (const s of dict) {
    const m = /^\s*(\d{3})\d/.exec(s);
    if (m) decades.add(m[1]!);
  }
  return decades.size;
}
