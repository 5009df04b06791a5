/**
 * The four ways of cutting usable rows into train / validation / test. Each takes the rows to
 * split and the target counts, and returns three plain index lists (row numbers into the table).
 */
import { type Column, type Table, getColumn } from '../data/table';
import { type Rng, permutation } from '../random';
import { normaliseName } from './leakage';

export interface Counts {
  train: number;
  val: number;
  test: number;
}

export interface Parts {
  train: number[];
  val: number[];
  test: number[];
  warnings: string[];
}

/** Rows in a seeded random order (a copy). */
function shuffled(rows: ArrayLike<number>, rng: Rng): number[] {
  const p = permutation(rows.length, rng);
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[p[i]!]!;
  return out;
}

/** Cut an ordered list: the first counts.train rows train, then val, then test. */
function cut(ordered: number[], counts: Counts): Parts {
  const a = counts.train;
  const b = counts.train + counts.val;
  return { train: ordered.slice(0, a), val: ordered.slice(a, b), test: ordered.slice(b), warnings: [] };
}

/** Plain random split. */
export function randomSplit(rows: ArrayLike<number>, counts: Counts, rng: Rng): Parts {
  return cut(shuffled(rows, rng), counts);
}

function requireColumn(table: Table, name: string | undefined, what: string): Column {
  if (!name) throw new Error(`A ${what} split needs a column: choose one.`);
  const col = getColumn(table, name);
  if (!col) throw new Error(`The ${what} split column "${name}" is not in the table.`);
  return col;
}

/**
 * Stratum of each row: the class for a string target or a numeric target with at most 10
 * distinct values; otherwise one of `bins` equal-count quantile bins (ranked, ties broken by the
 * seeded order). Missing targets form their own stratum.
 */
function strata(col: Column, rows: number[], bins: number): Int32Array {
  const out = new Int32Array(rows.length);
  if (col.kind === 'string') {
    rows.forEach((r, i) => (out[i] = col.codes[r]!)); // -1 (missing) is a stratum of its own
    return out;
  }
  const distinct = new Set<number>();
  for (const r of rows) {
    const v = col.values[r]!;
    if (!Number.isNaN(v)) distinct.add(v);
    if (distinct.size > 10) break;
  }
  if (distinct.size <= 10) {
    const sorted = [...distinct].sort((a, b) => a - b);
    rows.forEach((r, i) => {
      const v = col.values[r]!;
      out[i] = Number.isNaN(v) ? -1 : sorted.indexOf(v);
    });
    return out;
  }
  const present = rows.map((_, i) => i).filter((i) => !Number.isNaN(col.values[rows[i]!]!));
  present.sort((a, b) => col.values[rows[a]!]! - col.values[rows[b]!]! || a - b);
  out.fill(-1);
  present.forEach((i, rank) => (out[i] = Math.floor((rank * bins) / present.length)));
  return out;
}

/**
 * Stratified split: every stratum is cut in the requested proportions. Per-stratum counts are
 * rounded from cumulative targets, so the totals match the random split's and each stratum is
 * within one row of its exact share.
 */
export function stratifiedSplit(
  table: Table,
  rows: ArrayLike<number>,
  counts: Counts,
  rng: Rng,
  targetColumn: string | undefined,
  bins: number,
): Parts {
  const col = requireColumn(table, targetColumn, 'stratified');
  const order = shuffled(rows, rng);
  const s = strata(col, order, bins);
  const byStratum = new Map<number, number[]>();
  order.forEach((r, i) => {
    const k = s[i]!;
    const list = byStratum.get(k);
    if (list) list.push(r);
    else byStratum.set(k, [r]);
  });
  const n = order.length;
  const fVal = n ? counts.val / n : 0;
  const fTest = n ? counts.test / n : 0;
  const parts: Parts = { train: [], val: [], test: [], warnings: [] };
  let seen = 0;
  const keys = [...byStratum.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const list = byStratum.get(k)!;
    const before = seen;
    seen += list.length;
    const nTest = Math.round(seen * fTest) - Math.round(before * fTest);
    const nVal = Math.round(seen * fVal) - Math.round(before * fVal);
    parts.test.push(...list.slice(0, nTest));
    parts.val.push(...list.slice(nTest, nTest + nVal));
    parts.train.push(...list.slice(nTest + nVal));
  }
  const small = keys.filter((k) => byStratum.get(k)!.length < 3).length;
  if (small > 0)
    parts.warnings.push(`${small} stratum(s) hold fewer than 3 rows and cannot appear in every part.`);
  return parts;
}

/**
 * Grouped split: whole groups (e.g. every track of an artist) go to one side. Groups are taken
 * in seeded random order, each to the part furthest below its target, so the fractions hold
 * within about one group's size. A missing group value makes the row a group of its own.
 */
export function groupedSplit(
  table: Table,
  rows: ArrayLike<number>,
  counts: Counts,
  rng: Rng,
  groupColumn: string | undefined,
): Parts {
  const col = requireColumn(table, groupColumn, 'grouped');
  const groups = new Map<string, number[]>();
  // The same normalisation as the leakage check, so "Beyoncé" and "beyonce" are one group.
  const names = col.kind === 'string' ? col.dict.map(normaliseName) : [];
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let key: string;
    if (col.kind === 'string') {
      const c = col.codes[r]!;
      key = c < 0 || names[c] === '' ? `\u0000row${r}` : names[c]!;
    } else {
      const v = col.values[r]!;
      key = Number.isNaN(v) ? `\u0000row${r}` : String(v);
    }
    if (key.startsWith('\u0000')) missing++;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const lists = [...groups.values()];
  const order = permutation(lists.length, rng);
  const parts: Parts = { train: [], val: [], test: [], warnings: [] };
  const partNames = ['train', 'val', 'test'] as const;
  for (let i = 0; i < order.length; i++) {
    const list = lists[order[i]!]!;
    let best: (typeof partNames)[number] = 'train';
    let bestDeficit = -Infinity;
    for (const p of partNames) {
      if (counts[p] === 0) continue;
      const deficit = counts[p] - parts[p].length;
      if (deficit > bestDeficit) {
        bestDeficit = deficit;
        best = p;
      }
    }
    parts[best].push(...list);
  }
  if (missing > 0)
    parts.warnings.push(`${missing} row(s) have no "${col.name}" value; each was treated as its own group.`);
  if (lists.length < 3)
    parts.warnings.push(
      `Only ${lists.length} distinct "${col.name}" value(s): a grouped split needs several.`,
    );
  return parts;
}

/** Years, ISO dates ("2019-05-01", "2019-05"), or anything Date.parse reads, as a sortable number. */
export function parseTime(s: string): number {
  const t = s.trim();
  const year = /^(\d{4})$/.exec(t);
  if (year) return Date.UTC(Number(year[1]), 0, 1);
  const ym = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (ym) return Date.UTC(Number(ym[1]), Number(ym[2]) - 1, 1);
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(t);
  if (ymd) return Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]));
  const p = Date.parse(t);
  return Number.isNaN(p) ? NaN : p;
}

/**
 * Temporal split: rows sorted by time (ties in seeded random order), oldest to train, then
 * validation, newest to test. Rows without a readable time cannot be placed in time and go to
 * train, with a warning.
 */
export function temporalSplit(
  table: Table,
  rows: ArrayLike<number>,
  counts: Counts,
  rng: Rng,
  timeColumn: string | undefined,
): Parts {
  const col = requireColumn(table, timeColumn, 'temporal');
  const dictTimes = col.kind === 'string' ? col.dict.map(parseTime) : null;
  const timeOf = (r: number): number => {
    if (col.kind === 'number') return col.values[r]!;
    const c = col.codes[r]!;
    return c < 0 ? NaN : dictTimes![c]!;
  };
  const order = shuffled(rows, rng);
  const dated = order.filter((r) => !Number.isNaN(timeOf(r)));
  const undated = order.filter((r) => Number.isNaN(timeOf(r)));
  if (dated.length === 0) throw new Error(`No row has a readable date or year in "${col.name}".`);
  // Stable sort keeps the seeded order among equal times.
  dated.sort((a, b) => timeOf(a) - timeOf(b));
  const scale = dated.length / Math.max(1, order.length);
  const c: Counts = { train: 0, val: Math.round(counts.val * scale), test: Math.round(counts.test * scale) };
  c.train = dated.length - c.val - c.test;
  const parts = cut(dated, c);
  parts.train.push(...undated);
  if (undated.length > 0) {
    parts.warnings.push(
      `${undated.length} row(s) have no readable "${col.name}" value and were put in training.`,
    );
  }
  const lastTrain =
    parts.train.length > undated.length ? timeOf(parts.train[parts.train.length - undated.length - 1]!) : NaN;
  const firstTest = parts.test.length ? timeOf(parts.test[0]!) : NaN;
  if (lastTrain === firstTest) {
    const shown = col.kind === 'number' ? String(lastTrain) : new Date(lastTrain).toISOString().slice(0, 10);
    parts.warnings.push(`Rows dated ${shown} fall on both sides of the train/test boundary.`);
  }
  return parts;
}
