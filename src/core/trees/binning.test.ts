/** Binning, hand-computed: distinct-value midpoints, numpy 'midpoint' percentiles, edges and NaN. */
import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, featureThresholds, fitBinThresholds } from './binning';

describe('featureThresholds', () => {
  it('uses midpoints between distinct values when there are few, ignoring NaN', () => {
    expect(featureThresholds([3, 1, 2, 2, NaN, 1], 255)).toEqual([1.5, 2.5]);
    expect(featureThresholds([7, 7, 7], 255)).toEqual([]);
    expect(featureThresholds([NaN, NaN], 255)).toEqual([]);
  });

  it("uses numpy's 'midpoint' percentiles when there are more distinct values than bins", () => {
    // 0..999, 4 bins: percentiles 25 / 50 / 75 -> virtual indexes 249.75 / 499.5 / 749.25,
    // midpoint rounds each to a half index: (249 + 250) / 2, (499 + 500) / 2, (749 + 750) / 2.
    const v = Array.from({ length: 1000 }, (_, i) => i);
    expect(featureThresholds(v, 4)).toEqual([249.5, 499.5, 749.5]);
    // 0..8 with 4 bins: indexes 2, 4, 6 are whole, so the edges are data values.
    expect(featureThresholds([0, 1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([2, 4, 6]);
    expect(featureThresholds(v, 255)).toHaveLength(254);
  });

  it('keeps edges below +inf', () => {
    expect(featureThresholds([0, Infinity], 255)).toEqual([1e300]);
  });
});

describe('binOf and binMatrix', () => {
  it('puts a value equal to an edge in the lower bin', () => {
    const edges = [1.5, 2.5];
    expect([0, 1.5, 1.6, 2.5, 9].map((v) => binOf(v, edges))).toEqual([0, 0, 1, 1, 2]);
  });

  it('bins column major and sends NaN to the missing bin', () => {
    // X [3, 2] row major: column 0 = 1, 2, 3; column 1 = 10, NaN, 30
    const X = Float32Array.from([1, 10, 2, NaN, 3, 30]);
    const edges = fitBinThresholds(X, 3, 2, 255, 0);
    expect(edges).toEqual([[1.5, 2.5], [20]]);
    expect(Array.from(binMatrix(X, 3, 2, edges, 255))).toEqual([0, 1, 2, 0, 255, 1]);
  });
});
