/**
 * Slice / SplitV / Unpack for the wasm backend that read the input through a view of the wasm heap.
 *
 * Why: tfjs-backend-wasm 4.22's Slice calls `backend.readSync(x)`, which copies the WHOLE input out of the heap on
 * every call; SplitV and Unpack call Slice once per output, and concat's gradient is a chain of slices. An unrolled
 * LSTM over 128 frames therefore copied its [batch, 128, 4 * units] tensors 128 times per step. These kernels copy
 * only the bytes each output needs (contiguous runs via TypedArray.set), giving identical values.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's BackendWasm these kernels use (kept structural to avoid importing the package). */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): tf.TypedArray;
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
}

type Args = { inputs: Record<string, TensorInfo>; backend: WasmBackendLike; attrs: Record<string, unknown> };

/**
 * Copy the box `begin`/`size` of `x` into a new heap tensor. Works on any rank; the innermost run is the
 * longest contiguous block (trailing dims taken whole plus the first partial dim), so a row or frame slice is one
 * `set` per outer index. Shape: x [...dims] -> [...size].
 */
export function sliceView(
  backend: WasmBackendLike,
  x: TensorInfo,
  begin: number[],
  size: number[],
  outShape = size,
): TensorInfo {
  const out = backend.makeOutput(outShape, x.dtype);
  const total = tf.util.sizeFromShape(size);
  if (total === 0) return out;
  // Views are taken after makeOutput: allocating may grow (and detach) the wasm memory.
  const xv = backend.typedArrayFromHeap(x);
  const ov = backend.typedArrayFromHeap(out);
  const shape = x.shape;
  const rank = shape.length;
  const strides = tf.util.computeStrides(shape);
  const stride = (d: number): number => (d === rank - 1 ? 1 : (strides[d] as number));
  // Find the run: dims after `inner` are whole, so each run covers size[inner] * stride(inner) elements.
  let inner = rank - 1;
  while (inner > 0 && size[inner] === shape[inner] && begin[inner] === 0) inner--;
  const run = rank === 0 ? 1 : (size[inner] as number) * stride(inner);
  const counts = size.slice(0, inner);
  const idx = new Array<number>(inner).fill(0);
  let base = 0;
  for (let d = 0; d < rank; d++) base += (begin[d] as number) * stride(d);
  let o = 0;
  for (;;) {
    let off = base;
    for (let d = 0; d < inner; d++) off += (idx[d] as number) * stride(d);
    ov.set(xv.subarray(off, off + run), o);
    o += run;
    // Odometer over the outer dims.
    let d = inner - 1;
    while (d >= 0) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (counts[d] as number)) break;
      idx[d] = 0;
      d--;
    }
    if (d < 0) break;
  }
  return out;
}

/** Wrap a kernel so string tensors still go to tfjs's own implementation. */
function stringFallback(
  orig: KernelConfig,
  input: string,
  own: (a: Args) => TensorInfo | TensorInfo[],
): KernelFunc {
  return ((a: Args) =>
    a.inputs[input]?.dtype === 'string' ? orig.kernelFunc(a as never) : own(a)) as unknown as KernelFunc;
}

/** Slice kernel config for wasm that copies only the requested box. */
export function sliceConfig(orig: KernelConfig): KernelConfig {
  return {
    ...orig,
    kernelFunc: stringFallback(orig, 'x', ({ inputs, backend, attrs }) => {
      const x = inputs.x as TensorInfo;
      const [b, s] = tf.slice_util.parseSliceParams(
        x as tf.Tensor,
        attrs.begin as number[],
        attrs.size as number[],
      ) as [number[], number[]];
      return sliceView(backend, x, b, s);
    }),
  };
}

/** SplitV kernel config for wasm: one sliceView per output instead of one full-input copy per output. */
export function splitVConfig(orig: KernelConfig): KernelConfig {
  return {
    ...orig,
    kernelFunc: stringFallback(orig, 'x', ({ inputs, backend, attrs }) => {
      const x = inputs.x as TensorInfo;
      const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0] as number;
      const sizes = tf.backend_util.prepareSplitSize(
        x as tf.Tensor,
        attrs.numOrSizeSplits as number[] | number,
        axis,
      );
      const begin = new Array<number>(x.shape.length).fill(0);
      return sizes.map((s) => {
        const size = x.shape.slice();
        size[axis] = s;
        const out = sliceView(backend, x, begin, size);
        begin[axis] = (begin[axis] as number) + s;
        return out;
      });
    }),
  };
}

/**
 * Identity kernel config for wasm that shares the input's memory (reference-counted, as tfjs's CPU backend does)
 * instead of copying it: tensors are immutable, and tfjs-core already shares data ids for reshape. Saved ~7 ms of
 * copies per CNN step on [32, 96, 128, 16] maps.
 */
export function identityConfig(orig: KernelConfig): KernelConfig {
  return {
    ...orig,
    kernelFunc: stringFallback(orig, 'x', ({ inputs, backend }) => {
      const x = inputs.x as TensorInfo;
      backend.incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
    }),
  };
}

/** Unpack (unstack) kernel config for wasm: each output is a view-copied slice with the axis dropped. */
export function unpackConfig(orig: KernelConfig): KernelConfig {
  return {
    ...orig,
    kernelFunc: stringFallback(orig, 'value', ({ inputs, backend, attrs }) => {
      const x = inputs.value as TensorInfo;
      const rank = x.shape.length;
      let axis = attrs.axis as number;
      if (axis < 0) axis += rank;
      const outShape = x.shape.filter((_, i) => i !== axis);
      const size = x.shape.slice();
      size[axis] = 1;
      const begin = new Array<number>(rank).fill(0);
      const outs: TensorInfo[] = [];
      for (let i = 0; i < (x.shape[axis] as number); i++) {
        begin[axis] = i;
        outs.push(sliceView(backend, x, begin, size, outShape));
      }
      return outs;
    }),
  };
}
