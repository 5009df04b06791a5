/**
 * Per-group error statistics with bootstrap intervals, and the findings a person should read:
 * the largest gap between groups (flagged when the intervals do not overlap) and groups whose
 * errors lean one way (mean signed error interval excluding 0).
 */
import { type Interval, bootstrapMetrics } from '../evaluate';
import type { Grouping } from './groups';

import type { Task as BiasTask } from '../data/task';
export type { BiasTask };

export interface GroupStat {
  group: string;
  /** Test rows in the group. */
  n: number;
  /** MAE (regression, target units) or accuracy (classification, 0..1), with a bootstrap CI. */
  metric: Interval;
  /** Mean of predicted - actual (regression) or probability - label (classification); > 0 = over-prediction. */
  signedError: Interval;
  /** Classification only: true- and false-positive rates at the threshold. */
  tpr?: Interval;
  fpr?: Interval;
  /** Below minGroupSize: shown, but left out of gaps and findings. */
  small: boolean;
  /**
   * Set when the group's errors lean one way (its signed-error interval excludes 0) and this is
   * not just the whole model's lean (an overall lean in the same direction whose interval overlaps).
   */
  leaning?: 'over' | 'under';
}

export interface GroupGap {
  /** The group with the worse and the better metric, and the absolute difference. */
  worse: string;
  better: string;
  gap: number;
  /** True when the two groups' intervals do not overlap. */
  significant: boolean;
}

export interface BiasReport {
  column: string;
  /** How the column was grouped ("categories (multi-valued)", "decades", ...). */
  grouping: string;
  task: BiasTask;
  metricName: 'MAE' | 'accuracy';
  lowerIsBetter: boolean;
  overall: GroupStat;
  groups: GroupStat[];
  largestGap: GroupGap | null;
  /** Same for the mean signed error (who is under- vs over-predicted). */
  signedErrorGap: GroupGap | null;
  /** Plain-language sentences, most important first. */
  findings: string[];
}

export interface StatOptions {
  task: BiasTask;
  /** Groups smaller than this are marked small (default 10). */
  minGroupSize?: number;
  seed?: number;
  /** Bootstrap resamples per group (default 500). */
  iterations?: number;
  /** Classification: probability at or above which a row is predicted positive (default 0.5). */
  threshold?: number;
}

/** The statistics of one set of (true, predicted) pairs. */
function groupStat(
  group: string,
  t: Float64Array,
  p: Float64Array,
  opts: StatOptions,
  seed: number,
): GroupStat {
  const threshold = opts.threshold ?? 0.5;
  const cls = opts.task === 'classification';
  const fn = (a: Float64Array, b: Float64Array) => {
    let err = 0;
    let signed = 0;
    let tp = 0;
    let pos = 0;
    let fp = 0;
    let neg = 0;
    for (let i = 0; i < a.length; i++) {
      signed += b[i]! - a[i]!;
      if (cls) {
        const y = a[i]! >= 0.5;
        const yhat = b[i]! >= threshold;
        if (y === yhat) err++;
        if (y) {
          pos++;
          if (yhat) tp++;
        } else {
          neg++;
          if (yhat) fp++;
        }
      } else err += Math.abs(b[i]! - a[i]!);
    }
    const n = a.length;
    return { metric: err / n, signedError: signed / n, tpr: pos ? tp / pos : NaN, fpr: neg ? fp / neg : NaN };
  };
  const ci = bootstrapMetrics(t, p, fn, { iterations: opts.iterations ?? 500, seed });
  const stat: GroupStat = {
    group,
    n: t.length,
    metric: ci.metric,
    signedError: ci.signedError,
    small: t.length < (opts.minGroupSize ?? 10),
  };
  if (cls) {
    stat.tpr = ci.tpr;
    stat.fpr = ci.fpr;
  }
  return stat;
}

const overlap = (a: Interval, b: Interval) => !(a.lo > b.hi || b.lo > a.hi);

/** The pair of (non-small) groups furthest apart on a field; null with fewer than two groups. */
function largestGap(
  groups: GroupStat[],
  pick: (g: GroupStat) => Interval,
  worseIsHigher: boolean,
): GroupGap | null {
  const eligible = groups.filter((g) => !g.small && Number.isFinite(pick(g).value));
  if (eligible.length < 2) return null;
  let hi = eligible[0]!;
  let lo = eligible[0]!;
  for (const g of eligible) {
    if (pick(g).value > pick(hi).value) hi = g;
    if (pick(g).value < pick(lo).value) lo = g;
  }
  const [worse, better] = worseIsHigher ? [hi, lo] : [lo, hi];
  return {
    worse: worse.group,
    better: better.group,
    gap: pick(hi).value - pick(lo).value,
    significant: !overlap(pick(hi), pick(lo)),
  };
}

const num = (v: number, pct: boolean) => (pct ? `${(100 * v).toFixed(1)}%` : String(+v.toPrecision(3)));
const show = (i: Interval, pct: boolean) =>
  `${num(i.value, pct)} (95% CI ${num(i.lo, pct)} to ${num(i.hi, pct)})`;

/** Statistics per group (yTrue/yPred aligned with the grouping's rows) and the findings. */
export function analyseGroups(
  column: string,
  grouping: Grouping,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  opts: StatOptions,
): BiasReport {
  if (yTrue.length !== yPred.length || yTrue.length !== grouping.membership.length) {
    throw new Error(
      `Bias analysis needs one truth and one prediction per test row (got ${grouping.membership.length} rows, ${yTrue.length} truths, ${yPred.length} predictions).`,
    );
  }
  const cls = opts.task === 'classification';
  const seed = opts.seed ?? 0;
  const members: number[][] = grouping.labels.map(() => []);
  const all: number[] = [];
  grouping.membership.forEach((gs, i) => {
    if (Number.isNaN(yTrue[i]!) || Number.isNaN(yPred[i]!)) return;
    all.push(i);
    for (const g of gs) members[g]!.push(i);
  });
  const take = (rows: number[]) =>
    [Float64Array.from(rows, (i) => yTrue[i]!), Float64Array.from(rows, (i) => yPred[i]!)] as const;
  const overall = groupStat('All', ...take(all), opts, seed);
  const groups = grouping.labels
    .map((label, g) => ({ label, rows: members[g]! }))
    .filter((x) => x.rows.length > 0)
    // One seed for every group: a group holding the same rows as another gets the same interval.
    .map((x) => groupStat(x.label, ...take(x.rows), opts, seed));
  const gap = largestGap(groups, (g) => g.metric, !cls);
  const signedGap = largestGap(groups, (g) => g.signedError, true);
  const metricName = cls ? 'accuracy' : 'MAE';
  const findings: string[] = [];
  if (gap) {
    const w = groups.find((g) => g.group === gap.worse)!;
    const b = groups.find((g) => g.group === gap.better)!;
    findings.push(
      `Largest ${metricName} gap on "${column}": ${w.group} ${show(w.metric, cls)} vs ${b.group} ${show(b.metric, cls)}; ` +
        (gap.significant
          ? 'the intervals do not overlap.'
          : 'the intervals overlap, so the gap may be chance.'),
    );
  }
  const lean = (i: Interval): 'over' | 'under' | undefined =>
    i.lo > 0 ? 'over' : i.hi < 0 ? 'under' : undefined;
  const describe = (dir: 'over' | 'under', s: Interval) => {
    const [a, b] = dir === 'over' ? [s.lo, s.hi] : [-s.hi, -s.lo];
    const amount = `${num(Math.abs(s.value), cls)} on average (95% CI ${num(a, cls)} to ${num(b, cls)})`;
    return cls
      ? `predicted probabilities run ${dir === 'over' ? 'above' : 'below'} the observed rate by ${amount}`
      : `by ${amount}`;
  };
  const overallLean = lean(overall.signedError);
  if (overallLean) {
    findings.push(
      `Overall the model is ${overallLean}-predicting: ${describe(overallLean, overall.signedError)}.`,
    );
  }
  for (const g of groups) {
    const dir = lean(g.signedError);
    if (g.small || !dir) continue;
    // A group that merely shares the whole model's lean is not singled out.
    if (dir === overallLean && overlap(g.signedError, overall.signedError)) continue;
    g.leaning = dir;
    findings.push(
      `${g.group} (n=${g.n}) is systematically ${dir}-predicted: ${describe(dir, g.signedError)}.`,
    );
  }
  if (groups.length === 1)
    findings.push(`All ${groups[0]!.n} test rows fall in one group: ${groups[0]!.group}.`);
  const small = groups.filter((g) => g.small).length;
  if (small)
    findings.push(
      `${small} group(s) have fewer than ${opts.minGroupSize ?? 10} test rows and are not compared.`,
    );
  return {
    column,
    grouping: grouping.how,
    task: opts.task,
    metricName,
    lowerIsBetter: !cls,
    overall,
    groups,
    largestGap: gap,
    signedErrorGap: signedGap,
    findings,
  };
}
