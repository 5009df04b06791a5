/**
 * Host memory for the whole-sequence LSTM (lstmOp.ts): tensors JS reads and writes in place, and a repeated small
 * matrix product against one fixed tensor, without tfjs's per-op engine overhead.
 *
 * Why: on tfjs-backend-wasm 4.22 in this machine's Chromium/Node, reading a 4 MB tensor with dataSync costs ~10 ms
 * and uploading one ~5 ms (a fresh ArrayBuffer each way), while the LSTM's own arithmetic for a whole batch is ~30 ms.
 * And each tf.matMul + dataSync of a per-step [32, 64] x [64, 256] product costs ~120 us where XNNPACK needs ~34 us.
 * So on wasm the big operands live on the wasm heap and JS works on Float32Array views of it, and the per-step
 * product calls the backend's exported BatchMatMul directly on heap tensors it registered. XNNPACK caches its packed
 * weights per operand-b tensor id, so b (the recurrent kernel) is packed once per pass, not once per step.
 * Elsewhere (cpu) plain Float32Arrays and tf ops do the same job.
 *
 * Views of the wasm heap are invalidated whenever the heap grows (any allocation may grow it): take them with
 * view() / run() right before use, never across a call that may allocate.
 */
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's module and backend used here (structural: the package is not imported). */
interface WasmModule {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  /** tfjs::wasm::BatchMatMul(a_id, a_shape*, a_rank, b_id, b_shape*, b_rank, transpose_a, transpose_b, out_id). */
  _BatchMatMul(
    aId: number,
    aShape: number,
    aRank: number,
    bId: number,
    bShape: number,
    bRank: number,
    ta: number,
    tb: number,
    outId: number,
  ): void;
}
interface WasmBackend {
  wasm: WasmModule;
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  disposeData(dataId: object): boolean;
}

/** The active wasm backend when it exposes what these helpers need, else null (then the portable path runs). */
export function wasmBackend(): WasmBackend | null {
  if (tf.getBackend() !== 'wasm') return null;
  const b = tf.backend() as unknown as Partial<WasmBackend>;
  const ok =
    b.wasm &&
    typeof b.wasm._BatchMatMul === 'function' &&
    typeof b.wasm._malloc === 'function' &&
    b.dataIdMap &&
    typeof b.makeOutput === 'function';
  return ok ? (b as WasmBackend) : null;
}

function entry(w: WasmBackend, dataId: object): { id: number; memoryOffset: number } {
  const e = w.dataIdMap.get(dataId);
  if (!e) throw new Error('lstmHost: tensor is not on the wasm backend');
  return e;
}

function heapF32(w: WasmBackend, dataId: object, size: number): Float32Array {
  return new Float32Array(w.wasm.HEAPU8.buffer, entry(w, dataId).memoryOffset, size);
}

/**
 * A tensor's float32 values to read: a view of the wasm heap on wasm (no copy; valid until the next allocation),
 * dataSync elsewhere. Do not write to it.
 */
export function readValues(t: tf.Tensor): Float32Array {
  const w = wasmBackend();
  if (w && t.dtype === 'float32') return heapF32(w, t.dataId, t.size);
  return t.dataSync() as Float32Array;
}

/**
 * A float32 tensor of `shape` that JS fills in place, then hands to tfjs with tensor(). On wasm it is heap memory
 * from the start (no upload); elsewhere a Float32Array uploaded by tensor(). Contents start undefined on wasm:
 * write every element. Call tensor() exactly once, or dispose().
 */
export class Fillable {
  private readonly w = wasmBackend();
  private readonly info: TensorInfo | null;
  private readonly host: Float32Array | null;
  private readonly size: number;

  constructor(readonly shape: number[]) {
    this.size = tf.util.sizeFromShape(shape);
    this.info = this.w ? this.w.makeOutput(shape, 'float32') : null;
    this.host = this.w ? null : new Float32Array(this.size);
  }

  /** The values to write; on wasm re-take it after anything that may allocate on the heap. */
  view(): Float32Array {
    if (this.host) return this.host;
    return heapF32(this.w as WasmBackend, (this.info as TensorInfo).dataId, this.size);
  }

  /** The filled tensor (owned by the caller). */
  tensor(): tf.Tensor {
    if (this.host) return tf.tensor(this.host, this.shape, 'float32');
    return tf.engine().makeTensorFromTensorInfo(this.info as TensorInfo);
  }

  dispose(): void {
    if (this.w && this.info) this.w.disposeData(this.info.dataId);
  }
}

/**
 * Repeated products out = a b for one fixed b [k, n] (a tfjs tensor that must stay alive until dispose) and a
 * JS-filled a [m, k]. Usage per product: fill input(), then read run() (out [m, n], row-major).
 */
export interface RowProduct {
  /** The a operand [m, k] to fill (re-take it after each run()). */
  input(): Float32Array;
  /** Compute and return out [m, n]; valid until the next run() or heap allocation. */
  run(): Float32Array;
  dispose(): void;
}

/** A RowProduct on the active backend: XNNPACK called directly on wasm, tf.matMul + dataSync elsewhere. */
export function rowProduct(b: tf.Tensor2D, m: number): RowProduct {
  const [k, n] = b.shape;
  const w = wasmBackend();
  if (!w) {
    const a = new Float32Array(m * k);
    return {
      input: () => a,
      run: () => {
        const t = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, k]), b));
        const v = t.dataSync() as Float32Array;
        t.dispose();
        return v;
      },
      dispose: () => {},
    };
  }
  const aInfo = w.makeOutput([m, k], 'float32');
  const oInfo = w.makeOutput([m, n], 'float32');
  // Shapes as the kernel wants them: rank 3 with batch 1 (the only case that reaches XNNPACK), a then b.
  const shapes = w.wasm._malloc(6 * 4) >>> 0;
  w.wasm.HEAP32.set([1, m, k, 1, k, n], shapes >> 2);
  const ids = [entry(w, aInfo.dataId).id, entry(w, b.dataId).id, entry(w, oInfo.dataId).id] as const;
  return {
    input: () => heapF32(w, aInfo.dataId, m * k),
    run: () => {
      w.wasm._BatchMatMul(ids[0], shapes, 3, ids[1], shapes + 12, 3, 0, 0, ids[2]);
      return heapF32(w, oInfo.dataId, m * n);
    },
    dispose: () => {
      w.wasm._free(shapes);
      w.disposeData(aInfo.dataId);
      w.disposeData(oInfo.dataId);
    },
  };
}

/**
 * A small pool of Float32Arrays by length, so each training step reuses the forward pass's saved activations
 * (~7 MB for LSTM(64) over 128 steps at batch 32; allocating them fresh costs ~2 ms a step).
 */
const pool = new Map<number, Float32Array[]>();
const POOL_MAX = 8;

export function takeArray(length: number): Float32Array {
  return pool.get(length)?.pop() ?? new Float32Array(length);
}

export function giveArray(a: Float32Array): void {
  const list = pool.get(a.length) ?? [];
  if (list.length < POOL_MAX) list.push(a);
  pool.set(a.length, list);
}
