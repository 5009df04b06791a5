/**
 * The two losses, as scikit-learn's _loss module defines them: half squared error (regression) and
 * half binomial / log loss on a raw log-odds score (binary classification). Gradients and hessians
 * are stored as float32 (scikit-learn's G_H_DTYPE); raw scores and sums stay float64.
 */
import type { Task } from '../data/task';

/** A loss on raw scores. */
export interface GbtLoss {
  /** Hessians are all 1 (squared error): histograms then count rows instead of summing hessians. */
  constantHessian: boolean;
  /** The best constant raw score for y [n] (the intercept). */
  baseline(y: Float32Array): number;
  /** Fill grad [n] and (unless constant) hess [n] at raw scores raw [n]. */
  gradients(y: Float32Array, raw: Float64Array, grad: Float32Array, hess: Float32Array): void;
  /** Mean loss over the rows. */
  mean(y: Float32Array, raw: Float64Array): number;
  /** Raw score to prediction: identity, or the sigmoid (a probability). */
  link(raw: number): number;
}

const squaredError: GbtLoss = {
  constantHessian: true,
  baseline(y) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i]!;
    return s / y.length;
  },
  gradients(y, raw, grad) {
    for (let i = 0; i < y.length; i++) grad[i] = raw[i]! - y[i]!;
  },
  mean(y, raw) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += 0.5 * (raw[i]! - y[i]!) ** 2;
    return s / y.length;
  },
  link: (raw) => raw,
};

/** Sigmoid without overflow. */
export function expit(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const EPS = 2.220446049250313e-16;

/** log(1 + e^x) with scikit-learn's branches. */
function log1pexp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= -2) return Math.log1p(Math.exp(x));
  if (x <= 18) return Math.log(1 + Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

const binomial: GbtLoss = {
  constantHessian: false,
  baseline(y) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i]!;
    const p = Math.min(1 - EPS, Math.max(EPS, s / y.length));
    return Math.log(p / (1 - p));
  },
  // scikit-learn's cgrad_hess_half_binomial: e = exp(-z), g = ((1 - y) - y e) / (1 + e), h = e / (1 + e)^2.
  gradients(y, raw, grad, hess) {
    for (let i = 0; i < y.length; i++) {
      const z = raw[i]!;
      const t = y[i]!;
      const e = Math.exp(-z);
      if (Number.isFinite(e)) {
        grad[i] = (1 - t - t * e) / (1 + e);
        hess[i] = e / (1 + e) ** 2;
      } else {
        grad[i] = -t; // z below about -709: p = 0
        hess[i] = 0;
      }
    }
  },
  // scikit-learn's closs_half_binomial: log1pexp(z) - y z, log1pexp piecewise for accuracy.
  mean(y, raw) {
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const z = raw[i]!;
      s += log1pexp(z) - y[i]! * z;
    }
    return s / y.length;
  },
  link: expit,
};

/** The loss for a task: squared error for regression, log loss for (binary) classification. */
export function lossFor(task: Task): GbtLoss {
  return task === 'classification' ? binomial : squaredError;
}
