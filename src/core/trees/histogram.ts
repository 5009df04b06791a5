/**
 * Gradient histograms of a node: per feature and bin, the sum of gradients, of hessians and the
 * row count. The smaller child of a split is built from its rows; the larger one is the parent
 * minus the smaller (the subtraction trick: O(bins) instead of O(rows)).
 */

/** Sums for one node. Shape: [nFeatures * binsPerFeature], feature-major. */
export interface Histogram {
  grad: Float64Array;
  /** Null when hessians are constant (the count stands in for their sum). */
  hess: Float64Array | null;
  count: Uint32Array;
}

/** Reuses histogram buffers across nodes and trees, so growing a forest does not churn memory. */
export class HistogramPool {
  private free: Histogram[] = [];

  /** size = nFeatures * binsPerFeature. */
  constructor(
    private readonly size: number,
    private readonly withHessians: boolean,
  ) {}

  /** A zeroed histogram. */
  acquire(): Histogram {
    const h = this.free.pop();
    if (!h) {
      return {
        grad: new Float64Array(this.size),
        hess: this.withHessians ? new Float64Array(this.size) : null,
        count: new Uint32Array(this.size),
      };
    }
    h.grad.fill(0);
    h.hess?.fill(0);
    h.count.fill(0);
    return h;
  }

  release(h: Histogram): void {
    this.free.push(h);
  }
}

/** What a histogram is built from: binned X column major [d * n], float32 gradients [n]. */
export interface HistogramInputs {
  binned: Uint8Array;
  n: number;
  d: number;
  binsPerFeature: number;
  grad: Float32Array;
  /** Null when hessians are constant. */
  hess: Float32Array | null;
}

/**
 * Fill `out` (zeroed) from the rows rows[start..stop). Gradients are gathered in row order first,
 * then summed feature by feature in that order, as scikit-learn does (same sums, same float64
 * rounding). `scratchG` / `scratchH` hold at least stop - start numbers.
 */
export function buildHistogram(
  inp: HistogramInputs,
  rows: Int32Array,
  start: number,
  stop: number,
  out: Histogram,
  scratchG: Float32Array,
  scratchH: Float32Array,
): void {
  const m = stop - start;
  const { binned, n, d, binsPerFeature: W, grad, hess } = inp;
  for (let k = 0; k < m; k++) {
    const r = rows[start + k]!;
    scratchG[k] = grad[r]!;
    if (hess) scratchH[k] = hess[r]!;
  }
  const { grad: hg, hess: hh, count } = out;
  for (let j = 0; j < d; j++) {
    const col = j * n;
    const off = j * W;
    if (hh) {
      for (let k = 0; k < m; k++) {
        const b = off + binned[col + rows[start + k]!]!;
        hg[b] = hg[b]! + scratchG[k]!;
        hh[b] = hh[b]! + scratchH[k]!;
        count[b] = count[b]! + 1;
      }
    } else {
      for (let k = 0; k < m; k++) {
        const b = off + binned[col + rows[start + k]!]!;
        hg[b] = hg[b]! + scratchG[k]!;
        count[b] = count[b]! + 1;
      }
    }
  }
}

/** out = parent - sibling, bin by bin (out may be a fresh or reused buffer). */
export function subtractHistogram(parent: Histogram, sibling: Histogram, out: Histogram): void {
  const len = parent.grad.length;
  for (let b = 0; b < len; b++) {
    out.grad[b] = parent.grad[b]! - sibling.grad[b]!;
    out.count[b] = parent.count[b]! - sibling.count[b]!;
  }
  if (out.hess && parent.hess && sibling.hess) {
    for (let b = 0; b < len; b++) out.hess[b] = parent.hess[b]! - sibling.hess[b]!;
  }
}
