/**
 * Duplicate tracks: exact duplicate rows, or rows sharing an id column (a track id listed once per
 * playlist), and merging them before the split (keep the first row, or keep it with the group's mean
 * target) so the same track cannot land in both training and test rows. Rows are "the same
 * track" exactly as core/data/trackIdentity decides (the leakage guard and bias panel use it too).
 */
import type { Column, Table } from '../data/table';
import { takeRows } from '../data/table';
import { trackGroups, type TrackIdentity } from '../data/trackIdentity';
import { requireColumn } from './read';

export interface Duplicates {
  /** 'exact': all columns equal; 'id': same track id; 'keys': keyColumns equal, or the same normalised artist + title. */
  by: 'exact' | 'id' | 'keys';
  columns: string[];
  /** Per row: its duplicate group, or -1 when the row is unique. Shape: [rowCount]. */
  groupOf: Int32Array;
  /** Groups with at least two rows. */
  groupCount: number;
  /** Rows that merging removes (group sizes minus one, summed). */
  duplicateRows: number;
  /** Row indices of the first 50 groups (ascending), for display. */
  examples: number[][];
}

/**
 * Find duplicate rows. With `identity` (see core/data/trackIdentity), rows that are the same track:
 * the same trimmed id, or the same normalised artist + title; `idColumn` is shorthand for an id
 * identity. Missing keys are never duplicates. With `keyColumns`, rows equal on those columns;
 * otherwise rows equal on every column (missing equals missing). O(rows · columns) with hashing.
 */
export function findDuplicates(
  table: Table,
  opts: { idColumn?: string; keyColumns?: string[]; identity?: TrackIdentity } = {},
): Duplicates {
  const identity: TrackIdentity | undefined =
    opts.identity ?? (opts.idColumn !== undefined ? { by: 'id', columns: [opts.idColumn] } : undefined);
  if (identity) {
    for (const c of identity.columns) requireColumn(table, c);
    return fromGroups(
      identity.by === 'id' ? 'id' : 'keys',
      identity.columns,
      trackGroups(table, identity).groupOf,
    );
  }
  const by = opts.keyColumns ? 'keys' : 'exact';
  const cols = opts.keyColumns ? opts.keyColumns.map((c) => requireColumn(table, c)) : table.columns;
  const n = table.rowCount;
  const groupOf = new Int32Array(n).fill(-1);
  const reps = new Map<number, number[]>();
  const members: number[][] = [];
  for (let r = 0; r < n; r++) {
    const h = rowHash(cols, r);
    const list = reps.get(h);
    if (!list) {
      reps.set(h, [r]);
      continue;
    }
    const rep = list.find((q) => rowsEqual(cols, q, r));
    if (rep === undefined) {
      list.push(r);
      continue;
    }
    let g = groupOf[rep]!;
    if (g < 0) {
      g = members.length;
      groupOf[rep] = g;
      members.push([rep]);
    }
    groupOf[r] = g;
    members[g]!.push(r);
  }
  let duplicateRows = 0;
  for (const m of members) duplicateRows += m.length - 1;
  return {
    by,
    columns: cols.map((c) => c.name),
    groupOf,
    groupCount: members.length,
    duplicateRows,
    examples: members.slice(0, 50),
  };
}

/** Duplicates from per-row group ids (-1 = missing): groups of one row become -1, the rest renumber in row order. */
function fromGroups(by: Duplicates['by'], columns: string[], ids: Int32Array): Duplicates {
  const size = new Map<number, number>();
  for (const g of ids) if (g >= 0) size.set(g, (size.get(g) ?? 0) + 1);
  const remap = new Map<number, number>();
  const members: number[][] = [];
  const groupOf = new Int32Array(ids.length).fill(-1);
  for (let r = 0; r < ids.length; r++) {
    const g = ids[r]!;
    if (g < 0 || size.get(g)! < 2) continue;
    let m = remap.get(g);
    if (m === undefined) remap.set(g, (m = members.push([]) - 1));
    groupOf[r] = m;
    members[m]!.push(r);
  }
  let duplicateRows = 0;
  for (const m of members) duplicateRows += m.length - 1;
  return { by, columns, groupOf, groupCount: members.length, duplicateRows, examples: members.slice(0, 50) };
}

export interface Deduped {
  table: Table;
  /** Original row index of each kept row (first occurrences, in file order). */
  keptRows: Int32Array;
  /** Rows removed by merging. */
  removed: number;
  /** Groups merged. */
  groupsMerged: number;
  /** How the target was combined in 'mean' mode: 'mean' for numbers, 'mode' (most frequent) for text. */
  targetAggregate?: 'mean' | 'mode';
}

/**
 * Merge duplicates: keep the first row of each group ('first'), or keep it with the group's target
 * replaced by the mean of the group's present targets ('mean'; the most frequent label for text targets).
 */
export function dedupe(table: Table, dups: Duplicates, mode: 'first' | 'mean', target?: string): Deduped {
  const n = table.rowCount;
  const kept: number[] = [];
  const firstOfGroup = new Int32Array(dups.groupCount).fill(-1);
  for (let r = 0; r < n; r++) {
    const g = dups.groupOf[r]!;
    if (g < 0) kept.push(r);
    else if (firstOfGroup[g]! < 0) {
      firstOfGroup[g] = r;
      kept.push(r);
    }
  }
  const keptRows = Int32Array.from(kept);
  const out = takeRows(table, keptRows);
  const result: Deduped = { table: out, keptRows, removed: n - kept.length, groupsMerged: dups.groupCount };
  if (mode === 'mean' && target !== undefined) {
    const src = requireColumn(table, target);
    const j = out.columns.findIndex((c) => c.name === target);
    out.columns[j] = aggregateTarget(src, dups.groupOf, dups.groupCount, keptRows);
    result.targetAggregate = src.kind === 'number' ? 'mean' : 'mode';
  }
  return result;
}

function aggregateTarget(src: Column, groupOf: Int32Array, groups: number, kept: Int32Array): Column {
  if (src.kind === 'number') {
    const sum = new Float64Array(groups);
    const cnt = new Float64Array(groups);
    for (let r = 0; r < groupOf.length; r++) {
      const g = groupOf[r]!;
      const v = src.values[r]!;
      if (g >= 0 && v === v) {
        sum[g]! += v;
        cnt[g]!++;
      }
    }
    const values = Float64Array.from(kept, (r) => {
      const g = groupOf[r]!;
      return g < 0 ? src.values[r]! : cnt[g]! > 0 ? sum[g]! / cnt[g]! : NaN;
    });
    return { name: src.name, kind: 'number', values };
  }
  const votes = new Map<number, Map<number, number>>();
  for (let r = 0; r < groupOf.length; r++) {
    const g = groupOf[r]!;
    const k = src.codes[r]!;
    if (g < 0 || k < 0) continue;
    let m = votes.get(g);
    if (!m) votes.set(g, (m = new Map()));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const codes = Int32Array.from(kept, (r) => {
    const g = groupOf[r]!;
    const m = g < 0 ? undefined : votes.get(g);
    if (!m) return src.codes[r]!;
    let best = -1;
    let bestCount = 0;
    for (const [k, c] of m) if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
    return best;
  });
  return { name: src.name, kind: 'string', codes, dict: src.dict };
}

const f64 = new Float64Array(1);
const u32 = new Int32Array(f64.buffer);

function rowHash(cols: Column[], r: number): number {
  let h = 0x811c9dc5;
  for (const c of cols) {
    if (c.kind === 'number') {
      const v = c.values[r]!;
      f64[0] = v !== v ? NaN : v === 0 ? 0 : v;
      h = Math.imul(h ^ u32[0]!, 0x01000193);
      h = Math.imul(h ^ u32[1]!, 0x01000193);
    } else h = Math.imul(h ^ c.codes[r]!, 0x01000193);
  }
  return h;
}

function rowsEqual(cols: Column[], a: number, b: number): boolean {
  for (const c of cols) {
    if (c.kind === 'number') {
      const x = c.values[a]!;
      const y = c.values[b]!;
      if (x !== y && !(x !== x && y !== y)) return false;
    } else if (c.codes[a] !== c.codes[b]) return false;
  }
  return true;
}
