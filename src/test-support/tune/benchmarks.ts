/**
 * Benchmark functions for the tuner tests, each with its known optimum, so that a search can be scored
 * by its regret (best value found minus the optimum). bench/peer/optuna_regret.py defines the same
 * three functions for Optuna; keep the two in step.
 */
import type { Params, SearchSpace } from '../../core/tune/space';
import type { StrategySpec } from '../../core/tune/strategies';
import { Study } from '../../core/tune/study';

/** A minimisation benchmark. */
export interface Benchmark {
  name: 'branin' | 'hartmann6' | 'mixed';
  space: SearchSpace;
  objective(p: Params): number;
  /** The global minimum of objective over the space. */
  optimum: number;
  /** Where it is reached (one of the minimisers). */
  argmin: Params;
}

const num = (p: Params, k: string): number => p[k] as number;

/** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at (-pi, 12.275), (pi, 2.275), (9.42478, 2.475). */
export const branin: Benchmark = {
  name: 'branin',
  space: {
    params: [
      { name: 'x1', type: 'float', low: -5, high: 10 },
      { name: 'x2', type: 'float', low: 0, high: 15 },
    ],
  },
  objective(p) {
    const x1 = num(p, 'x1');
    const x2 = num(p, 'x2');
    const b = 5.1 / (4 * Math.PI * Math.PI);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
  optimum: 0.39788735772973816,
  argmin: { x1: Math.PI, x2: 2.275 },
};

const H_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));

/** Hartmann 6-D on [0, 1]^6; minimum -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
export const hartmann6: Benchmark = {
  name: 'hartmann6',
  space: {
    params: Array.from({ length: 6 }, (_, j) => ({ name: `x${j}`, type: 'float' as const, low: 0, high: 1 })),
  },
  objective(p) {
    let f = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += H_A[i]![j]! * (num(p, `x${j}`) - H_P[i]![j]!) ** 2;
      f -= H_ALPHA[i]! * Math.exp(-inner);
    }
    return f;
  },
  optimum: -3.3223680114155147,
  argmin: { x0: 0.20169, x1: 0.150011, x2: 0.476874, x3: 0.275332, x4: 0.311652, x5: 0.6573 },
};

const ACTIVATION_PENALTY: Record<string, number> = { relu: 0, tanh: 0.5, sigmoid: 1 };

/**
 * A model-tuning-shaped space with every parameter kind: a categorical, an int, a conditional int with a
 * step (units_3 exists only when layers >= 3), a log-float and a float. Minimum 0 at
 * activation relu, layers 3, units_3 40, lr 10^-2.5, dropout 0.1.
 */
export const mixed: Benchmark = {
  name: 'mixed',
  space: {
    params: [
      { name: 'activation', type: 'choice', choices: ['relu', 'tanh', 'sigmoid'] },
      { name: 'layers', type: 'int', low: 1, high: 4 },
      {
        name: 'units_3',
        type: 'int',
        low: 8,
        high: 128,
        step: 8,
        when: { param: 'layers', op: 'gte', value: 3 },
      },
      { name: 'lr', type: 'logfloat', low: 1e-5, high: 1 },
      { name: 'dropout', type: 'float', low: 0, high: 0.5 },
    ],
  },
  objective(p) {
    const layers = num(p, 'layers');
    const depth =
      layers >= 3 ? ((num(p, 'units_3') - 40) / 20) ** 2 + 0.1 * (layers - 3) : 0.6 + 0.2 * (2 - layers);
    return (
      ACTIVATION_PENALTY[p.activation as string]! +
      depth +
      (Math.log10(num(p, 'lr')) + 2.5) ** 2 +
      4 * (num(p, 'dropout') - 0.1) ** 2
    );
  },
  optimum: 0,
  argmin: { activation: 'relu', layers: 3, units_3: 40, lr: 10 ** -2.5, dropout: 0.1 },
};

/** The three benchmarks in the order the peer fixture lists them. */
export const benchmarks: readonly Benchmark[] = [branin, hartmann6, mixed];

/** Best regret of one seeded study of `nTrials` sequential trials on a benchmark. */
export function bestRegret(b: Benchmark, strategy: StrategySpec, seed: number, nTrials: number): number {
  const study = Study.create({ space: b.space, strategy, seed, now: () => 0 });
  for (let i = 0; i < nTrials; i++) {
    const t = study.ask();
    study.tell(t.id, b.objective(t.params));
  }
  return (study.best()?.value as number) - b.optimum;
}

/** The median of a list of numbers (the mean of the middle two for an even count, as Python's statistics.median). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
