/**
 * Tile, MaxPoolGrad and leading-axis Sum / Mean for the wasm backend, written over heap views.
 *
 * Why (measured on a CNN step at batch 32 on [96, 128, 16] maps, tfjs-backend-wasm 4.22): Tile of a per-channel
 * [1, 1, 1, C] vector to the feature map (batch norm's gradient) took 0.5-1.6 s, MaxPoolGrad 0.46 s, and Sum / Mean
 * over the batch and pixel axes (bias and batch-norm gradients) ~0.1 s each. Tile here is block copies doubled with
 * copyWithin; MaxPoolGrad is tfjs's CPU algorithm (first maximum in row-major window order wins); the reductions
 * are one matMul with a ones vector.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasmViews';

type Args = { inputs: Record<string, TensorInfo | undefined>; backend: WasmBackendLike; attrs: Record<string, unknown> };
type Call = (a: Args) => TensorInfo;

function wrap(orig: KernelConfig, own: (a: Args, fallback: Call) => TensorInfo): KernelConfig {
  const fallback = orig.kernelFunc as unknown as Call;
  return { ...orig, kernelFunc: ((a: Args) => own(a, fallback)) as unknown as KernelFunc };
}

/** Tile kernel config: out[i] = x[i mod x.shape] with out.shape = x.shape * reps. Any numeric dtype. */
export function tileConfig(orig: KernelConfig): KernelConfig {
  return wrap(orig, (args, fallback) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string' || x.shape.length === 0) return fallback(args);
    const reps = args.attrs.reps as number[];
    const shape = x.shape;
    const rank = shape.length;
    const outShape = shape.map((s, i) => s * (reps[i] as number));
    const out = args.backend.makeOutput(outShape, x.dtype);
    if (tf.util.sizeFromShape(outShape) === 0) return out;
    const xv = args.backend.typedArrayFromHeap(x);
    const ov = args.backend.typedArrayFromHeap(out);
    const inStr = [...tf.util.computeStrides(shape), 1];
    const outStr = [...tf.util.computeStrides(outShape), 1];
    const fill = (d: number, inOff: number, outOff: number): void => {
      const n = shape[d] as number;
      let block: number;
      if (d === rank - 1) {
        ov.set(xv.subarray(inOff, inOff + n), outOff);
        block = n;
      } else {
        for (let i = 0; i < n; i++) fill(d + 1, inOff + i * (inStr[d] as number), outOff + i * (outStr[d] as number));
        block = n * (outStr[d] as number);
      }
      const total = block * (reps[d] as number);
      for (let done = block; done < total; ) {
        const k = Math.min(done, total - done);
        ov.copyWithin(outOff + done, outOff, outOff + k);
        done += k;
      }
    };
    fill(0, 0, 0);
    return out;
  });
}

/** MaxPoolGrad kernel config (NHWC). Inputs dy [N, OH, OW, C], input x [N, H, W, C]; output dx like x. */
export function maxPoolGradConfig(orig: KernelConfig): KernelConfig {
  return wrap(orig, (args, fallback) => {
    const dy = args.inputs.dy as TensorInfo;
    const x = args.inputs.input as TensorInfo;
    if (x.dtype !== 'float32') return fallback(args);
    const a = args.attrs;
    const info = tf.backend_util.computePool2DInfo(
      x.shape as [number, number, number, number], a.filterSize as [number, number], a.strides as [number, number], 1,
      a.pad as 'same', a.dimRoundingMode as 'floor' | undefined,
    );
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    const { effectiveFilterHeight: fh, effectiveFilterWidth: fw, dilationHeight: dh, dilationWidth: dw } = info;
    const out = args.backend.makeOutput(x.shape, 'float32');
    const xv = args.backend.typedArrayFromHeap(x) as Float32Array;
    const dyv = args.backend.typedArrayFromHeap(dy) as Float32Array;
    const dx = args.backend.typedArrayFromHeap(out) as Float32Array;
    dx.fill(0);
    const best = new Float32Array(c);
    const at = new Int32Array(c);
    for (let b = 0; b < n; b++) {
      for (let y = 0; y < oh; y++) {
        const y0 = y * sh - info.padInfo.top;
        for (let xx = 0; xx < ow; xx++) {
          const x0 = xx * sw - info.padInfo.left;
          best.fill(-Infinity);
          at.fill(-1);
          for (let r = 0; r < fh; r += dh) {
            const iy = y0 + r;
            if (iy < 0 || iy >= h) continue;
            for (let q = 0; q < fw; q += dw) {
              const ix = x0 + q;
              if (ix < 0 || ix >= w) continue;
              const base = ((b * h + iy) * w + ix) * c;
              for (let k = 0; k < c; k++) {
                const v = xv[base + k] as number;
                if (v > (best[k] as number)) {
                  best[k] = v;
                  at[k] = base + k;
                }
              }
            }
          }
          const g = ((b * oh + y) * ow + xx) * c;
          for (let k = 0; k < c; k++) {
            const i = at[k] as number;
            if (i >= 0) dx[i] = (dx[i] as number) + (dyv[g + k] as number);
          }
        }
      }
    }
    return out;
  });
}

/**
 * Sum or Mean kernel config that handles float32 reductions over a leading run of axes [0 .. k-1] (the batch and
 * pixel axes of NHWC maps; bias and batch-norm gradients) as ones[1, outer] @ x[outer, inner] on XNNPACK (20x
 * faster here than the wasm Sum kernel, which transposes first); other reductions keep tfjs's kernel.
 */
export function leadingReduceConfig(orig: KernelConfig, batchMatMul: KernelConfig, mean: boolean): KernelConfig {
  const matMul = batchMatMul.kernelFunc as unknown as Call;
  return wrap(orig, (args, fallback) => {
    const { backend } = args;
    const x = args.inputs.x as TensorInfo;
    if (x.dtype !== 'float32' || x.shape.length < 2) return fallback(args);
    const axes = tf.util.parseAxisParam(args.attrs.axis as number | number[], x.shape).sort((p, q) => p - q);
    const k = axes.length;
    if (k === 0 || k === x.shape.length || axes.some((v, i) => v !== i)) return fallback(args);
    const outer = tf.util.sizeFromShape(x.shape.slice(0, k));
    const inner = tf.util.sizeFromShape(x.shape.slice(k));
    const outShape = args.attrs.keepDims ? x.shape.map((s, i) => (i < k ? 1 : s)) : x.shape.slice(k);
    const ones = backend.makeOutput([1, outer], 'float32');
    let out: TensorInfo;
    try {
      (backend.typedArrayFromHeap(ones) as Float32Array).fill(1);
      const x2 = { dataId: x.dataId, dtype: x.dtype, shape: [outer, inner] };
      out = matMul({ inputs: { a: ones, b: x2 }, backend, attrs: { transposeA: false, transposeB: false } });
    } finally {
      backend.disposeData(ones.dataId);
    }
    if (mean) {
      const ov = backend.typedArrayFromHeap(out) as Float32Array;
      for (let j = 0; j < inner; j++) ov[j] = (ov[j] as number) / outer;
    }
    out.shape = outShape;
    return out;
  });
}
