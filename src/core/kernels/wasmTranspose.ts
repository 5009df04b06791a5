/**
 * Transpose for the wasm backend: swapping the last two axes (a matrix, or a batch of matrices) as a blocked JS
 * loop over heap views. Other permutations keep tfjs's kernel.
 *
 * Why: measured in this machine's Chromium (tfjs-backend-wasm 4.22), the wasm Transpose of a [256, 128] float32
 * matrix takes ~115 us where this loop takes ~33 us; every dense layer's backward pass transposes its input and
 * weights (see wasmMatMul.ts), and leading-axis reductions used to transpose too. Pure data movement: results are
 * bit-identical.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasmViews';

type Args = {
  inputs: Record<string, TensorInfo | undefined>;
  backend: WasmBackendLike;
  attrs: Record<string, unknown>;
};
type Call = (a: Args) => TensorInfo;

/** Block edge of the cache-friendly loop (16 x 16 floats = 1 KB per block each way). */
const BLOCK = 16;

/** Whether perm keeps every axis but swaps the last two (rank >= 2). */
function swapsLastTwo(perm: number[]): boolean {
  const r = perm.length;
  if (r < 2 || perm[r - 2] !== r - 1 || perm[r - 1] !== r - 2) return false;
  for (let i = 0; i < r - 2; i++) if (perm[i] !== i) return false;
  return true;
}

/** out[b][j][i] = x[b][i][j] for `batch` matrices of rows x cols, blocked for the cache. */
export function transposeInto(
  x: ArrayLike<number>,
  out: { [i: number]: number },
  batch: number,
  rows: number,
  cols: number,
): void {
  const size = rows * cols;
  for (let b = 0; b < batch; b++) {
    const base = b * size;
    for (let i0 = 0; i0 < rows; i0 += BLOCK) {
      const i1 = Math.min(rows, i0 + BLOCK);
      for (let j0 = 0; j0 < cols; j0 += BLOCK) {
        const j1 = Math.min(cols, j0 + BLOCK);
        for (let i = i0; i < i1; i++) {
          const src = base + i * cols;
          for (let j = j0; j < j1; j++) out[base + j * rows + i] = x[src + j] as number;
        }
      }
    }
  }
}

export function transposeConfig(orig: KernelConfig): KernelConfig {
  const fallback = orig.kernelFunc as unknown as Call;
  const kernelFunc = (args: Args): TensorInfo => {
    const x = args.inputs.x as TensorInfo;
    const perm = args.attrs.perm as number[];
    if (x.dtype === 'string' || x.dtype === 'complex64' || !swapsLastTwo(perm)) return fallback(args);
    const shape = x.shape;
    const r = shape.length;
    const rows = shape[r - 2] as number;
    const cols = shape[r - 1] as number;
    const outShape = perm.map((p) => shape[p] as number);
    const out = args.backend.makeOutput(outShape, x.dtype);
    const size = rows * cols;
    if (size === 0) return out;
    // Views after makeOutput: allocating may grow (and detach) the wasm memory.
    const xv = args.backend.typedArrayFromHeap(x);
    const ov = args.backend.typedArrayFromHeap(out);
    if (rows === 1 || cols === 1) ov.set(xv);
    else transposeInto(xv, ov, xv.length / size, rows, cols);
    return out;
  };
  return { ...orig, kernelFunc: kernelFunc as unknown as KernelFunc };
}
