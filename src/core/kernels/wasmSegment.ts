/**
 * UnsortedSegmentSum for the wasm backend, which tfjs-backend-wasm 4.22 does not register at all: the gradient of
 * Gather (so of every Embedding layer, e.g. wide & deep's artist embedding) calls it, and training failed with
 * "Kernel 'UnsortedSegmentSum' not registered for backend 'wasm'". Written over heap views.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasmViews';

type Args = {
  inputs: Record<string, TensorInfo | undefined>;
  backend: WasmBackendLike;
  attrs: Record<string, unknown>;
};

/**
 * out[s, ...] = sum of x[i, ...] over the rows i with segmentIds[i] = s. Shapes: x [n, ...inner], segmentIds [n]
 * (int32), out [numSegments, ...inner]. Ids outside 0..numSegments-1 are dropped, as in tfjs's CPU kernel.
 */
export function unsortedSegmentSum(
  x: ArrayLike<number>,
  ids: ArrayLike<number>,
  inner: number,
  out: Float32Array | Int32Array,
  numSegments: number,
): void {
  out.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i]!;
    if (!(s >= 0 && s < numSegments)) continue;
    const xo = i * inner;
    const oo = s * inner;
    for (let j = 0; j < inner; j++) out[oo + j] = out[oo + j]! + x[xo + j]!;
  }
}

export function unsortedSegmentSumConfig(): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const x = args.inputs.x as TensorInfo;
    const ids = args.inputs.segmentIds as TensorInfo;
    const numSegments = args.attrs.numSegments as number;
    const n = x.shape[0] ?? 1;
    const innerShape = x.shape.slice(1);
    const inner = tf.util.sizeFromShape(innerShape);
    if (tf.util.sizeFromShape(ids.shape) !== n) {
      throw new Error(`UnsortedSegmentSum: ${tf.util.sizeFromShape(ids.shape)} segment ids for ${n} rows.`);
    }
    const out = args.backend.makeOutput([numSegments, ...innerShape], x.dtype);
    const ov = args.backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
    unsortedSegmentSum(
      args.backend.typedArrayFromHeap(x) as Float32Array,
      args.backend.typedArrayFromHeap(ids) as Int32Array,
      inner,
      ov,
      numSegments,
    );
    return out;
  };
  return {
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
  };
}
