/**
 * Leakage detection: the same artist, track or song on both sides of a split makes test
 * metrics look better than they will be on new music. A "column" here is either a column
 * name or two names joined by '+' (e.g. "artist+song"), which keys rows by the normalised
 * pair so that one song listed twice (a re-release, a duplicate row) is found.
 */
import { type Column, type Table, getColumn, isMissing } from '../data/table';

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
 * Normalise a name for matching: case, accents, "(feat. X)"/"[Remastered]" asides, punctuation
 * and spacing are ignored, so "Beyoncé - Halo (Remastered)" and "beyonce halo" match.
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\((?:feat|ft|with|remaster|live|radio|explicit|clean)[^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\s-\s.*(?:remaster|version|edit|mix).*$/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A per-row key function for a column spec, or an Error naming the missing column. */
function keyFunction(table: Table, spec: string): (row: number) => string | null {
  const direct = getColumn(table, spec);
  const parts: Column[] = [];
  if (direct) parts.push(direct);
  else {
    for (const name of spec.split('+')) {
      const col = getColumn(table, name.trim());
      if (!col) throw new Error(`Leakage check: there is no column named "${name.trim()}".`);
      parts.push(col);
    }
  }
  // Cache normalised dictionary entries: a million-row artist column has a few thousand names.
  const caches = parts.map((c) => (c.kind === 'string' ? c.dict.map(normaliseName) : null));
  return (row) => {
    let key = '';
    for (let p = 0; p < parts.length; p++) {
      const col = parts[p]!;
      if (isMissing(col, row)) return null;
      const v = col.kind === 'number' ? String(col.values[row]) : caches[p]![col.codes[row]!]!;
      if (v === '') return null;
      key += (p ? '\u0001' : '') + v;
    }
    return key;
  };
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
 * The columns worth checking for leakage in a table of tracks: the group column if any, id-like
 * columns, the artist column, and artist+title combined (a title alone is not used: many
 * different songs share a title). Shape: column specs for detectLeakage.
 */
export function leakageColumnsFor(table: Table, groupColumn?: string): string[] {
  const names = table.columns.filter((c) => c.kind === 'string').map((c) => c.name);
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s && !out.includes(s)) out.push(s);
  };
  if (groupColumn) add(groupColumn);
  add(names.find((n) => /^(track|song)[ _-]?(id|uri)$|^(id|uri|isrc)$/i.test(n)));
  const artist = names.find((n) => /artist/i.test(n));
  const title = names.find((n) => /^(title|song|track|name|track[ _-]?name|song[ _-]?name)$/i.test(n));
  add(artist);
  if (artist && title) add(`${artist}+${title}`);
  else add(title);
  return out;
}
