/**
 * The best split of one node from its histogram, as scikit-learn 1.2's Splitter finds it: scan
 * each feature's bins left to right (missing values go right), and, when the feature had missing
 * training values, right to left too (missing values go left); keep the largest gain.
 */
import type { Histogram } from './histogram';

/** The chosen split of a node. */
export interface SplitInfo {
  /** Second-order gain (scikit-learn's; <= 0 means no valid split). */
  gain: number;
  feature: number;
  /** Rows with bin <= this go left. */
  bin: number;
  missingLeft: boolean;
  sumGradLeft: number;
  sumHessLeft: number;
  sumGradRight: number;
  sumHessRight: number;
  nLeft: number;
  nRight: number;
  valueLeft: number;
  valueRight: number;
}

/** What the splitter knows about the features and the constraints. */
export interface SplitContext {
  d: number;
  binsPerFeature: number;
  /** Per feature: bins holding present values. */
  nBinsNonMissing: Int32Array;
  /** Per feature: 1 when some training row was missing. */
  hasMissing: Uint8Array;
  minSamplesLeaf: number;
  l2: number;
  constantHessian: boolean;
}

/** scikit-learn's min_hessian_to_split and min_gain_to_split. */
const MIN_HESSIAN_TO_SPLIT = 1e-3;
const MIN_GAIN_TO_SPLIT = 0;

/** The Newton step -G / (H + l2) of a node (scikit-learn's compute_node_value, unbounded). */
export function nodeValue(sumGrad: number, sumHess: number, l2: number): number {
  return -sumGrad / (sumHess + l2 + 1e-15);
}

/** Node statistics the scan needs: rows, gradient and hessian sums, and the node's own value. */
export interface NodeStats {
  n: number;
  sumGrad: number;
  sumHess: number;
  /** scikit-learn passes 0 for the root and the split's child value for other nodes. */
  value: number;
}

/**
 * Best split over all features (first feature wins ties), or one with gain -1 when no split
 * satisfies min_samples_leaf and the hessian floor.
 */
export function findBestSplit(h: Histogram, node: NodeStats, ctx: SplitContext): SplitInfo {
  let best: SplitInfo | null = null;
  for (let f = 0; f < ctx.d; f++) {
    let s = scan(h, node, ctx, f, false);
    if (ctx.hasMissing[f]) s = scan(h, node, ctx, f, true, s);
    if (s && (!best || s.gain > best.gain)) best = s;
  }
  return best ?? noSplit();
}

function noSplit(): SplitInfo {
  return {
    gain: -1,
    feature: 0,
    bin: 0,
    missingLeft: false,
    sumGradLeft: 0,
    sumHessLeft: 0,
    sumGradRight: 0,
    sumHessRight: 0,
    nLeft: 0,
    nRight: 0,
    valueLeft: 0,
    valueRight: 0,
  };
}

/**
 * One direction of one feature. Left to right: bins 0..b go left, missing right (the last
 * present bin is a candidate only when there are missing rows: the "split on missing").
 * Right to left: bins b+1.. go right, missing left. Returns a split better than `prior`, or `prior`.
 */
function scan(
  h: Histogram,
  node: NodeStats,
  ctx: SplitContext,
  f: number,
  rightToLeft: boolean,
  prior: SplitInfo | null = null,
): SplitInfo | null {
  const off = f * ctx.binsPerFeature;
  const nb = ctx.nBinsNonMissing[f]!;
  const { n, sumGrad, sumHess, value } = node;
  const { minSamplesLeaf, l2 } = ctx;
  const lossCurrent = sumGrad * value;
  let bestGain = prior ? prior.gain : -1;
  let bestBin = -1;
  let bestG = 0;
  let bestH = 0;
  let bestN = 0;
  let cn = 0; // count, gradient and hessian on the scanned side
  let cg = 0;
  let ch = 0;
  const first = rightToLeft ? nb - 2 : 0;
  const last = rightToLeft ? 0 : nb - 1 + ctx.hasMissing[f]!;
  for (let b = first; rightToLeft ? b >= last : b < last; b += rightToLeft ? -1 : 1) {
    const k = off + (rightToLeft ? b + 1 : b);
    cn += h.count[k]!;
    ch += ctx.constantHessian ? h.count[k]! : h.hess![k]!;
    cg += h.grad[k]!;
    // scikit-learn's arithmetic: the scanned side is the running sum, the other side total - sum.
    const nL = rightToLeft ? n - cn : cn;
    const hL = rightToLeft ? sumHess - ch : ch;
    const gL = rightToLeft ? sumGrad - cg : cg;
    const hR = rightToLeft ? ch : sumHess - ch;
    const gR = rightToLeft ? cg : sumGrad - cg;
    // The scanned side only grows: too small -> keep going; the other side too small -> stop.
    if (cn < minSamplesLeaf) continue;
    if (n - cn < minSamplesLeaf) break;
    if ((rightToLeft ? hR : hL) < MIN_HESSIAN_TO_SPLIT) continue;
    if ((rightToLeft ? hL : hR) < MIN_HESSIAN_TO_SPLIT) break;
    const gain = lossCurrent - gL * nodeValue(gL, hL, l2) - gR * nodeValue(gR, hR, l2);
    if (gain > bestGain && gain > MIN_GAIN_TO_SPLIT) {
      bestGain = gain;
      bestBin = b;
      bestG = gL;
      bestH = hL;
      bestN = nL;
    }
  }
  if (bestBin < 0) return prior;
  return {
    gain: bestGain,
    feature: f,
    bin: bestBin,
    missingLeft: rightToLeft,
    sumGradLeft: bestG,
    sumHessLeft: bestH,
    sumGradRight: sumGrad - bestG,
    sumHessRight: sumHess - bestH,
    nLeft: bestN,
    nRight: n - bestN,
    valueLeft: nodeValue(bestG, bestH, l2),
    valueRight: nodeValue(sumGrad - bestG, sumHess - bestH, l2),
  };
}
