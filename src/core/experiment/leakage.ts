/**
 * The leakage guard: under a random split, copies of the same track (the same id, or the same
 * normalised artist + title) can land in both train and test, so the model is tested on tracks
 * it memorised. By default we then split again, grouped by that track identity, and say so.
 */
import { getColumn, type StringColumn, type Table } from '../data/table';
import { normaliseName, splitRows, type SplitConfig, type SplitResult } from '../split';

export interface GuardedSplit {
  split: SplitResult;
  /** The table the split refers to (the input, or it plus a derived track-identity column). */
  table: Table;
  /** What the guard did, for the person; undefined when it did nothing. */
  note?: string;
  /** The split actually used (method and group column). */
  used: { method: SplitConfig['method']; groupColumn?: string };
}

/** True for a finding about the same track (an id column, or artist+title), not merely the same artist. */
export function isTrackIdentity(spec: string): boolean {
  return spec.includes('+') || /(^|[ _-])(id|uri|isrc)$/i.test(spec);
}

/** A string column whose value is the normalised concatenation of `spec`'s columns ("artist+song"). */
export function trackKeyColumn(table: Table, spec: string): StringColumn {
  const direct = getColumn(table, spec);
  const cols = direct ? [direct] : spec.split('+').map((n) => getColumn(table, n.trim()));
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    let key = '';
    let missing = false;
    for (const c of cols) {
      if (!c) {
        missing = true;
        break;
      }
      const v =
        c.kind === 'number'
          ? Number.isNaN(c.values[r]!)
            ? ''
            : String(c.values[r])
          : c.codes[r]! < 0
            ? ''
            : normaliseName(c.dict[c.codes[r]!]!);
      if (v === '') {
        missing = true;
        break;
      }
      key += '\u0001' + v;
    }
    if (missing) {
      codes[r] = -1;
      continue;
    }
    let code = index.get(key);
    if (code === undefined) {
      code = dict.length;
      dict.push(key);
      index.set(key, code);
    }
    codes[r] = code;
  }
  return { name: `${spec} (track)`, kind: 'string', codes, dict };
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
  const dup = first.leakage.find((f) => isTrackIdentity(f.column));
  if (!dup) return { split: first, table, used };
  const key = trackKeyColumn(table, dup.column);
  const withKey: Table = { rowCount: table.rowCount, columns: [...table.columns, key] };
  const second = splitRows(withKey, rows, { ...config, method: 'grouped', groupColumn: key.name });
  const note =
    `A random split put ${dup.testRowsAffected} test rows whose track (same ${dup.column.replace('+', ' and ')}) is also in ` +
    `training, which inflates the metrics. These results use a split grouped by track instead, so every copy of a track ` +
    `is on one side. Turn off "Keep copies of a track on one side" to see the random split's numbers.`;
  return { split: second, table: withKey, note, used: { method: 'grouped', groupColumn: key.name } };
}
