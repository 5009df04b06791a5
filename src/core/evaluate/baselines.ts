/**
 * Baselines trained on the same split as the model, so its metrics have something to beat:
 * the mean (majority rate) predictor, a ridge / logistic linear model, and the best one-feature
 * rule (a decision stump). X is row-major Float32Array [n, nFeatures]; non-finite cells count as 0
 * (X normally arrives imputed and scaled). Rows whose y is NaN are left out of every fit.
 */
import type { Task } from '../data/task';
import { solveSpd } from './linalg';

/** Rows with a finite y. */
function usableRows(y: ArrayLike<number>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!)) rows.push(i);
  return rows;
}

function checkShape(X: Float32Array, nFeatures: number, n: number): void {
  if (!(nFeatures >= 1) || X.length !== n * nFeatures) {
    throw new Error(`X holds ${X.length} numbers, which is not ${n} rows x ${nFeatures} features.`);
  }
}

const cell = (X: Float32Array, i: number): number => {
  const v = X[i]!;
  return Number.isFinite(v) ? v : 0;
};

/**
 * The mean predictor: predicts the training mean for every row (for 0/1 labels, the positive
 * rate, i.e. the majority class at a 0.5 threshold). Returns n => Float32Array [n].
 */
export function meanBaseline(yTrain: ArrayLike<number>): (n: number) => Float32Array {
  const rows = usableRows(yTrain);
  if (rows.length === 0) throw new Error('The mean baseline needs at least one training target value.');
  let s = 0;
  for (const i of rows) s += yTrain[i]!;
  const mean = s / rows.length;
  return (n) => new Float32Array(n).fill(mean);
}

export interface LinearBaseline {
  /** Predictions for X [m, nFeatures]: values (regression) or positive-class probabilities. */
  predict(X: Float32Array): Float32Array;
  weights: Float64Array;
  bias: number;
}

function linearPredictor(weights: Float64Array, bias: number, d: number, logistic: boolean): LinearBaseline {
  return {
    weights,
    bias,
    predict(X: Float32Array) {
      const m = Math.floor(X.length / d);
      const out = new Float32Array(m);
      for (let i = 0; i < m; i++) {
        let z = bias;
        for (let j = 0; j < d; j++) z += weights[j]! * cell(X, i * d + j);
        out[i] = logistic ? 1 / (1 + Math.exp(-z)) : z;
      }
      return out;
    },
  };
}

/** Ridge regression in closed form: minimises sum((y - Xw - b)^2) + ridge * |w|^2 (b unpenalised). */
function fitRidge(
  X: Float32Array,
  d: number,
  y: ArrayLike<number>,
  rows: number[],
  ridge: number,
): LinearBaseline {
  const n = rows.length;
  const mx = new Float64Array(d);
  let my = 0;
  for (const i of rows) {
    my += y[i]!;
    for (let j = 0; j < d; j++) mx[j] = mx[j]! + cell(X, i * d + j);
  }
  my /= n;
  for (let j = 0; j < d; j++) mx[j] = mx[j]! / n;
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const xc = new Float64Array(d);
  for (const i of rows) {
    for (let j = 0; j < d; j++) xc[j] = cell(X, i * d + j) - mx[j]!;
    const yc = y[i]! - my;
    for (let j = 0; j < d; j++) {
      const xj = xc[j]!;
      b[j] = b[j]! + xj * yc;
      for (let k = 0; k <= j; k++) A[j * d + k] = A[j * d + k]! + xj * xc[k]!;
    }
  }
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < j; k++) A[k * d + j] = A[j * d + k]!;
    A[j * d + j] = A[j * d + j]! + ridge;
  }
  const w = solveSpd(A, b, d);
  let bias = my;
  for (let j = 0; j < d; j++) bias -= w[j]! * mx[j]!;
  return linearPredictor(w, bias, d, false);
}

/**
 * L2-penalised logistic regression: minimises -loglik + ridge/2 * |w|^2. Newton (IRLS) steps
 * with step halving when the Hessian is affordable (n*d^2 <= 2e8), else 300 full-batch Adam steps.
 */
function fitLogistic(
  X: Float32Array,
  d: number,
  y: ArrayLike<number>,
  rows: number[],
  ridge: number,
  solver: 'auto' | 'newton' | 'adam',
): LinearBaseline {
  const D = d + 1; // last coordinate is the intercept
  const n = rows.length;
  const lab = rows.map((i) => (y[i]! >= 0.5 ? 1 : 0));
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, lab.reduce<number>((a, v) => a + v, 0) / n));
  const theta = new Float64Array(D);
  theta[d] = Math.log(rate / (1 - rate));
  const x = (r: number, j: number) => (j === d ? 1 : cell(X, rows[r]! * d + j));
  const margin = (th: Float64Array, r: number) => {
    let z = th[d]!;
    for (let j = 0; j < d; j++) z += th[j]! * x(r, j);
    return z;
  };
  const loss = (th: Float64Array) => {
    let l = 0;
    for (let r = 0; r < n; r++) {
      const z = margin(th, r);
      // log(1 + e^z) - y z, computed stably
      l += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - lab[r]! * z;
    }
    for (let j = 0; j < d; j++) l += (ridge / 2) * th[j]! ** 2;
    return l;
  };
  const gradient = (th: Float64Array, H: Float64Array | null) => {
    const g = new Float64Array(D);
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-margin(th, r)));
      const e = lab[r]! - p;
      const w = p * (1 - p);
      for (let j = 0; j < D; j++) {
        const xj = x(r, j);
        g[j] = g[j]! + e * xj;
        if (H) for (let k = 0; k <= j; k++) H[j * D + k] = H[j * D + k]! + w * xj * x(r, k);
      }
    }
    for (let j = 0; j < d; j++) g[j] = g[j]! - ridge * th[j]!;
    return g; // the ascent direction of the penalised log-likelihood
  };
  if (solver === 'newton' || (solver === 'auto' && n * D * D <= 2e8)) {
    let current = loss(theta);
    for (let iter = 0; iter < 50; iter++) {
      const H = new Float64Array(D * D);
      const g = gradient(theta, H);
      for (let j = 0; j < D; j++) {
        for (let k = 0; k < j; k++) H[k * D + j] = H[j * D + k]!;
        H[j * D + j] = H[j * D + j]! + (j < d ? ridge : 1e-9);
      }
      const step = solveSpd(H, g, D);
      let scale = 1;
      let next = theta;
      let nextLoss = Infinity;
      for (let half = 0; half < 30; half++) {
        next = theta.map((v, j) => v + scale * step[j]!);
        nextLoss = loss(next);
        if (nextLoss <= current) break;
        scale /= 2;
      }
      if (!(nextLoss <= current)) break;
      const moved = Math.max(...step.map((v) => Math.abs(v * scale)));
      theta.set(next);
      current = nextLoss;
      if (moved < 1e-8) break;
    }
  } else {
    const m = new Float64Array(D);
    const v = new Float64Array(D);
    for (let t = 1; t <= 300; t++) {
      const g = gradient(theta, null);
      for (let j = 0; j < D; j++) {
        const gj = -g[j]! / n;
        m[j] = 0.9 * m[j]! + 0.1 * gj;
        v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
        theta[j] =
          theta[j]! - (0.05 * (m[j]! / (1 - 0.9 ** t))) / (Math.sqrt(v[j]! / (1 - 0.999 ** t)) + 1e-8);
      }
    }
  }
  return linearPredictor(theta.slice(0, d), theta[d]!, d, true);
}

/**
 * A linear baseline on the model's features: ridge regression in closed form (default ridge 1,
 * on the sum of squared errors) or L2 logistic regression (default ridge 1) for classification,
 * whose predict returns positive-class probabilities. X: [n, nFeatures], y: [n]. `solver` (logistic
 * only) forces Newton or Adam; 'auto' picks Newton when n * (d+1)^2 <= 2e8.
 */
export function fitLinearBaseline(
  X: Float32Array,
  nFeatures: number,
  y: ArrayLike<number>,
  opts: { ridge?: number; task?: Task; solver?: 'auto' | 'newton' | 'adam' } = {},
): LinearBaseline {
  checkShape(X, nFeatures, y.length);
  const rows = usableRows(y);
  if (rows.length < 2) throw new Error('The linear baseline needs at least two training rows with a target.');
  const ridge = opts.ridge ?? 1;
  if (!(ridge >= 0)) throw new Error(`The ridge penalty must be 0 or more (got ${ridge}).`);
  return opts.task === 'classification'
    ? fitLogistic(X, nFeatures, y, rows, ridge, opts.solver ?? 'auto')
    : fitRidge(X, nFeatures, y, rows, ridge);
}
