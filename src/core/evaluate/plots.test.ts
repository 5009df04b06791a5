import { describe, expect, it } from 'vitest';
import {
  calibrationBins,
  histogram,
  prCurve,
  predictedVsActual,
  residualHistogram,
  residualVsFeature,
  rocCurve,
  wilson,
} from './index';

describe('plot data', () => {
  it('histogram and residual histogram count every value once', () => {
    expect(histogram([0, 1, 2, 3, 4], 2)).toEqual([
      { x0: 0, x1: 2, count: 2 },
      { x0: 2, x1: 4, count: 3 },
    ]);
    // errors predicted - actual: -2, 0, 0, 4
    const h = residualHistogram([5, 5, 5, 5], [3, 5, 5, 9], 3);
    expect(h.map((b) => b.count)).toEqual([1, 2, 1]);
    expect(h[0]!.x0).toBe(-2);
    expect(h[2]!.x1).toBe(4);
  });

  it('predicted-vs-actual is downsampled with a seed', () => {
    const t = Array.from({ length: 5000 }, (_, i) => i);
    const a = predictedVsActual(t, t, { maxPoints: 100, seed: 1 });
    expect(a).toHaveLength(100);
    expect(predictedVsActual(t, t, { maxPoints: 100, seed: 1 })).toEqual(a);
    expect(a.every((p) => p.actual === p.predicted)).toBe(true);
  });

  it('residual vs feature shows the trend of a feature-dependent error', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const r = residualVsFeature(
      x,
      x.map(() => 0),
      x.map((v) => (v < 50 ? -1 : 1)),
      { bins: 2 },
    );
    expect(r.trend).toEqual([
      { x: 24.5, meanResidual: -1, count: 50 },
      { x: 74.5, meanResidual: 1, count: 50 },
    ]);
  });

  it('calibration bins hold mean probability, observed rate and a Wilson interval', () => {
    const bins = calibrationBins([0, 0, 1, 1, 1, 0], [0.05, 0.15, 0.85, 0.95, 0.9, 0.8], 10);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 2, 2]);
    expect(bins[2]!.meanPredicted).toBeCloseTo(0.825, 12);
    expect(bins[2]!.observedRate).toBe(0.5);
    // Wilson 95% for 5 of 10: 0.5 +- 0.2659...
    const w = wilson(5, 10);
    expect(w.lo).toBeCloseTo(0.2366, 3);
    expect(w.hi).toBeCloseTo(0.7634, 3);
  });

  it('ROC runs from (0,0) to (1,1) and PR starts at the top-scored row', () => {
    const y = [1, 0, 1, 0];
    const p = [0.9, 0.8, 0.7, 0.1];
    expect(rocCurve(y, p).map((q) => [q.fpr, q.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(prCurve(y, p).map((q) => [q.recall, q.precision])).toEqual([
      [0.5, 1],
      [0.5, 0.5],
      [1, 2 / 3],
      [1, 0.5],
    ]);
    const many = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const roc = rocCurve(
      many.map((v) => (v > 0.5 ? 1 : 0)),
      many,
      50,
    );
    expect(roc).toHaveLength(50);
    expect(roc[49]).toMatchObject({ fpr: 1, tpr: 1 });
  });
});
