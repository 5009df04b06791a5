/**
 * Grow one regression tree on gradients, leaf-wise (best-first) like scikit-learn 1.2's
 * TreeGrower: always split the open node of highest gain, until max_leaf_nodes leaves. A child
 * with fewer than 2 x min_samples_leaf rows is a leaf at once; the smaller child's histogram is
 * built from its rows and the larger's by subtraction from the parent.
 */
import { GainHeap } from './heap';
import {
  type Histogram,
  type HistogramInputs,
  HistogramPool,
  buildHistogram,
  subtractHistogram,
} from './histogram';
import { type SplitContext, type SplitInfo, findBestSplit, nodeValue } from './splitter';
import type { GbtTree } from './types';

interface GrowNode {
  start: number;
  stop: number;
  sumGrad: number;
  sumHess: number;
  /** scikit-learn's node value: 0 for the root, the parent's split value for children. */
  value: number;
  hist: Histogram | null;
  split: SplitInfo | null;
  isLeaf: boolean;
  left: GrowNode | null;
  right: GrowNode | null;
}

/** Buffers shared by every tree of one fit. */
export interface GrowerWorkspace {
  inputs: HistogramInputs;
  ctx: SplitContext;
  pool: HistogramPool;
  /** Row order; reset to 0..n-1 for each tree and partitioned in place. Shape [n]. */
  rows: Int32Array;
  /** Scratch of n rows for partitioning and gathered gradients. */
  scratchRows: Int32Array;
  scratchG: Float32Array;
  scratchH: Float32Array;
  /** The missing-value bin (maxBins). */
  missingBin: number;
  binThresholds: readonly (readonly number[])[];
}

/** Settings of one tree. */
export interface GrowOptions {
  maxLeafNodes: number;
  minSamplesLeaf: number;
  learningRate: number;
}

const MIN_HESSIAN_TO_SPLIT = 1e-3;

/**
 * Grow a tree on ws.inputs' gradients and add its leaf values (learning rate applied) to
 * rawTrain [n], the training rows' raw scores. Returns the tree as plain arrays.
 */
export function growTree(ws: GrowerWorkspace, opts: GrowOptions, rawTrain: Float64Array): GbtTree {
  const { inputs, ctx, pool, rows } = ws;
  const n = inputs.n;
  for (let i = 0; i < n; i++) rows[i] = i;
  let sumGrad = 0;
  for (let i = 0; i < n; i++) sumGrad += inputs.grad[i]!;
  let sumHess = n;
  if (inputs.hess) {
    sumHess = 0;
    for (let i = 0; i < n; i++) sumHess += inputs.hess[i]!;
  }
  const make = (start: number, stop: number, g: number, h: number, value: number): GrowNode => ({
    start,
    stop,
    sumGrad: g,
    sumHess: h,
    value,
    hist: null,
    split: null,
    isLeaf: false,
    left: null,
    right: null,
  });
  const root = make(0, n, sumGrad, sumHess, 0);
  const heap = new GainHeap<GrowNode>((node) => node.split!.gain);
  const leaves: GrowNode[] = [];
  const finalize = (node: GrowNode) => {
    node.isLeaf = true;
    leaves.push(node);
    if (node.hist) pool.release(node.hist);
    node.hist = null;
  };
  const splitAndPush = (node: GrowNode) => {
    node.split = findBestSplit(
      node.hist!,
      { n: node.stop - node.start, sumGrad: node.sumGrad, sumHess: node.sumHess, value: node.value },
      ctx,
    );
    if (node.split.gain <= 0) finalize(node);
    else heap.push(node);
  };

  if (n < 2 * opts.minSamplesLeaf || sumHess < MIN_HESSIAN_TO_SPLIT) finalize(root);
  else {
    root.hist = pool.acquire();
    buildHistogram(inputs, rows, 0, n, root.hist, ws.scratchG, ws.scratchH);
    splitAndPush(root);
  }

  while (heap.size > 0) {
    const node = heap.pop()!;
    const s = node.split!;
    const mid = partition(ws, node.start, node.stop, s);
    const left = make(node.start, mid, s.sumGradLeft, s.sumHessLeft, s.valueLeft);
    const right = make(mid, node.stop, s.sumGradRight, s.sumHessRight, s.valueRight);
    node.left = left;
    node.right = right;
    // No missing training values on this feature: at prediction, missing goes to the bigger child.
    if (!ctx.hasMissing[s.feature]) s.missingLeft = mid - node.start > node.stop - mid;
    if (leaves.length + heap.size + 2 === opts.maxLeafNodes) {
      finalize(left);
      finalize(right);
      for (const open of heap.drain()) finalize(open);
    } else {
      if (mid - node.start < 2 * opts.minSamplesLeaf) finalize(left);
      if (node.stop - mid < 2 * opts.minSamplesLeaf) finalize(right);
      if (!left.isLeaf || !right.isLeaf) {
        const [small, large] = mid - node.start < node.stop - mid ? [left, right] : [right, left];
        small.hist = pool.acquire();
        buildHistogram(inputs, rows, small.start, small.stop, small.hist, ws.scratchG, ws.scratchH);
        large.hist = pool.acquire();
        subtractHistogram(node.hist!, small.hist, large.hist);
        if (!left.isLeaf) splitAndPush(left);
        if (!right.isLeaf) splitAndPush(right);
        for (const child of [left, right]) {
          if (child.isLeaf && child.hist) {
            pool.release(child.hist);
            child.hist = null;
          }
        }
      }
    }
    if (node.hist) pool.release(node.hist);
    node.hist = null;
  }

  for (const leaf of leaves) {
    const v = leaf.value * opts.learningRate;
    leaf.value = v;
    for (let k = leaf.start; k < leaf.stop; k++) rawTrain[rows[k]!] = rawTrain[rows[k]!]! + v;
  }
  return toArrays(root, ws, ctx.l2);
}

/** Stable partition of rows[start..stop) by the split; returns the first right position. */
function partition(ws: GrowerWorkspace, start: number, stop: number, s: SplitInfo): number {
  const { rows, scratchRows } = ws;
  const { binned, n } = ws.inputs;
  const col = s.feature * n;
  let l = start;
  let r = 0;
  for (let k = start; k < stop; k++) {
    const row = rows[k]!;
    const b = binned[col + row]!;
    if ((s.missingLeft && b === ws.missingBin) || b <= s.bin) rows[l++] = row;
    else scratchRows[r++] = row;
  }
  rows.set(scratchRows.subarray(0, r), l);
  return l;
}

/** The tree as parallel arrays, nodes in pre-order (node, left subtree, right subtree). */
function toArrays(root: GrowNode, ws: GrowerWorkspace, l2: number): GbtTree {
  const t: GbtTree = {
    feature: [],
    threshold: [],
    bin: [],
    missingLeft: [],
    left: [],
    right: [],
    value: [],
    gain: [],
    count: [],
  };
  const visit = (node: GrowNode): number => {
    const id = t.feature.length;
    t.count.push(node.stop - node.start);
    if (node.isLeaf || !node.left || !node.right) {
      t.feature.push(-1);
      t.threshold.push(null);
      t.bin.push(0);
      t.missingLeft.push(0);
      t.left.push(-1);
      t.right.push(-1);
      t.value.push(node.value);
      t.gain.push(0);
      return id;
    }
    const s = node.split!;
    const edges = ws.binThresholds[s.feature]!;
    const nb = ws.ctx.nBinsNonMissing[s.feature]!;
    t.feature.push(s.feature);
    // A split after the last present bin is a split on missing: all present values go left.
    t.threshold.push(s.bin === nb - 1 ? null : edges[s.bin]!);
    t.bin.push(s.bin);
    t.missingLeft.push(s.missingLeft ? 1 : 0);
    t.value.push(0);
    // scikit-learn scores the root against value 0; report the true loss reduction instead.
    const G = node.sumGrad;
    t.gain.push(s.gain - G * node.value + G * nodeValue(G, node.sumHess, l2));
    t.left.push(-1);
    t.right.push(-1);
    t.left[id] = visit(node.left);
    t.right[id] = visit(node.right);
    return id;
  };
  visit(root);
  return t;
}
