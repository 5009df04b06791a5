/**
 * BatchMatMul / _FusedMatMul for the wasm backend that never multiply a transposed operand.
 *
 * Why: in tfjs-backend-wasm 4.22 only the plain (non-transposed) single-matrix product reaches XNNPACK; with
 * transposeA or transposeB it falls to a scalar loop that is 5-60x slower on this machine. tfjs's matMul gradient
 * always asks for transposed products (dA = dY B^T, dB = A^T dY), so every dense layer's backward pass took the
 * slow loop. Transposing explicitly (wasm's Transpose kernel is a fast copy) and then multiplying plainly gives the
 * same sums in the same order per output element, so results match to float rounding.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasmViews';

type Args = {
  inputs: Record<string, TensorInfo | undefined>;
  backend: WasmBackendLike;
  attrs: Record<string, unknown>;
};
type Call = (a: Args) => TensorInfo;

/** Product of all but the last two dims (1 for a plain matrix). */
function batchOf(shape: number[]): number {
  let p = 1;
  for (let i = 0; i < shape.length - 2; i++) p *= shape[i] as number;
  return p;
}

/** Swap the last two axes with the backend's own Transpose kernel. Shape: [..., m, n] -> [..., n, m]. */
function swapLast(transpose: Call, backend: WasmBackendLike, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  const perm = x.shape.map((_, i) => i);
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return transpose({ inputs: { x }, backend, attrs: { perm } });
}

/**
 * Wrap a wasm matMul kernel (BatchMatMul or _FusedMatMul, inputs `a`, `b`) so transposed single-matrix products
 * become an explicit transpose plus a plain product. Batched products (batch > 1) keep tfjs's path.
 */
export function untransposedMatMulConfig(orig: KernelConfig, transposeKernel: KernelConfig): KernelConfig {
  const call = orig.kernelFunc as unknown as Call;
  const transpose = transposeKernel.kernelFunc as unknown as Call;
  const kernelFunc = (args: Args): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    const ta = attrs.transposeA === true;
    const tb = attrs.transposeB === true;
    if (
      (!ta && !tb) ||
      batchOf(a.shape) !== 1 ||
      batchOf(b.shape) !== 1 ||
      a.dtype !== 'float32' ||
      b.dtype !== 'float32'
    ) {
      return call(args);
    }
    const temps: TensorInfo[] = [];
    const a2 = ta ? swapLast(transpose, backend, a) : a;
    if (ta) temps.push(a2);
    const b2 = tb ? swapLast(transpose, backend, b) : b;
    if (tb) temps.push(b2);
    try {
      return call({
        inputs: { ...inputs, a: a2, b: b2 },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
  return { ...orig, kernelFunc: kernelFunc as unknown as KernelFunc };
}
