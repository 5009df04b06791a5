/** The grower's parts: histogram subtraction equals a direct build; the heap pops like Python's heapq. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { GainHeap } from './heap';
import { HistogramPool, buildHistogram, subtractHistogram } from './histogram';

describe('histograms', () => {
  it('parent minus one child equals the other child built from its rows', () => {
    const n = 500;
    const d = 3;
    const W = 9;
    const rng = mulberry32(1);
    const binned = Uint8Array.from({ length: d * n }, () => Math.floor(rng() * 8));
    const grad = Float32Array.from({ length: n }, () => rng() - 0.5);
    const hess = Float32Array.from({ length: n }, () => rng());
    const inputs = { binned, n, d, binsPerFeature: W, grad, hess };
    const pool = new HistogramPool(d * W, true);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const sg = new Float32Array(n);
    const sh = new Float32Array(n);
    const parent = pool.acquire();
    const left = pool.acquire();
    const right = pool.acquire();
    const diff = pool.acquire();
    buildHistogram(inputs, rows, 0, n, parent, sg, sh);
    buildHistogram(inputs, rows, 0, 200, left, sg, sh);
    buildHistogram(inputs, rows, 200, n, right, sg, sh);
    subtractHistogram(parent, left, diff);
    expect(Array.from(diff.count)).toEqual(Array.from(right.count));
    diff.grad.forEach((v, b) => expect(v).toBeCloseTo(right.grad[b]!, 10));
    diff.hess!.forEach((v, b) => expect(v).toBeCloseTo(right.hess![b]!, 10));
    expect(parent.count.reduce((s, c) => s + c, 0)).toBe(n * d);
    pool.release(parent);
    expect(pool.acquire().count.every((c) => c === 0)).toBe(true);
  });
});

describe('GainHeap', () => {
  it("pops the highest gain first, ties in Python heapq's order", () => {
    // Expected sequence from Python: heapq on objects whose __lt__ is "higher key".
    const heap = new GainHeap<{ k: number; l: string }>((x) => x.k);
    const out: string[] = [];
    const pop = () => out.push(heap.pop()!.l);
    heap.push({ k: 1, l: 'a' });
    heap.push({ k: 1, l: 'b' });
    heap.push({ k: 2, l: 'c' });
    heap.push({ k: 1, l: 'd' });
    pop();
    heap.push({ k: 1, l: 'e' });
    heap.push({ k: 3, l: 'f' });
    while (heap.size > 0) pop();
    expect(out).toEqual(['c', 'f', 'd', 'b', 'a', 'e']);
    expect(heap.pop()).toBeUndefined();
  });
});
