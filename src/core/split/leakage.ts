/**
 * Leakage detection: the same artist, track or song on both sides of a split makes test
 * metrics look better than they will be on new music. A "column" here is either a column
 * name or two names joined by '+' (e.g. "artist+song"), which keys rows by the normalised
 * pair so that one song listed twice (a re-release, a duplicate row) is found.
 */
import { type Table, getColumn } from '../data/table';
import {
  findArtistColumn,
  findTitleColumn,
  findTrackIdentity,
  identityForSpec,
  identitySpec,
  trackKeyFunction,
} from '../data/trackIdentity';

/** Re-exported: the split's grouping and the bias panel match names exactly as the track identity does. */
export { normaliseName } from '../data/trackIdentity';

export interface LeakageFinding {
  /** The column (or "a+b" combined key) whose values straddle train and test. */
  column: string;
  /** Distinct values seen in both train and test. */
  sharedGroups: number;
  /** Test rows whose value also occurs in train. */
  testRowsAffected: number;
  /** Up to 5 shared values, as first written in the table. */
  examples: string[];
}

const MAX_EXAMPLES = 5;

/**
 * A per-row key function for a column spec (see core/data/trackIdentity: the table's own track
 * identity keys exactly as dedupe does, other specs by normalised name), or an Error naming the
 * missing column.
 */
function keyFunction(table: Table, spec: string): (row: number) => string | null {
  const own = findTrackIdentity(table);
  const identity = own && identitySpec(own) === spec ? own : identityForSpec(table, spec, 'Leakage check');
  return trackKeyFunction(table, identity);
}

/** The raw (un-normalised) display value of a row for a spec, used for examples. */
function displayValue(table: Table, spec: string, row: number): string {
  const direct = getColumn(table, spec);
  const cols = direct ? [direct] : spec.split('+').map((n) => getColumn(table, n.trim())!);
  return cols
    .map((c) => (c.kind === 'number' ? String(c.values[row]) : (c.dict[c.codes[row]!] ?? '')))
    .join(' - ');
}

/**
 * Values (artist, track id, normalised artist+title) present in both train and test.
 * Missing cells never count as shared. Returns one finding per column that leaks, in the order
 * given; columns without shared values are left out.
 */
export function detectLeakage(
  table: Table,
  split: { train: ArrayLike<number>; val: ArrayLike<number>; test: ArrayLike<number> },
  columns: string[],
): LeakageFinding[] {
  const findings: LeakageFinding[] = [];
  for (const spec of columns) {
    const key = keyFunction(table, spec);
    const inTrain = new Set<string>();
    for (let i = 0; i < split.train.length; i++) {
      const k = key(split.train[i]!);
      if (k !== null) inTrain.add(k);
    }
    const shared = new Map<string, number>(); // key -> first test row (for the example)
    let affected = 0;
    for (let i = 0; i < split.test.length; i++) {
      const row = split.test[i]!;
      const k = key(row);
      if (k === null || !inTrain.has(k)) continue;
      affected++;
      if (!shared.has(k)) shared.set(k, row);
    }
    if (affected === 0) continue;
    const examples = [...shared.values()].slice(0, MAX_EXAMPLES).map((r) => displayValue(table, spec, r));
    findings.push({ column: spec, sharedGroups: shared.size, testRowsAffected: affected, examples });
  }
  return findings;
}

/**
 * The columns worth checking for leakage in a table of tracks: the group column if any, the
 * table's track identity (its id column, else artist+title combined; see core/data/trackIdentity),
 * and the artist column. A title alone is used only when there is no artist column (many different
 * songs share a title). Shape: column specs for detectLeakage.
 */
export function leakageColumnsFor(table: Table, groupColumn?: string): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s && !out.includes(s)) out.push(s);
  };
  if (groupColumn) add(groupColumn);
  const identity = findTrackIdentity(table);
  if (identity?.by === 'id') add(identitySpec(identity));
  const artist = findArtistColumn(table);
  add(artist);
  if (identity?.by === 'name') add(identitySpec(identity));
  else if (!artist) add(findTitleColumn(table));
  return out;
}
