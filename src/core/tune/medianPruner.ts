/**
 * The median pruner, as Optuna's MedianPruner (PercentilePruner at 50): stop a trial at a step when its
 * best intermediate value so far is worse than the median of the completed trials' values at that step.
 * Pruning waits for n_startup_trials completed trials and for the trial to reach n_warmup_steps, checks
 * every interval_steps, and needs n_min_trials values at the step.
 */
import { intermediateSteps, type Direction, type TrialRecord } from './trials';

/** Pruner settings; defaults are Optuna's. */
export interface MedianPrunerOptions {
  /** No pruning until this many trials have completed. Default 5. */
  nStartupTrials?: number;
  /** No pruning before this step (steps start at 0). Default 0. */
  nWarmupSteps?: number;
  /** Check every this many steps after the warm-up. Default 1. */
  intervalSteps?: number;
  /** At least this many completed trials must have a value at the step. Default 1. */
  nMinTrials?: number;
  /** 50 for the median; PercentilePruner's percentile otherwise. */
  percentile?: number;
}

/** numpy.nanpercentile with linear interpolation; NaN when no value is a number. */
export function nanPercentile(values: readonly number[], q: number): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = (q / 100) * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (v[lo] as number) + ((v[hi] as number) - (v[lo] as number)) * (pos - lo);
}

/** Optuna's _is_first_in_interval_step: is `step` the first reported step of its checking interval? */
function firstInInterval(step: number, steps: readonly number[], warmup: number, interval: number): boolean {
  const nearestLower = Math.floor((step - warmup) / interval) * interval + warmup;
  const secondLast = steps.reduce((m, s) => (s > m && s !== step ? s : m), -1);
  return secondLast < nearestLower;
}

/**
 * Whether the pending trial `trial` should stop now, at its last reported step, given the study's trials.
 * Optuna compares the trial's best value over its steps so far (not only the last one); a NaN best prunes.
 */
export function shouldPrune(
  trial: Pick<TrialRecord, 'intermediate'>,
  trials: readonly Pick<TrialRecord, 'state' | 'intermediate'>[],
  direction: Direction = 'minimize',
  options: MedianPrunerOptions = {},
): boolean {
  const nStartup = options.nStartupTrials ?? 5;
  const warmup = options.nWarmupSteps ?? 0;
  const interval = options.intervalSteps ?? 1;
  const nMin = options.nMinTrials ?? 1;
  let percentile = options.percentile ?? 50;
  const completed = trials.filter((t) => t.state === 'complete');
  if (completed.length === 0 || completed.length < nStartup) return false;
  const steps = intermediateSteps(trial);
  const step = steps[steps.length - 1];
  if (step === undefined || step < warmup) return false;
  if (!firstInInterval(step, steps, warmup, interval)) return false;
  const own = steps.map((s) => trial.intermediate[s] as number).filter((x) => !Number.isNaN(x));
  if (own.length === 0) return true;
  const best = direction === 'maximize' ? Math.max(...own) : Math.min(...own);
  const atStep = completed.map((t) => t.intermediate[step]).filter((x): x is number => x !== undefined);
  if (atStep.length < nMin) return false;
  if (direction === 'maximize') percentile = 100 - percentile;
  const p = nanPercentile(atStep, percentile);
  if (Number.isNaN(p)) return false;
  return direction === 'maximize' ? best < p : best > p;
}
