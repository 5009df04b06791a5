/**
 * Core layers: Dense, Embedding, Flatten, Reshape, Permute, Concatenate, the elementwise merges (Add, Multiply,
 * Average, Maximum, Minimum) and the layers that are identities at inference (Dropout and friends,
 * Encore's SeededDropout).
 */
import { applyActivation } from './activations';
import { int, ints } from './graph';
import { type LayerMapper, single, unsupported, weight } from './layerCall';

/**
 * Dense: x·W + b, then the activation. MatMul rather than Gemm because Keras applies Dense to the last axis of any
 * rank. Shape: [..., in] -> [..., units]; kernel [in, units], bias [units].
 */
export const dense: LayerMapper = (c) => {
  const { x } = single(c);
  const k = weight(c, 0, 'kernel');
  let y = c.g.op('MatMul', [x, c.g.floats(`${c.base}/kernel`, k.data, k.shape)], `${c.base}/MatMul`);
  if (c.config['useBias'] !== false) {
    const b = weight(c, 1, 'bias');
    y = c.g.op('Add', [y, c.g.floats(`${c.base}/bias`, b.data, b.shape)], `${c.base}/BiasAdd`);
  }
  return applyActivation(c, c.config['activation'], y);
};

/**
 * Embedding: Gather rows of the table by integer code. Shape: codes [n, ...] -> [n, ..., outputDim]; table
 * [inputDim, outputDim]. Float codes are cast (truncated) to integers, as tfjs does.
 */
export const embedding: LayerMapper = (c) => {
  const { x, dtype } = single(c);
  if (c.config['maskZero'] === true) throw unsupported(c, 'maskZero masks are not exported');
  const table = weight(c, 0, 'embeddings');
  const codes = dtype === 'int32' ? x : c.g.op('Cast', [x], `${c.base}/Cast`, { to: int(7) });
  return c.g.op(
    'Gather',
    [c.g.floats(`${c.base}/embeddings`, table.data, table.shape), codes],
    `${c.base}/Gather`,
    {
      axis: int(0),
    },
  );
};

/**
 * Flatten: [n, d1, d2, ...] -> [n, d1·d2·...]. Values are channels-last here, as in tfjs, so ONNX Flatten (axis 1)
 * flattens in the same order; a channelsFirst Flatten first moves channels last, as tfjs does.
 */
export const flatten: LayerMapper = (c) => {
  const { x, shape } = single(c);
  let v = x;
  if (c.config['dataFormat'] === 'channelsFirst' && shape.length >= 3) {
    const perm = [0, ...shape.slice(2).map((_, i) => i + 2), 1];
    v = c.g.op('Transpose', [v], `${c.base}/ToChannelsLast`, { perm: ints(perm) });
  }
  return c.g.op('Flatten', [v], `${c.base}/Flatten`, { axis: int(1) });
};

/** Reshape to `targetShape` per row. Shape: [n, ...] -> [n, ...targetShape]; 0 keeps the batch dimension. */
export const reshape: LayerMapper = (c) => {
  const target = c.config['targetShape'];
  if (!Array.isArray(target)) throw unsupported(c, 'no targetShape');
  const dims = target.map((d) => (d === null ? -1 : Number(d)));
  return c.g.op('Reshape', [single(c).x, c.g.int64s([0, ...dims])], `${c.base}/Reshape`);
};

/** Permute: tfjs dims are 1-based over the non-batch axes. Shape: [n, ...] -> [n, ...permuted]. */
export const permuteLayer: LayerMapper = (c) => {
  const dims = c.config['dims'];
  if (!Array.isArray(dims)) throw unsupported(c, 'no dims');
  return c.g.op('Transpose', [single(c).x], `${c.base}/Transpose`, { perm: ints([0, ...dims.map(Number)]) });
};

/** Concatenate along `axis` (default -1; the same axis numbering as tfjs, since the layouts agree). */
export const concatenate: LayerMapper = (c) => {
  if (c.inputs.length < 2) throw unsupported(c, 'fewer than two inputs');
  if (new Set(c.inputDtypes).size > 1) throw unsupported(c, `mixed input dtypes ${c.inputDtypes.join(', ')}`);
  const axis = typeof c.config['axis'] === 'number' ? c.config['axis'] : -1;
  return c.g.op('Concat', c.inputs, `${c.base}/Concat`, { axis: int(axis) });
};

/** Variadic elementwise merges (with broadcasting, as tfjs's merge layers allow). */
function merge(op: 'Sum' | 'Mean' | 'Max' | 'Min'): LayerMapper {
  return (c) => {
    if (c.inputs.length < 2) throw unsupported(c, 'fewer than two inputs');
    return c.g.op(op, c.inputs, `${c.base}/${op}`);
  };
}

export const add = merge('Sum');
export const average = merge('Mean');
export const maximum = merge('Max');
export const minimum = merge('Min');

/** Multiply: a chain of binary Mul nodes (ONNX Mul takes two inputs). */
export const multiply: LayerMapper = (c) => {
  if (c.inputs.length < 2) throw unsupported(c, 'fewer than two inputs');
  return c.inputs.slice(1).reduce((acc, x) => c.g.op('Mul', [acc, x], `${c.base}/Mul`), c.inputs[0]!);
};

/** Layers that pass their input through at inference (dropout and noise layers). */
export const identity: LayerMapper = (c) => single(c).x;

/** RepeatVector: [n, f] -> [n, times, f] (Unsqueeze then Tile). */
export const repeatVector: LayerMapper = (c) => {
  const times = Number(c.config['n']);
  if (!Number.isInteger(times) || times < 1)
    throw unsupported(c, `bad repeat count ${String(c.config['n'])}`);
  const u = c.g.op('Unsqueeze', [single(c).x, c.g.int64s([1])], `${c.base}/Unsqueeze`);
  return c.g.op('Tile', [u, c.g.int64s([1, times, 1])], `${c.base}/Tile`);
};
