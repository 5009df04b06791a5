import { describe, expect, it } from 'vitest';
import { AshaScheduler } from './asha';

describe('ASHA', () => {
  it('builds rungs minResource * eta^k up to maxResource', () => {
    expect(new AshaScheduler({ minResource: 1, maxResource: 27 }).resources).toEqual([1, 3, 9, 27]);
    expect(new AshaScheduler({ minResource: 1, maxResource: 20 }).resources).toEqual([1, 3, 9]);
    expect(new AshaScheduler({ minResource: 2, maxResource: 8, reductionFactor: 2 }).resources).toEqual([
      2, 4, 8,
    ]);
  });

  it('promotes a trial only once it is in the top 1/eta of the completed results of its rung', () => {
    const asha = new AshaScheduler({ minResource: 1, maxResource: 9 });
    // Two results at rung 0: floor(2 / 3) = 0, nobody is promotable yet.
    asha.report(0, 0, 0.5);
    asha.report(1, 0, 0.2);
    expect(asha.next()).toEqual({ kind: 'start', rung: 0, resource: 1 });
    // A third: the top 1 of 3 (trial 1, loss 0.2) goes up.
    asha.report(2, 0, 0.9);
    expect(asha.promotable(0)).toEqual([1]);
    expect(asha.next()).toEqual({ kind: 'promote', trialId: 1, rung: 1, resource: 3 });
    // Promotion is recorded at once: a second free worker starts a new trial instead.
    expect(asha.next()).toEqual({ kind: 'start', rung: 0, resource: 1 });
    // Asynchronous: later arrivals can promote earlier trials that were not top before.
    asha.report(3, 0, 0.1);
    asha.report(4, 0, 0.3);
    asha.report(5, 0, 0.8);
    // 6 results -> top 2 = trials 3 (0.1) and 1 (0.2, already promoted).
    expect(asha.promotable(0)).toEqual([3]);
    expect(asha.next()).toMatchObject({ kind: 'promote', trialId: 3, rung: 1 });
  });

  it('prefers promotions from higher rungs, never promotes from the top rung, and honours maximise', () => {
    const asha = new AshaScheduler({ minResource: 1, maxResource: 9, direction: 'maximize' });
    for (const [id, v] of [
      [0, 0.1],
      [1, 0.7],
      [2, 0.4],
      [3, 0.9],
      [4, 0.2],
      [5, 0.3],
    ] as const)
      asha.report(id, 0, v);
    expect(asha.promotable(0)).toEqual([3, 1]); // maximise: the top 2 of 6 are 0.9 and 0.7
    expect(asha.next()).toMatchObject({ trialId: 3, rung: 1 });
    expect(asha.next()).toMatchObject({ trialId: 1, rung: 1 });
    asha.report(3, 1, 0.95);
    asha.report(1, 1, 0.75);
    expect(() => asha.report(2, 1, 0.5)).toThrow('Trial 2 was not promoted to rung 1.');
    asha.next(); // rung 0 has nothing left: starts a new trial (id 6)
    asha.report(6, 0, 0.99);
    // Rung 1 has 2 results (floor(2/3) = 0); rung 0 now has 7 (top 2 = 6 and 3; 3 is promoted).
    expect(asha.next()).toMatchObject({ kind: 'promote', trialId: 6, rung: 1 });
    asha.report(6, 1, 0.97);
    // Rung 1: 3 results, top 1 = trial 6 -> rung 2 (the top rung) before anything from rung 0.
    expect(asha.next()).toEqual({ kind: 'promote', trialId: 6, rung: 2, resource: 9 });
    asha.report(6, 2, 0.98);
    expect(asha.isFinal(2)).toBe(true);
    expect(asha.promotable(2)).toEqual([]);
    expect(asha.latest(6)).toEqual({ rung: 2, value: 0.98 });
  });

  it('ignores failures when ranking and survives JSON', () => {
    const asha = new AshaScheduler({ minResource: 1, maxResource: 3 });
    asha.report(0, 0, 'failed');
    asha.report(1, 0, 0.3);
    asha.report(2, 0, 0.2);
    expect(asha.promotable(0)).toEqual([]); // 2 completed results: floor(2/3) = 0
    const back = AshaScheduler.fromJSON(JSON.parse(JSON.stringify(asha.toJSON())));
    back.report(3, 0, 0.5);
    expect(back.next()).toEqual({ kind: 'promote', trialId: 2, rung: 1, resource: 3 });
    expect(() => back.report(3, 0, 0.1)).toThrow('already reported');
  });
});
