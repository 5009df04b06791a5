import { describe, expect, it } from 'vitest';
import { nanPercentile, shouldPrune } from './medianPruner';
import type { TrialRecord } from './trials';

const done = (...values: number[]): Pick<TrialRecord, 'state' | 'intermediate'> => ({
  state: 'complete',
  intermediate: Object.fromEntries(values.map((v, step) => [step, v])),
});
const running = (...values: number[]): Pick<TrialRecord, 'intermediate'> => ({
  intermediate: Object.fromEntries(values.map((v, step) => [step, v])),
});
// Five completed trials; at step 1 their values are 1..5, so the median is 3.
const five = [done(9, 1), done(9, 2), done(9, 3), done(9, 4), done(9, 5)];

describe('median pruner', () => {
  it('prunes when the best value so far is worse than the median at the step', () => {
    expect(shouldPrune(running(9, 3.5), five)).toBe(true);
    expect(shouldPrune(running(9, 2.5), five)).toBe(false);
    expect(shouldPrune(running(9, 3), five)).toBe(false); // equal to the median is not worse
    // Optuna compares the best over the steps so far: an earlier 2.0 keeps it alive.
    expect(shouldPrune(running(2, 3.5), five)).toBe(false);
  });

  it('waits for n_startup_trials completed trials (default 5)', () => {
    expect(shouldPrune(running(9, 100), five.slice(0, 4))).toBe(false);
    expect(shouldPrune(running(9, 100), five.slice(0, 2), 'minimize', { nStartupTrials: 2 })).toBe(true);
    // Pending and pruned trials do not count as completed.
    const others = [...five.slice(0, 4), { state: 'pruned' as const, intermediate: { 1: 0 } }];
    expect(shouldPrune(running(9, 100), others)).toBe(false);
  });

  it('waits for n_warmup_steps and checks every interval_steps', () => {
    expect(shouldPrune(running(9, 100), five, 'minimize', { nWarmupSteps: 2 })).toBe(false);
    const long = [0, 1, 2, 3, 4].map(() => done(1, 1, 1, 1, 1));
    // Warm-up 1, interval 2: checks at steps 1, 3, 5, ...
    const opts = { nWarmupSteps: 1, intervalSteps: 2 };
    expect(shouldPrune(running(5, 5, 5), long, 'minimize', opts)).toBe(false); // step 2 is between checks
    expect(shouldPrune(running(5, 5, 5, 5), long, 'minimize', opts)).toBe(true); // step 3
    // A check postponed because nothing was reported at step 3 happens at the next report (step 4).
    expect(shouldPrune({ intermediate: { 0: 5, 1: 5, 2: 5, 4: 5 } }, long, 'minimize', opts)).toBe(true);
  });

  it('maximises, needs n_min_trials values at the step, prunes an all-NaN trial', () => {
    expect(shouldPrune(running(0, 2.5), five, 'maximize')).toBe(true);
    expect(shouldPrune(running(0, 3.5), five, 'maximize')).toBe(false);
    expect(shouldPrune(running(9, 9, 9, 100), five)).toBe(false); // nobody reported step 3
    expect(shouldPrune(running(9, 100), five, 'minimize', { nMinTrials: 6 })).toBe(false);
    expect(shouldPrune(running(NaN, NaN), five)).toBe(true);
  });

  it('computes percentiles like numpy.nanpercentile (linear)', () => {
    expect(nanPercentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(nanPercentile([4, NaN, 1, 2, 3], 25)).toBe(1.75);
    expect(nanPercentile([NaN], 50)).toBeNaN();
  });
});
