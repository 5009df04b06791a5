/**
 * The leakage guard: under a random split, copies of the same track (the same id, or the same
 * normalised artist + title) can land in both train and test, so the model is tested on tracks
 * it memorised. By default we then split again, grouped by that track identity, and say so.
 */
import type { StringColumn, Table } from '../data/table';
import {
  findTrackIdentity,
  identityForSpec,
  identitySpec,
  isTrackIdName,
  trackKeyColumn as identityKeyColumn,
} from '../data/trackIdentity';
import { splitRows, type SplitConfig, type SplitResult } from '../split';

export interface GuardedSplit {
  split: SplitResult;
  /** The table the split refers to (the input, or it plus a derived track-identity column). */
  table: Table;
  /** What the guard did, for the person; undefined when it did nothing. */
  note?: string;
  /** The split actually used (method and group column). */
  used: { method: SplitConfig['method']; groupColumn?: string };
}

/** True for a spec about the same track (an id column, or artist+title), not merely the same artist. */
export function isTrackIdentity(spec: string): boolean {
  return spec.includes('+') || isTrackIdName(spec);
}

/**
 * A string column of track group ids for `spec`'s columns ("artist+song", "track_id"), matched as
 * core/data/trackIdentity matches them; -1 where the key is missing.
 */
export function trackKeyColumn(table: Table, spec: string): StringColumn {
  return identityKeyColumn(table, identityForSpec(table, spec), `${spec} (track)`);
}

/** Split `rows`; under a random split with guard on, keep each track's copies on one side. */
export function guardedSplit(
  table: Table,
  rows: Int32Array,
  config: SplitConfig,
  guard: boolean,
): GuardedSplit {
  const first = splitRows(table, rows, config);
  const used = { method: config.method, groupColumn: config.groupColumn };
  if (!guard || config.method !== 'random') return { split: first, table, used };
  // Only the table's own track identity (the one dedupe and the bias panel use) triggers the guard.
  const identity = findTrackIdentity(table);
  const spec = identity && identitySpec(identity);
  const dup = first.leakage.find((f) => f.column === spec);
  if (!identity || !dup) return { split: first, table, used };
  const key = identityKeyColumn(table, identity, `${dup.column} (track)`);
  const withKey: Table = { rowCount: table.rowCount, columns: [...table.columns, key] };
  const second = splitRows(withKey, rows, { ...config, method: 'grouped', groupColumn: key.name });
  const note =
    `A random split put ${dup.testRowsAffected} test rows whose track (same ${dup.column.replace('+', ' and ')}) is also in ` +
    `training, which inflates the metrics. These results use a split grouped by track instead, so every copy of a track ` +
    `is on one side. Turn off "Keep copies of a track on one side" to see the random split's numbers.`;
  return { split: second, table: withKey, note, used: { method: 'grouped', groupColumn: key.name } };
}
