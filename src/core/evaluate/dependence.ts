/**
 * Partial dependence: the model's average prediction as one feature is set to each value of a
 * grid for every (sampled) row, other features left as they are.
 */
import { mulberry32, permutation } from '../random';
import { quantileSorted } from './bootstrap';
import type { FeatureGroup, PredictFn } from './importance';

export interface PartialDependence {
  feature: string;
  /** 'numeric': one encoded column swept over a grid; 'categorical': one one-hot column set per level. */
  kind: 'numeric' | 'categorical';
  /** Grid values in X's units (numeric), or level labels (categorical). */
  x: number[];
  labels: string[];
  /** Mean prediction at each grid point (target units, or probability). */
  y: number[];
}

export interface PartialDependenceOptions {
  /** Grid points for a numeric feature, at quantiles 2.5%..97.5% of its values (default 20). */
  gridSize?: number;
  /** Rows averaged over, sampled with the seed (default 300). */
  maxRows?: number;
  seed?: number;
  /** Labels of a one-hot group's columns (default "column i"). */
  levels?: string[];
  /** Turns a grid value in X's (scaled) units into a display label, e.g. back to BPM. */
  format?: (value: number) => string;
}

/**
 * Partial dependence of the prediction on a feature group. A one-column group is swept over
 * quantiles of its values; a multi-column (one-hot) group is set to each level in turn (that
 * column 1, the others 0). X: row-major [n, nFeatures]. Calls predict once, on
 * [sampledRows * gridPoints, nFeatures].
 */
export async function partialDependence(
  predict: PredictFn,
  X: Float32Array,
  nFeatures: number,
  feature: FeatureGroup,
  opts: PartialDependenceOptions = {},
): Promise<PartialDependence> {
  const d = nFeatures;
  const n = Math.floor(X.length / d);
  if (n === 0 || feature.columns.length === 0) throw new Error(`No rows or columns for "${feature.name}".`);
  const maxRows = Math.max(1, opts.maxRows ?? 300);
  const rows =
    n <= maxRows
      ? Array.from({ length: n }, (_, i) => i)
      : Array.from(permutation(n, mulberry32(opts.seed ?? 0)).slice(0, maxRows));
  const categorical = feature.columns.length > 1;
  let settings: number[][]; // per grid point, the values of feature.columns
  let x: number[];
  let labels: string[];
  if (categorical) {
    const k = feature.columns.length;
    settings = feature.columns.map((_, level) => Array.from({ length: k }, (_, j) => (j === level ? 1 : 0)));
    x = settings.map((_, i) => i);
    labels = feature.columns.map((c, i) => opts.levels?.[i] ?? `column ${c}`);
  } else {
    const c = feature.columns[0]!;
    const vals = Float64Array.from({ length: n }, (_, i) => X[i * d + c]!)
      .filter(Number.isFinite)
      .sort();
    const size = Math.max(2, opts.gridSize ?? 20);
    const grid = new Set<number>();
    for (let g = 0; g < size; g++)
      grid.add(Math.fround(quantileSorted(vals, 0.025 + (0.95 * g) / (size - 1))));
    x = [...grid].sort((a, b) => a - b);
    settings = x.map((v) => [v]);
    labels = x.map((v) => (opts.format ? opts.format(v) : String(+v.toPrecision(4))));
  }
  const m = rows.length;
  const big = new Float32Array(settings.length * m * d);
  settings.forEach((setting, g) => {
    rows.forEach((r, i) => {
      const off = (g * m + i) * d;
      big.set(X.subarray(r * d, r * d + d), off);
      feature.columns.forEach((c, j) => (big[off + c] = setting[j]!));
    });
  });
  const pred = await predict(big);
  const y = settings.map((_, g) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += pred[g * m + i]!;
    return s / m;
  });
  return { feature: feature.name, kind: categorical ? 'categorical' : 'numeric', x, labels, y };
}
