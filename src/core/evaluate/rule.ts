/**
 * The best simple rule on one feature: a decision stump "if feature <= t then a else b", chosen
 * over every feature and cut to minimise squared error (for 0/1 labels that is the Brier score,
 * and a, b are positive rates, i.e. probabilities).
 */
import type { Task } from '../data/task';

export interface SingleFeatureRule {
  feature: string;
  /** E.g. "if energy <= 0.62 then 68.1 else 61.4" or "if genre=pop is 1 then P(hit) = 40% else 12%". */
  description: string;
  /** Predictions for X [m, nFeatures] (values, or probabilities for classification). */
  predict(X: Float32Array): Float32Array;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(+v.toPrecision(4));

/**
 * Fit the best stump. X: row-major [n, nFeatures] (non-finite cells count as 0); y: [n] (NaN rows
 * skipped); each side keeps at least 5% of the rows so the rule is not fitted to a handful.
 * Without any useful cut (constant features) the rule predicts the mean of y.
 */
export function bestSingleFeatureRule(
  X: Float32Array,
  nFeatures: number,
  y: ArrayLike<number>,
  featureNames: string[],
  task: Task,
): SingleFeatureRule {
  const d = nFeatures;
  if (featureNames.length !== d)
    throw new Error(`There are ${featureNames.length} feature names for ${d} features.`);
  if (X.length !== y.length * d)
    throw new Error(`X holds ${X.length} numbers, which is not ${y.length} rows x ${d} features.`);
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!)) rows.push(i);
  const n = rows.length;
  if (n === 0) throw new Error('The single-feature rule needs training rows with a target.');
  const yv = Float64Array.from(rows, (i) => (task === 'classification' ? (y[i]! >= 0.5 ? 1 : 0) : y[i]!));
  let total = 0;
  let total2 = 0;
  for (const v of yv) {
    total += v;
    total2 += v * v;
  }
  const minLeaf = Math.max(1, Math.round(0.05 * n));
  let best = { sse: total2 - (total * total) / n, feature: -1, cut: 0, left: total / n, right: total / n };
  const xs = new Float64Array(n);
  const order = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let r = 0; r < n; r++) {
      const v = X[rows[r]! * d + j]!;
      xs[r] = Number.isFinite(v) ? v : 0;
      order[r] = r;
    }
    order.sort((a, b) => xs[a]! - xs[b]!);
    let sL = 0;
    let s2L = 0;
    for (let k = 0; k < n - 1; k++) {
      const v = yv[order[k]!]!;
      sL += v;
      s2L += v * v;
      const nL = k + 1;
      const nR = n - nL;
      const here = xs[order[k]!]!;
      const next = xs[order[k + 1]!]!;
      if (here === next || nL < minLeaf || nR < minLeaf) continue;
      const sR = total - sL;
      const sse = s2L - (sL * sL) / nL + (total2 - s2L) - (sR * sR) / nR;
      if (sse < best.sse - 1e-12 * Math.abs(best.sse)) {
        best = { sse, feature: j, cut: (here + next) / 2, left: sL / nL, right: sR / nR };
      }
    }
  }
  const { feature, cut, left, right } = best;
  const show = (v: number) => (task === 'classification' ? `${fmt(100 * v)}%` : fmt(v));
  let description: string;
  let name: string;
  if (feature < 0) {
    name = '(none)';
    description = `no feature helps: predict the training mean, ${show(left)}`;
  } else {
    name = featureNames[feature]!;
    const binary = isBinary(X, d, feature, rows);
    const what = task === 'classification' ? 'P(positive) = ' : '';
    description = binary
      ? `if ${name} is 1 then ${what}${show(right)} else ${show(left)}`
      : `if ${name} <= ${fmt(cut)} then ${what}${show(left)} else ${show(right)}`;
  }
  return {
    feature: name,
    description,
    predict(Xn: Float32Array) {
      const m = Math.floor(Xn.length / d);
      const out = new Float32Array(m);
      for (let i = 0; i < m; i++) {
        if (feature < 0) {
          out[i] = left;
          continue;
        }
        const raw = Xn[i * d + feature]!;
        out[i] = (Number.isFinite(raw) ? raw : 0) <= cut ? left : right;
      }
      return out;
    },
  };
}

function isBinary(X: Float32Array, d: number, j: number, rows: number[]): boolean {
  for (const r of rows) {
    const v = X[r * d + j]!;
    if (v !== 0 && v !== 1) return false;
  }
  return true;
}
