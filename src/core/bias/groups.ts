/**
 * Which group(s) each test row belongs to, for a column: categories (a multi-valued genre such
 * as "pop, R&B" puts the row in each genre), decades of a year or date, bands of a number, or
 * each value of a number with few distinct values (key, mode, explicit).
 */
import { type Column, getColumn } from '../data/table';
import type { Table } from '../data/table';
import { parseTime } from '../split';

export const MISSING = '(missing)';

export interface GroupingOptions {
  /** Number: that many equal-count bands; array: explicit inner edges; 'decade': 1990s, 2000s... */
  bins?: number | number[] | 'decade';
  /** Split values on ",", ";" or "|" and count the row in each part (default: detected). */
  multiValued?: boolean;
  /** Groups beyond this many (by size) are pooled into "Other" (default 30). */
  maxGroups?: number;
}

export interface Grouping {
  /** Group labels in display order. */
  labels: string[];
  /** For each test row, the indices into labels it belongs to (usually one). */
  membership: number[][];
  /** How the column was grouped, e.g. "decades", "4 equal-count bands", "categories (multi-valued)". */
  how: string;
}

const fmt = (v: number) => String(+v.toPrecision(3));
const YEARISH = /^\d{4}([-/.]\d{1,2}){0,2}/;

/** Labels per row for a string column. */
function stringLabels(col: Column & { kind: 'string' }, rows: ArrayLike<number>, opts: GroupingOptions) {
  const present = Array.from(rows).filter((r) => col.codes[r]! >= 0);
  const dateLike = present.filter((r) => YEARISH.test(col.dict[col.codes[r]!]!)).length;
  if (
    opts.bins === 'decade' ||
    (opts.bins === undefined && present.length > 0 && dateLike >= 0.9 * present.length)
  ) {
    const years = Array.from(rows, (r) => {
      const c = col.codes[r]!;
      const t = c < 0 ? NaN : parseTime(col.dict[c]!);
      return Number.isNaN(t) ? NaN : new Date(t).getUTCFullYear();
    });
    return {
      labels: years.map((y) => [Number.isNaN(y) ? MISSING : `${Math.floor(y / 10) * 10}s`]),
      how: 'decades',
    };
  }
  const multi =
    opts.multiValued ??
    present.filter((r) => /[,;|]/.test(col.dict[col.codes[r]!]!)).length >= 0.05 * present.length;
  const labels = Array.from(rows, (r) => {
    const c = col.codes[r]!;
    if (c < 0) return [MISSING];
    const v = col.dict[c]!;
    const parts = multi
      ? v
          .split(/[,;|]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [v.trim()];
    return parts.length ? [...new Set(parts)] : [MISSING];
  });
  return { labels, how: multi ? 'categories (multi-valued)' : 'categories' };
}

/** Labels per row for a number column. */
function numberLabels(
  col: Column & { kind: 'number' },
  rows: ArrayLike<number>,
  opts: GroupingOptions,
  name: string,
) {
  const vals = Array.from(rows, (r) => col.values[r]!);
  const present = vals.filter((v) => !Number.isNaN(v));
  const yearLike = present.length > 0 && present.every((v) => Number.isInteger(v) && v >= 1000 && v <= 2999);
  if (opts.bins === 'decade' || (opts.bins === undefined && yearLike && /year|date|release/i.test(name))) {
    return {
      labels: vals.map((v) => [Number.isNaN(v) ? MISSING : `${Math.floor(v / 10) * 10}s`]),
      how: 'decades',
    };
  }
  const distinct = [...new Set(present)].sort((a, b) => a - b);
  if (opts.bins === undefined && distinct.length <= 12) {
    return { labels: vals.map((v) => [Number.isNaN(v) ? MISSING : String(v)]), how: 'values' };
  }
  let edges: number[];
  if (Array.isArray(opts.bins)) edges = [...opts.bins].sort((a, b) => a - b);
  else {
    const k = Math.max(2, Math.floor(typeof opts.bins === 'number' ? opts.bins : 4));
    const sorted = [...present].sort((a, b) => a - b);
    edges = [];
    for (let b = 1; b < k; b++) {
      const e = sorted[Math.floor((b * sorted.length) / k)];
      if (e !== undefined && e !== edges[edges.length - 1] && e > sorted[0]!) edges.push(e);
    }
  }
  const lo = distinct[0] ?? 0;
  const hi = distinct[distinct.length - 1] ?? 0;
  const bounds = [Math.min(lo, edges[0] ?? lo), ...edges, Math.max(hi, edges[edges.length - 1] ?? hi)];
  const bandLabels = edges.length
    ? bounds
        .slice(0, -1)
        .map((b, i) =>
          i === edges.length
            ? `≥ ${fmt(b)}`
            : i === 0
              ? `< ${fmt(bounds[1]!)}`
              : `${fmt(b)}–${fmt(bounds[i + 1]!)}`,
        )
    : [`${fmt(lo)}–${fmt(hi)}`];
  const labels = vals.map((v) => {
    if (Number.isNaN(v)) return [MISSING];
    let b = 0;
    while (b < edges.length && v >= edges[b]!) b++;
    return [bandLabels[b]!];
  });
  return { labels, how: Array.isArray(opts.bins) ? 'bands' : `${bandLabels.length} equal-count bands` };
}

/** Natural order for labels: decades and bands by their number, categories by size (largest first). */
function orderLabels(labels: string[], counts: Map<string, number>, how: string): string[] {
  if (how === 'categories' || how === 'categories (multi-valued)') {
    return labels.sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  }
  const num = (s: string) => {
    const m = /-?\d+(\.\d+)?(e-?\d+)?/.exec(s);
    return s.startsWith('<') ? -Infinity : m ? Number(m[0]) : Infinity;
  };
  return labels.sort((a, b) => num(a) - num(b));
}

/** Group the test rows by a column. Throws when the column is not in the table. */
export function groupRows(
  table: Table,
  column: string,
  testRows: ArrayLike<number>,
  opts: GroupingOptions = {},
): Grouping {
  const col = getColumn(table, column);
  if (!col) throw new Error(`Bias analysis: there is no column named "${column}".`);
  const { labels: rowLabels, how } =
    col.kind === 'string' ? stringLabels(col, testRows, opts) : numberLabels(col, testRows, opts, column);
  return fromRowLabels(rowLabels, how, opts.maxGroups ?? 30);
}

/** Build a Grouping from per-row label lists, pooling the smallest groups past maxGroups into "Other". */
export function fromRowLabels(rowLabels: string[][], how: string, maxGroups = 30): Grouping {
  const counts = new Map<string, number>();
  for (const ls of rowLabels) for (const l of ls) counts.set(l, (counts.get(l) ?? 0) + 1);
  let keep = [...counts.keys()];
  let pooled = false;
  if (keep.length > maxGroups) {
    keep = keep.sort((a, b) => counts.get(b)! - counts.get(a)!).slice(0, Math.max(1, maxGroups - 1));
    pooled = true;
  }
  const labels = orderLabels(keep, counts, how);
  if (pooled) labels.push('Other');
  const index = new Map(labels.map((l, i) => [l, i]));
  const membership = rowLabels.map((ls) => [...new Set(ls.map((l) => index.get(l) ?? index.get('Other')!))]);
  return { labels, membership, how };
}
