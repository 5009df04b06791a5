/**
 * tfjs activations as ONNX nodes (opset 13), each matching tfjs-layers' own formula: gelu is the exact erf form
 * (tfjs 4.22's `gelu`), hardSigmoid is clip(0.2 x + 0.5, 0, 1) (= ONNX HardSigmoid's defaults), elu uses alpha 1,
 * selu ONNX's default constants (the same as tf.selu's), softmax runs over the last axis. Also the standalone
 * activation layers (ReLU, LeakyReLU, ELU, Softmax, ThresholdedReLU).
 */
import { type GraphBuilder, float, int } from './graph';
import { type LayerCall, type LayerMapper, single, unsupported } from './layerCall';

type Act = (g: GraphBuilder, x: string, base: string) => string;

const simple =
  (op: string): Act =>
  (g, x, base) =>
    g.op(op, [x], `${base}/${op}`);

const ACTS: Record<string, Act> = {
  linear: (_g, x) => x,
  relu: simple('Relu'),
  tanh: simple('Tanh'),
  sigmoid: simple('Sigmoid'),
  softplus: simple('Softplus'),
  softsign: simple('Softsign'),
  selu: simple('Selu'),
  elu: (g, x, base) => g.op('Elu', [x], `${base}/Elu`, { alpha: float(1) }),
  hardSigmoid: (g, x, base) =>
    g.op('HardSigmoid', [x], `${base}/HardSigmoid`, { alpha: float(0.2), beta: float(0.5) }),
  softmax: (g, x, base) => g.op('Softmax', [x], `${base}/Softmax`, { axis: int(-1) }),
  logSoftmax: (g, x, base) => g.op('LogSoftmax', [x], `${base}/LogSoftmax`, { axis: int(-1) }),
  relu6: (g, x, base) => g.op('Clip', [x, g.scalar(0), g.scalar(6)], `${base}/Relu6`),
  swish: (g, x, base) => g.op('Mul', [x, g.op('Sigmoid', [x], `${base}/Sigmoid`)], `${base}/Swish`),
  mish: (g, x, base) => {
    const sp = g.op('Softplus', [x], `${base}/Softplus`);
    return g.op('Mul', [x, g.op('Tanh', [sp], `${base}/Tanh`)], `${base}/Mish`);
  },
  // GELU(x) = x * 0.5 * (1 + erf(x / sqrt 2)); the Gelu op itself only arrives in opset 20.
  gelu: (g, x, base) => {
    const e = g.op('Erf', [g.op('Div', [x, g.scalar(Math.SQRT2)], `${base}/Div`)], `${base}/Erf`);
    const half = g.op('Mul', [g.op('Add', [e, g.scalar(1)], `${base}/Add`), g.scalar(0.5)], `${base}/Half`);
    return g.op('Mul', [x, half], `${base}/Gelu`);
  },
  // GeluNew: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
  gelu_new: (g, x, base) => {
    const cube = g.op('Pow', [x, g.scalar(3)], `${base}/Cube`);
    const inner = g.op('Add', [x, g.op('Mul', [cube, g.scalar(0.044715)], `${base}/C`)], `${base}/Inner`);
    const t = g.op(
      'Tanh',
      [g.op('Mul', [inner, g.scalar(Math.sqrt(2 / Math.PI))], `${base}/S`)],
      `${base}/T`,
    );
    const half = g.op('Mul', [g.op('Add', [t, g.scalar(1)], `${base}/A`), g.scalar(0.5)], `${base}/H`);
    return g.op('Mul', [x, half], `${base}/GeluNew`);
  },
};

/** Names of the activations the exporter maps. */
export const ONNX_ACTIVATIONS = Object.keys(ACTS);

/**
 * Apply tfjs activation `name` (as a layer config writes it, e.g. 'relu', 'hardSigmoid'); 'linear' adds nothing.
 * Throws an Error naming the layer and class when the activation has no mapping. Shape: unchanged.
 */
export function applyActivation(
  c: Pick<LayerCall, 'g' | 'layer' | 'className' | 'base'>,
  name: unknown,
  x: string,
): string {
  const key = name === undefined || name === null ? 'linear' : String(name);
  const act = ACTS[key];
  if (!act)
    throw unsupported(c, `activation "${key}" has no ONNX mapping (mapped: ${ONNX_ACTIVATIONS.join(', ')})`);
  return act(c.g, x, c.base);
}

/** Activation layer: `{ activation: 'relu' }`. */
export const activationLayer: LayerMapper = (c) => applyActivation(c, c.config['activation'], single(c).x);

/** ReLU layer: max(x, 0), capped at maxValue when set. */
export const reluLayer: LayerMapper = (c) => {
  const { x } = single(c);
  const max = c.config['maxValue'];
  if (typeof max === 'number') return c.g.op('Clip', [x, c.g.scalar(0), c.g.scalar(max)], `${c.base}/Clip`);
  return c.g.op('Relu', [x], `${c.base}/Relu`);
};

/** LeakyReLU layer (tfjs default alpha 0.3). */
export const leakyReluLayer: LayerMapper = (c) =>
  c.g.op('LeakyRelu', [single(c).x], `${c.base}/LeakyRelu`, { alpha: float(num(c.config['alpha'], 0.3)) });

/** ELU layer (tfjs default alpha 1). */
export const eluLayer: LayerMapper = (c) =>
  c.g.op('Elu', [single(c).x], `${c.base}/Elu`, { alpha: float(num(c.config['alpha'], 1)) });

/** ThresholdedReLU layer (tfjs default theta 1). */
export const thresholdedReluLayer: LayerMapper = (c) =>
  c.g.op('ThresholdedRelu', [single(c).x], `${c.base}/ThresholdedRelu`, {
    alpha: float(num(c.config['theta'], 1)),
  });

/** Softmax layer over `axis` (default -1). */
export const softmaxLayer: LayerMapper = (c) => {
  const axis = c.config['axis'];
  const a = Array.isArray(axis) ? (axis.length === 1 ? Number(axis[0]) : NaN) : num(axis, -1);
  if (!Number.isInteger(a)) throw unsupported(c, `softmax over several axes (${String(axis)})`);
  return c.g.op('Softmax', [single(c).x], `${c.base}/Softmax`, { axis: int(a) });
};

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
