/**
 * What a layer mapper receives and returns. One call of a tfjs layer (one inbound node) becomes a few ONNX nodes;
 * values keep tfjs's layout between layers (channels last, batch first), so Flatten, Reshape and Concatenate mean
 * the same in both graphs and only the convolution / pooling / recurrent mappers transpose inside themselves.
 */
import type * as tf from '@tensorflow/tfjs';
import type { GraphBuilder } from './graph';

/** A weight tensor read out of the layer. Shape: `shape`, row-major float32 `data`. */
export interface WeightArray {
  shape: number[];
  data: Float32Array;
}

export interface LayerCall {
  g: GraphBuilder;
  layer: tf.layers.Layer;
  className: string;
  /** layer.getConfig(): camelCase keys as tfjs writes them (e.g. `units`, `useBias`, `kernelSize`). */
  config: Record<string, unknown>;
  /** ONNX value names of the call's inputs, in order. */
  inputs: string[];
  /** tfjs symbolic shapes of the inputs, batch first (null = unknown, e.g. the batch). */
  inputShapes: (number | null)[][];
  /** tfjs dtypes of the inputs ('float32', 'int32'). */
  inputDtypes: string[];
  /** The layer's weights in tfjs order (layer.getWeights()). */
  weights: WeightArray[];
  /** A readable prefix for generated names: the layer's name. */
  base: string;
}

/** Maps one layer call to ONNX nodes; returns the output value's name. */
export type LayerMapper = (c: LayerCall) => string;

/** The Error an exporter raises for a layer it cannot express: names the layer, its class and why. */
export function unsupported(c: Pick<LayerCall, 'layer' | 'className'>, why: string): Error {
  return new Error(`ONNX export cannot express layer "${c.layer.name}" (class ${c.className}): ${why}.`);
}

/** Read a layer's weights as float32 arrays, in tfjs order. */
export function readWeights(layer: tf.layers.Layer): WeightArray[] {
  return layer.getWeights().map((t) => ({ shape: t.shape.slice(), data: Float32Array.from(t.dataSync()) }));
}

/** The weight at `k`, or an Error naming the layer when it is missing. */
export function weight(c: LayerCall, k: number, what: string): WeightArray {
  const w = c.weights[k];
  if (!w) throw unsupported(c, `its ${what} weight is missing (has it been built?)`);
  return w;
}

/** The only input of a single-input layer. */
export function single(c: LayerCall): { x: string; shape: (number | null)[]; dtype: string } {
  if (c.inputs.length !== 1) throw unsupported(c, `expected one input, got ${c.inputs.length}`);
  return { x: c.inputs[0]!, shape: c.inputShapes[0]!, dtype: c.inputDtypes[0]! };
}

/** Transpose a row-major matrix [rows, cols] -> [cols, rows]. */
export function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

/** Permute a row-major tensor's axes (like numpy's transpose(perm)). Shape: dims -> perm.map(p => dims[p]). */
export function permute(data: Float32Array, dims: number[], perm: number[]): Float32Array {
  const outDims = perm.map((p) => dims[p]!);
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(data.length);
  const idx = new Array<number>(dims.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let a = 0; a < perm.length; a++) src += idx[a]! * strides[perm[a]!]!;
    out[o] = data[src]!;
    for (let a = outDims.length - 1; a >= 0; a--) {
      if (++idx[a]! < outDims[a]!) break;
      idx[a] = 0;
    }
  }
  return out;
}
