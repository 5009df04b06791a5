/**
 * Gain importance: for each feature, the loss reduction of every split on it, summed over all
 * trees and normalised to sum 1 (LightGBM's importance_type='gain'; scikit-learn's histogram
 * boosting has none, and its forests' impurity importance is the same idea).
 */
import type { GbtTree } from './types';

/** Per feature [d]: share of the total split gain (all 0 when no tree split). */
export function gainImportances(trees: readonly GbtTree[], d: number): number[] {
  const total = new Array<number>(d).fill(0);
  for (const t of trees) {
    for (let k = 0; k < t.feature.length; k++) {
      const f = t.feature[k]!;
      if (f >= 0) total[f] = total[f]! + Math.max(0, t.gain[k]!);
    }
  }
  const sum = total.reduce((a, b) => a + b, 0);
  return sum > 0 ? total.map((g) => g / sum) : total;
}
