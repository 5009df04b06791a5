/**
 * Convolution, pooling and batch normalisation. tfjs keeps images channels last (NHWC, sequences NWC); ONNX Conv
 * and pools want channels first, so each mapper transposes in, runs the op and transposes back (onnxruntime's
 * transpose optimiser cancels the back-to-back pairs). 'same' padding follows TensorFlow: the odd pixel goes at the
 * end, which is ONNX's SAME_UPPER; pads are written out explicitly when the input length is known.
 */
import { applyActivation } from './activations';
import { type OnnxAttrValue } from './proto';
import { int, ints, str } from './graph';
import { type LayerCall, type LayerMapper, permute, single, unsupported, weight } from './layerCall';

type Spatial = 1 | 2;

/** A config entry that tfjs writes as a number or a per-axis list, as a per-axis list. */
function perAxis(c: LayerCall, key: string, rank: Spatial, fallback: number): number[] {
  const v = c.config[key];
  const list = v === undefined || v === null ? [fallback] : Array.isArray(v) ? v.map(Number) : [Number(v)];
  const out = list.length === 1 ? Array<number>(rank).fill(list[0]!) : list;
  if (out.length !== rank || out.some((n) => !Number.isInteger(n) || n < 1))
    throw unsupported(c, `bad ${key} ${JSON.stringify(v)}`);
  return out;
}

/** ONNX padding attributes for tfjs padding 'valid' | 'same' (tfjs 4.22 cannot run 'causal'). Pads: [begin..., end...]. */
function padAttrs(
  c: LayerCall,
  kernel: number[],
  strides: number[],
  dilations: number[],
  lengths: (number | null)[],
): Record<string, OnnxAttrValue> {
  const padding = String(c.config['padding'] ?? 'valid');
  const rank = kernel.length;
  if (padding === 'valid') return { pads: ints(Array<number>(2 * rank).fill(0)) };
  if (padding !== 'same') throw unsupported(c, `padding "${padding}"`);
  if (lengths.some((l) => l === null)) return { auto_pad: str('SAME_UPPER') };
  const begin: number[] = [];
  const end: number[] = [];
  kernel.forEach((k, i) => {
    const n = lengths[i]!;
    const s = strides[i]!;
    const total = Math.max((Math.ceil(n / s) - 1) * s + (k - 1) * dilations[i]! + 1 - n, 0);
    begin.push(Math.floor(total / 2));
    end.push(total - Math.floor(total / 2));
  });
  return { pads: ints([...begin, ...end]) };
}

/**
 * Run `op` on channels-first data. Shape: [n, ...spatial, C] (or [n, C, ...spatial] for channelsFirst) in and out;
 * `op` receives the channels-first value and the spatial lengths.
 */
function channelsFirst(
  c: LayerCall,
  rank: Spatial,
  op: (x: string, lengths: (number | null)[]) => string,
): string {
  const { x, shape } = single(c);
  if (shape.length !== rank + 2)
    throw unsupported(c, `expected a rank-${rank + 2} input, got [${shape.join(', ')}]`);
  if (c.config['dataFormat'] === 'channelsFirst') return op(x, shape.slice(2));
  const toCF = rank === 1 ? [0, 2, 1] : [0, 3, 1, 2];
  const toCL = rank === 1 ? [0, 2, 1] : [0, 2, 3, 1];
  const xt = c.g.op('Transpose', [x], `${c.base}/ToNCHW`, { perm: ints(toCF) });
  return c.g.op('Transpose', [op(xt, shape.slice(1, 1 + rank))], `${c.base}/ToNHWC`, { perm: ints(toCL) });
}

/**
 * Conv1D / Conv2D (group 1): kernel [k, in, out] / [kh, kw, in, out] -> ONNX [out, in, k...]; bias [out];
 * then the activation (after transposing back, so softmax still runs over channels).
 */
function conv(rank: Spatial): LayerMapper {
  return (c) => {
    const k = weight(c, 0, 'kernel');
    if (k.shape.length !== rank + 2) throw unsupported(c, `kernel shape [${k.shape.join(', ')}]`);
    const kernel = k.shape.slice(0, rank);
    const strides = perAxis(c, 'strides', rank, 1);
    const dilations = perAxis(c, 'dilationRate', rank, 1);
    const perm = rank === 1 ? [2, 1, 0] : [3, 2, 0, 1];
    const w = c.g.floats(
      `${c.base}/kernel`,
      permute(k.data, k.shape, perm),
      perm.map((p) => k.shape[p]!),
    );
    const inputs = [w];
    if (c.config['useBias'] !== false) {
      const b = weight(c, 1, 'bias');
      inputs.push(c.g.floats(`${c.base}/bias`, b.data, b.shape));
    }
    const y = channelsFirst(c, rank, (x, lengths) =>
      c.g.op('Conv', [x, ...inputs], `${c.base}/Conv`, {
        kernel_shape: ints(kernel),
        strides: ints(strides),
        dilations: ints(dilations),
        group: int(1),
        ...padAttrs(c, kernel, strides, dilations, lengths),
      }),
    );
    return applyActivation(c, c.config['activation'], y);
  };
}

export const conv1d = conv(1);
export const conv2d = conv(2);

/** MaxPooling / AveragePooling 1D and 2D (average excludes padding, as TensorFlow's 'same' does). */
function pool(rank: Spatial, op: 'MaxPool' | 'AveragePool'): LayerMapper {
  return (c) => {
    const kernel = perAxis(c, 'poolSize', rank, 2);
    const strides = c.config['strides'] == null ? kernel : perAxis(c, 'strides', rank, 1);
    const ones = Array<number>(rank).fill(1);
    return channelsFirst(c, rank, (x, lengths) =>
      c.g.op(op, [x], `${c.base}/${op}`, {
        kernel_shape: ints(kernel),
        strides: ints(strides),
        ...padAttrs(c, kernel, strides, ones, lengths),
        ...(op === 'AveragePool' ? { count_include_pad: int(0) } : {}),
      }),
    );
  };
}

export const maxPool1d = pool(1, 'MaxPool');
export const maxPool2d = pool(2, 'MaxPool');
export const avgPool1d = pool(1, 'AveragePool');
export const avgPool2d = pool(2, 'AveragePool');

/** Global pooling: a reduction over the spatial axes. Shape: [n, ...spatial, C] -> [n, C]. */
function globalPool(rank: Spatial, op: 'ReduceMean' | 'ReduceMax'): LayerMapper {
  return (c) => {
    const first = c.config['dataFormat'] === 'channelsFirst' ? 2 : 1;
    const axes = Array.from({ length: rank }, (_, i) => first + i);
    return c.g.op(op, [single(c).x], `${c.base}/${op}`, {
      axes: ints(axes),
      keepdims: int(c.config['keepDims'] === true ? 1 : 0),
    });
  };
}

export const globalAvgPool1d = globalPool(1, 'ReduceMean');
export const globalAvgPool2d = globalPool(2, 'ReduceMean');
export const globalMaxPool1d = globalPool(1, 'ReduceMax');
export const globalMaxPool2d = globalPool(2, 'ReduceMax');

/**
 * BatchNormalization, inference form: y = x·s + t with s = gamma / sqrt(movingVariance + epsilon) and
 * t = beta - movingMean·s, folded in float64. Shape: unchanged; s and t broadcast along `axis` (default -1).
 * Weights in tfjs order: gamma (if scale), beta (if center), movingMean, movingVariance.
 */
export const batchNorm: LayerMapper = (c) => {
  const { x, shape } = single(c);
  const rawAxis = c.config['axis'];
  const axisList = Array.isArray(rawAxis) ? rawAxis : [rawAxis ?? -1];
  if (axisList.length !== 1) throw unsupported(c, `normalising over several axes (${String(rawAxis)})`);
  const r = shape.length;
  const axis = Number(axisList[0]) < 0 ? r + Number(axisList[0]) : Number(axisList[0]);
  const hasScale = c.config['scale'] !== false;
  const hasCenter = c.config['center'] !== false;
  let k = 0;
  const gamma = hasScale ? weight(c, k++, 'gamma').data : null;
  const beta = hasCenter ? weight(c, k++, 'beta').data : null;
  const mean = weight(c, k++, 'moving mean').data;
  const variance = weight(c, k, 'moving variance').data;
  const eps = typeof c.config['epsilon'] === 'number' ? c.config['epsilon'] : 1e-3;
  const n = mean.length;
  const s = new Float32Array(n);
  const t = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const si = (gamma ? gamma[i]! : 1) / Math.sqrt(variance[i]! + eps);
    s[i] = si;
    t[i] = (beta ? beta[i]! : 0) - mean[i]! * si;
  }
  // Broadcast shape: [C] on the last axis, else [C, 1, ..., 1] with one 1 per trailing axis.
  const dims = [n, ...Array<number>(Math.max(0, r - 1 - axis)).fill(1)];
  const scaled = c.g.op('Mul', [x, c.g.floats(`${c.base}/scale`, s, dims)], `${c.base}/Mul`);
  return c.g.op('Add', [scaled, c.g.floats(`${c.base}/shift`, t, dims)], `${c.base}/Add`);
};
