/**
 * LSTM (and Encore's FastLSTM, same weights and math), GRU and Bidirectional as ONNX LSTM / GRU nodes.
 *
 * Gate orders: tfjs LSTM kernels hold gates i, f, c, o; ONNX wants i, o, f, c. tfjs GRU holds z, r, h like ONNX, and
 * tfjs's GRU has no reset_after (it throws on resetAfter: true), i.e. the reset gate multiplies the state before
 * the recurrent matmul: ONNX linear_before_reset = 0. tfjs has one bias per gate (input side); ONNX's recurrent
 * bias half is zeros. ONNX wants time-major input [T, n, F] (opset 13 has no layout attribute).
 */
import { int, ints, str, strs } from './graph';
import {
  type LayerCall,
  type LayerMapper,
  type WeightArray,
  readWeights,
  single,
  transpose2d,
  unsupported,
} from './layerCall';
import type * as tf from '@tensorflow/tfjs';

const RNN_ACTIVATIONS: Record<string, string> = {
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  hardSigmoid: 'HardSigmoid', // ONNX defaults alpha 0.2, beta 0.5 = tfjs's clip(0.2x + 0.5, 0, 1)
  relu: 'Relu',
  softsign: 'Softsign',
  softplus: 'Softplus',
};

type Cell = 'LSTM' | 'GRU';

/** One direction's settings and weights, as read from a tfjs LSTM / GRU layer. */
interface Direction {
  cell: Cell;
  units: number;
  acts: string[];
  returnSequences: boolean;
  goBackwards: boolean;
  /** ONNX-ordered W [gates·h, in], R [gates·h, h], B [2·gates·h]. */
  W: Float32Array;
  R: Float32Array;
  B: Float32Array;
  inputSize: number;
}

function cellOf(className: string): Cell | null {
  if (className === 'LSTM' || className === 'FastLSTM') return 'LSTM';
  if (className === 'GRU') return 'GRU';
  return null;
}

/** Reorder gate blocks of a tfjs matrix [rows, gates·h] into ONNX [gates·h, rows] with `order` (ONNX k <- tfjs order[k]). */
function gateMatrix(m: WeightArray, h: number, order: number[]): Float32Array {
  const [rows, cols] = m.shape as [number, number];
  const t = transpose2d(m.data, rows, cols); // [gates·h, rows]
  const out = new Float32Array(t.length);
  order.forEach((src, dst) => out.set(t.subarray(src * h * rows, (src + 1) * h * rows), dst * h * rows));
  return out;
}

function readDirection(
  c: LayerCall,
  layer: tf.layers.Layer,
  config: Record<string, unknown>,
  weights: WeightArray[],
): Direction {
  const cell = cellOf(layer.getClassName());
  if (!cell) throw unsupported(c, `wrapped layer class ${layer.getClassName()} is not LSTM or GRU`);
  if (config['stateful'] === true) throw unsupported(c, 'stateful recurrent layers');
  if (config['returnState'] === true) throw unsupported(c, 'returnState');
  if (cell === 'GRU' && config['resetAfter'] === true) throw unsupported(c, 'GRU resetAfter');
  const units = Number(config['units']);
  const act = (key: string, fallback: string): string => {
    const name = String(config[key] ?? fallback);
    const onnx = RNN_ACTIVATIONS[name];
    if (!onnx) throw unsupported(c, `recurrent ${key} "${name}" has no ONNX RNN equivalent`);
    return onnx;
  };
  const a = act('activation', 'tanh');
  const ra = act('recurrentActivation', 'hardSigmoid');
  const gates = cell === 'LSTM' ? 4 : 3;
  const order = cell === 'LSTM' ? [0, 3, 1, 2] : [0, 1, 2];
  const [kernel, recurrent, bias] = weights;
  if (!kernel || !recurrent) throw unsupported(c, 'kernel weights are missing (has it been built?)');
  const B = new Float32Array(2 * gates * units);
  if (config['useBias'] !== false) {
    if (!bias || bias.data.length !== gates * units) throw unsupported(c, 'unexpected bias shape');
    order.forEach((src, dst) => B.set(bias.data.subarray(src * units, (src + 1) * units), dst * units));
  }
  return {
    cell,
    units,
    acts: cell === 'LSTM' ? [ra, a, a] : [ra, a],
    returnSequences: config['returnSequences'] === true,
    goBackwards: config['goBackwards'] === true,
    W: gateMatrix(kernel, units, order),
    R: gateMatrix(recurrent, units, order),
    B,
    inputSize: kernel.shape[0]!,
  };
}

/**
 * Emit the ONNX LSTM / GRU node for one or two directions (forward, backward). Returns time-major Y
 * [T, dirs, n, h] when returnSequences, else Y_h [dirs, n, h].
 */
function rnnNode(c: LayerCall, dirs: Direction[]): string {
  const d0 = dirs[0]!;
  const { x, shape } = single(c);
  if (shape.length !== 3)
    throw unsupported(c, `expected [n, steps, features] input, got [${shape.join(', ')}]`);
  const cat = (key: 'W' | 'R' | 'B'): Float32Array => {
    const parts = dirs.map((d) => d[key]);
    const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    parts.reduce((off, p) => (out.set(p, off), off + p.length), 0);
    return out;
  };
  const gates = d0.cell === 'LSTM' ? 4 : 3;
  const h = d0.units;
  const n = dirs.length;
  const W = c.g.floats(`${c.base}/W`, cat('W'), [n, gates * h, d0.inputSize]);
  const R = c.g.floats(`${c.base}/R`, cat('R'), [n, gates * h, h]);
  const B = c.g.floats(`${c.base}/B`, cat('B'), [n, 2 * gates * h]);
  const xt = c.g.op('Transpose', [x], `${c.base}/TimeMajor`, { perm: ints([1, 0, 2]) });
  const direction = n === 2 ? 'bidirectional' : d0.goBackwards ? 'reverse' : 'forward';
  const attrs = {
    hidden_size: int(h),
    direction: str(direction),
    activations: strs(dirs.flatMap((d) => d.acts)),
    ...(d0.cell === 'GRU' ? { linear_before_reset: int(0) } : {}),
  };
  const outs = d0.returnSequences
    ? c.g.node(d0.cell, [xt, W, R, B], attrs, `${c.base}/${d0.cell}`, 1)
    : c.g.node(d0.cell, [xt, W, R, B], attrs, `${c.base}/${d0.cell}`, 2, [0]);
  return outs[outs.length - 1]!;
}

/** LSTM / FastLSTM / GRU. Shape: [n, T, F] -> [n, h], or [n, T, h] with returnSequences. */
export const recurrent: LayerMapper = (c) => {
  const d = readDirection(c, c.layer, c.config, c.weights);
  const y = rnnNode(c, [d]);
  const g = c.g;
  if (!d.returnSequences) return g.op('Squeeze', [y, g.int64s([0])], `${c.base}/Squeeze`);
  const seq = g.op('Squeeze', [y, g.int64s([1])], `${c.base}/Squeeze`);
  const batchMajor = g.op('Transpose', [seq], `${c.base}/BatchMajor`, { perm: ints([1, 0, 2]) });
  if (!d.goBackwards) return batchMajor;
  // tfjs emits a backwards layer's outputs in processing order (last step first); ONNX aligns them with the input.
  return g.op(
    'Slice',
    [batchMajor, g.int64s([-1]), g.int64s([-Number.MAX_SAFE_INTEGER]), g.int64s([1]), g.int64s([-1])],
    `${c.base}/Reverse`,
  );
};

interface BidirectionalView {
  forwardLayer: tf.layers.Layer;
  backwardLayer: tf.layers.Layer;
}

/**
 * Bidirectional(LSTM | GRU) as one ONNX node with direction 'bidirectional'. mergeMode concat puts forward then
 * backward on the last axis (tfjs's order); sum / mul / ave reduce over the direction axis.
 * Shape: [n, T, F] -> [n, 2h] (concat) or [n, h]; with returnSequences [n, T, 2h] or [n, T, h].
 */
export const bidirectional: LayerMapper = (c) => {
  const view = c.layer as unknown as Partial<BidirectionalView>;
  if (!view.forwardLayer || !view.backwardLayer) throw unsupported(c, 'no forward / backward layers');
  const fwdConfig = view.forwardLayer.getConfig() as Record<string, unknown>;
  const bwdConfig = view.backwardLayer.getConfig() as Record<string, unknown>;
  if (fwdConfig['goBackwards'] === true) throw unsupported(c, 'a forward layer that goes backwards');
  const dirs = [
    readDirection(c, view.forwardLayer, fwdConfig, readWeights(view.forwardLayer)),
    readDirection(
      c,
      view.backwardLayer,
      { ...bwdConfig, goBackwards: false },
      readWeights(view.backwardLayer),
    ),
  ];
  if (dirs[0]!.cell !== dirs[1]!.cell || dirs[0]!.units !== dirs[1]!.units)
    throw unsupported(c, 'forward and backward layers differ');
  const mode = String(c.config['mergeMode'] ?? 'concat');
  const g = c.g;
  const y = rnnNode(c, dirs);
  const seq = dirs[0]!.returnSequences;
  const dirAxis = seq ? 1 : 0; // Y [T, 2, n, h]; Y_h [2, n, h]
  if (mode === 'concat') {
    const perm = seq ? [2, 0, 1, 3] : [1, 0, 2];
    const moved = g.op('Transpose', [y], `${c.base}/DirLast`, { perm: ints(perm) });
    return g.op('Reshape', [moved, g.int64s(seq ? [0, 0, -1] : [0, -1])], `${c.base}/Concat`);
  }
  const reduce = { sum: 'ReduceSum', mul: 'ReduceProd', ave: 'ReduceMean' }[mode];
  if (!reduce) throw unsupported(c, `mergeMode ${mode}`);
  // ReduceSum takes axes as an input from opset 13; ReduceProd / ReduceMean still take the attribute.
  const merged =
    reduce === 'ReduceSum'
      ? g.op(reduce, [y, g.int64s([dirAxis])], `${c.base}/Merge`, { keepdims: int(0) })
      : g.op(reduce, [y], `${c.base}/Merge`, { axes: ints([dirAxis]), keepdims: int(0) });
  return seq ? g.op('Transpose', [merged], `${c.base}/BatchMajor`, { perm: ints([1, 0, 2]) }) : merged;
};
