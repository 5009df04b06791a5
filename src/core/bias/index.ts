/**
 * Bias analysis: who does the model get wrong? Error per group of a categorical column, a binned
 * numeric column, or by artist familiarity (artists seen in training vs new ones), each with
 * bootstrap intervals, the mean signed error, TPR/FPR for classifiers, and the largest gap.
 */
import { type Table, getColumn } from '../data/table';
import { normaliseName } from '../split';
import { type GroupingOptions, MISSING, fromRowLabels, groupRows } from './groups';
import { type BiasReport, type StatOptions, analyseGroups } from './stats';

export type { BiasReport, GroupStat, GroupGap, BiasTask, StatOptions } from './stats';
export type { Grouping, GroupingOptions } from './groups';
export { groupRows, fromRowLabels, MISSING } from './groups';
export { analyseGroups } from './stats';

export interface BiasOptions extends StatOptions, GroupingOptions {}

/**
 * Error by group of one column over the test rows. yTrue and yPred are aligned with testRows
 * (yPred holds probabilities for classification). Categories: one group per value (a
 * multi-valued "pop, R&B" counts in both); numbers: decades for a year column, each value when
 * there are at most 12, else `bins` equal-count bands (default 4); `bins` may also be explicit
 * inner edges or 'decade'. Deterministic for a seed.
 */
export function biasByColumn(
  table: Table,
  testRows: ArrayLike<number>,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  column: string,
  opts: BiasOptions,
): BiasReport {
  const grouping = groupRows(table, column, testRows, opts);
  return analyseGroups(column, grouping, yTrue, yPred, opts);
}

export interface FamiliarityReport {
  /** Two groups: "known artist" (has training tracks) and "unseen artist". */
  knownVsUnseen: BiasReport;
  /** Groups by the artist's number of training tracks: 0, 1, 2–4, 5–9, 10+. */
  byTrainingTracks: BiasReport;
}

const BUCKETS: [number, string][] = [
  [10, '10+ training tracks'],
  [5, '5–9 training tracks'],
  [2, '2–4 training tracks'],
  [1, '1 training track'],
  [0, '0 training tracks'],
];

/**
 * Error for artists the model has seen in training vs new artists, and by how many training
 * tracks an artist has. Artist names are matched after normalisation (case, accents,
 * punctuation). yTrue / yPred are aligned with testRows. Deterministic for a seed.
 */
export function biasByArtistFamiliarity(
  table: Table,
  trainRows: ArrayLike<number>,
  testRows: ArrayLike<number>,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  artistColumn: string,
  opts: StatOptions = { task: 'regression' },
): FamiliarityReport {
  const col = getColumn(table, artistColumn);
  if (!col) throw new Error(`Bias analysis: there is no column named "${artistColumn}".`);
  const keyOf = (r: number): string | null => {
    if (col.kind === 'number') return Number.isNaN(col.values[r]!) ? null : String(col.values[r]);
    const c = col.codes[r]!;
    const k = c < 0 ? '' : normaliseName(col.dict[c]!);
    return k === '' ? null : k;
  };
  const trainCount = new Map<string, number>();
  for (let i = 0; i < trainRows.length; i++) {
    const k = keyOf(trainRows[i]!);
    if (k !== null) trainCount.set(k, (trainCount.get(k) ?? 0) + 1);
  }
  const counts = Array.from(testRows, (r) => {
    const k = keyOf(r);
    return k === null ? -1 : (trainCount.get(k) ?? 0);
  });
  const known = counts.map((c) => [c < 0 ? MISSING : c > 0 ? 'known artist' : 'unseen artist']);
  const bucket = counts.map((c) => [c < 0 ? MISSING : BUCKETS.find(([min]) => c >= min)![1]]);
  const knownGrouping = fromRowLabels(known, 'known vs unseen artists');
  knownGrouping.labels.sort((a, b) => order(a) - order(b));
  const relabel = (g: typeof knownGrouping, labels: string[][]) => {
    const index = new Map(g.labels.map((l, i) => [l, i]));
    return { ...g, membership: labels.map((ls) => ls.map((l) => index.get(l)!)) };
  };
  const bucketGrouping = fromRowLabels(bucket, 'artists by training tracks');
  bucketGrouping.labels.sort((a, b) => order(a) - order(b));
  return {
    knownVsUnseen: analyseGroups(artistColumn, relabel(knownGrouping, known), yTrue, yPred, opts),
    byTrainingTracks: analyseGroups(artistColumn, relabel(bucketGrouping, bucket), yTrue, yPred, opts),
  };
}

/** Display order: known before unseen, fewer training tracks first, missing last. */
function order(label: string): number {
  if (label === 'known artist') return 0;
  if (label === 'unseen artist') return 1;
  if (label === MISSING) return 99;
  return Number(/^\d+/.exec(label)?.[0] ?? 50);
}
