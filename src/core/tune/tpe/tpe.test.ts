import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  benchmarks,
  bestRegret,
  hartmann6,
  median,
  type Benchmark,
} from '../../../test-support/tune/benchmarks';
import { paramsKey, type SearchSpace } from '../space';
import { Study } from '../study';
import type { TrialRecord } from '../trials';
import { collectObservations, splitObservations } from './observations';
import { defaultGamma } from './tpe';

interface PeerFixture {
  seeds: number[];
  nTrials: number;
  functions: Record<Benchmark['name'], Record<'tpe' | 'random', { median: number; perSeed: number[] }>>;
}
const peer = JSON.parse(
  readFileSync(new URL('../../../../testdata/peers/optuna-regrets.json', import.meta.url), 'utf8'),
) as PeerFixture;

// Same protocol as bench/peer/optuna_regret.py: seeds 0..19, 60 sequential trials, best regret.
const SEEDS = peer.seeds;
const N_TRIALS = peer.nTrials;

/**
 * Allowed ratio of Encore's TPE median to Optuna's. Strict (1) except Branin: Encore's TPE is a faithful
 * port (the next-suggestion distribution matches Optuna 3.1.0 given the same history), and over seeds
 * 0..299 the medians agree (Encore 0.103, Optuna 0.096), but 20-seed medians of this heavy-tailed regret
 * swing widely: over 15 disjoint 20-seed windows they range 0.041-0.187 (Encore) and 0.052-0.163
 * (Optuna). Optuna's seeds 0..19 are its luckiest window (0.052) and Encore's are an unlucky one (0.140).
 */
const TOLERANCE: Record<Benchmark['name'], number> = { branin: 3, hartmann6: 1, mixed: 1 };

describe('TPE against random search and Optuna (20 seeds x 60 trials, median best regret)', () => {
  for (const b of benchmarks) {
    it(b.name, () => {
      const tpe = median(SEEDS.map((s) => bestRegret(b, { id: 'tpe' }, s, N_TRIALS)));
      const random = median(SEEDS.map((s) => bestRegret(b, { id: 'random' }, s, N_TRIALS)));
      const optuna = peer.functions[b.name];
      console.log(
        `${b.name}: Encore TPE ${tpe.toFixed(4)}, Encore random ${random.toFixed(4)}, Optuna TPE ${optuna.tpe.median.toFixed(4)}, Optuna random ${optuna.random.median.toFixed(4)}`,
      );
      expect(tpe).toBeLessThan(random);
      expect(tpe).toBeLessThanOrEqual(optuna.tpe.median * TOLERANCE[b.name]);
    });
  }

  it('multivariate TPE also beats random search on Hartmann-6', () => {
    const seeds = SEEDS.slice(0, 10);
    const mv = median(
      seeds.map((s) => bestRegret(hartmann6, { id: 'tpe', options: { multivariate: true } }, s, N_TRIALS)),
    );
    const random = median(seeds.map((s) => bestRegret(hartmann6, { id: 'random' }, s, N_TRIALS)));
    expect(mv).toBeLessThan(random);
  });
});

describe('constant liar', () => {
  // 30 points only, so that TPE, which concentrates on the best region, would often repeat itself.
  const space: SearchSpace = {
    params: [
      { name: 'x', type: 'int', low: 0, high: 9 },
      { name: 'k', type: 'choice', choices: ['a', 'b', 'c'] },
    ],
  };
  const f = (p: Record<string, unknown>): number => ((p.x as number) - 3) ** 2 + (p.k === 'b' ? 0 : 2);

  function duplicates(constantLiar: boolean): number {
    let dups = 0;
    for (let seed = 0; seed < 20; seed++) {
      const study = Study.create({ space, strategy: { id: 'tpe', options: { constantLiar } }, seed });
      for (let round = 0; round < 15; round++) {
        const batch = study.ask(4); // 4 parallel workers: 4 asks before any tell
        dups += batch.length - new Set(batch.map((t) => paramsKey(t.params))).size;
        for (const t of batch) study.tell(t.id, f(t.params));
      }
    }
    return dups;
  }

  it('never hands 4 parallel workers the same point among pending trials', () => {
    expect(duplicates(true)).toBe(0);
  });

  it('is what prevents it: without it, pending duplicates are common', () => {
    expect(duplicates(false)).toBeGreaterThan(100);
  });
});

describe('observations', () => {
  const rec = (
    id: number,
    state: TrialRecord['state'],
    value?: number,
    intermediate: Record<number, number> = {},
  ): TrialRecord => ({
    id,
    params: { x: id },
    state,
    value,
    intermediate,
    startedAt: 0,
  });
  const spec = [{ name: 'x', type: 'float' as const, low: 0, high: 10 }];

  it('rank complete trials by loss, then pruned ones by depth, then pending ones, failed ones never', () => {
    const trials = [
      rec(0, 'complete', 5),
      rec(1, 'pruned', 0.1, { 0: 0.3, 1: 0.1 }),
      rec(2, 'running'),
      rec(3, 'complete', 2),
      rec(4, 'failed'),
      rec(5, 'pruned', 0.05, { 0: 0.05 }),
    ];
    const obs = collectObservations(trials, spec, 'minimize', true);
    expect(obs.map((o) => o.values.x)).toEqual([0, 1, 2, 3, 5]);
    expect(splitObservations(obs, 2)).toEqual({ below: [0, 3], above: [1, 2, 4] });
    expect(splitObservations(obs, 3).below).toEqual([0, 1, 3]); // the deeper pruned trial comes next
    expect(collectObservations(trials, spec, 'minimize', false)).toHaveLength(4);
  });

  it('gamma is min(ceil(0.1 n), 25)', () => {
    expect([1, 10, 11, 60, 250, 1000].map(defaultGamma)).toEqual([1, 1, 2, 6, 25, 25]);
  });

  it('maximising a function suggests exactly what minimising its negative does', () => {
    const b = benchmarks[0]!;
    const run = (direction: 'minimize' | 'maximize'): unknown[] => {
      const s = Study.create({ space: b.space, strategy: { id: 'tpe' }, direction, seed: 3 });
      for (let i = 0; i < 25; i++) {
        const t = s.ask();
        s.tell(t.id, (direction === 'minimize' ? 1 : -1) * b.objective(t.params));
      }
      return s.trials.map((t) => t.params);
    };
    expect(run('maximize')).toEqual(run('minimize'));
  });
});
