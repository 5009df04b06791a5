import { describe, expect, it } from 'vitest';
import { mixed } from '../../test-support/tune/benchmarks';
import type { StrategySpec } from './strategies';
import { Study, type StudyState } from './study';
import type { Trial } from './trials';

/** Run `rounds` rounds of 3 parallel asks, with a pruned and a failed trial along the way. */
function drive(study: Study, rounds: number): void {
  for (let r = 0; r < rounds; r++) {
    const batch = study.ask(3);
    batch.forEach((t, i) => {
      study.report(t.id, 0, mixed.objective(t.params) + 1);
      if (i === 2) return; // the third trial of each round stays pending until the next round
      if (t.id % 7 === 3) study.tell(t.id, 'pruned');
      else if (t.id % 11 === 5) study.tell(t.id, 'failed');
      else study.tell(t.id, mixed.objective(t.params));
    });
    for (const p of study.pendingTrials())
      if (p.id < batch[0]!.id) study.tell(p.id, mixed.objective(p.params));
  }
  expect(study.trials.map((t) => t.state)).toEqual(
    expect.arrayContaining(['pruned', 'failed', 'running', 'complete']),
  );
}

const strategies: StrategySpec[] = [
  { id: 'tpe' },
  { id: 'tpe', options: { multivariate: true } },
  { id: 'random' },
  { id: 'grid', options: { points: 2 } },
];

describe('study save and resume', () => {
  for (const strategy of strategies) {
    it(`${strategy.id}${strategy.options ? ' ' + JSON.stringify(strategy.options) : ''}: resumes with the same next suggestions`, () => {
      const a = Study.create({ space: mixed.space, strategy, seed: 7, now: () => 1_700_000_000_000 });
      drive(a, 6); // 18 trials: past TPE's 10 startup trials, with one pending
      const saved = JSON.parse(JSON.stringify(a.toJSON())) as StudyState; // a reload: text and back
      expect(saved.trials.some((t) => t.state === 'running')).toBe(true);
      const b = Study.fromJSON(saved);
      expect(b.trials).toEqual(a.trials);
      const next = (s: Study): Trial[] => s.ask(4);
      const fromA = next(a);
      const fromB = next(b);
      expect(fromB).toEqual(fromA);
      // New trials continue the numbering: no finished trial is handed out again.
      expect(fromB.map((t) => t.id)).toEqual([18, 19, 20, 21]);
    });
  }

  it('keeps NaN and Infinity intermediate values through JSON', () => {
    const s = Study.create({ space: mixed.space, strategy: { id: 'random' } });
    const t = s.ask();
    s.report(t.id, 0, NaN);
    s.report(t.id, 1, Infinity);
    const back = Study.fromJSON(JSON.parse(JSON.stringify(s.toJSON())) as StudyState);
    expect(back.trials[0]!.intermediate).toEqual({ 0: NaN, 1: Infinity });
  });

  it('records pruned values as the last intermediate value, fails non-finite results, refuses a second tell', () => {
    const s = Study.create({ space: mixed.space, strategy: { id: 'random' }, direction: 'maximize' });
    const [a, b, c] = s.ask(3);
    s.tell(a!.id, 'pruned', { 0: 0.4, 2: 0.6 });
    s.tell(b!.id, NaN);
    s.tell(c!.id, 0.9);
    expect(s.trials.map((t) => [t.state, t.value])).toEqual([
      ['pruned', 0.6],
      ['failed', undefined],
      ['complete', 0.9],
    ]);
    expect(s.trials[1]!.error).toBe('The objective was NaN.');
    expect(s.best()?.id).toBe(c!.id);
    expect(() => s.tell(c!.id, 1)).toThrow('Trial 2 is already complete; it cannot be told again.');
    expect(() => s.tell(9, 1)).toThrow('has no trial 9');
  });
});
