/**
 * Tile, MaxPoolGrad and leading-axis Sum / Mean for the wasm backend, written over heap views.
 *
 * Why (measured on a CNN step at batch 32 on [96, 128, 16] maps, tfjs-backend-wasm 4.22): Tile of a per-channel
 * [1, 1, 1, C] vector to the feature map (batch norm's gradient) took 0.5-1.6 s, MaxPoolGrad 0.46 s, and Sum / Mean
 * over the batch and pixel axes (bias and batch-norm gradients) ~0.1 s each. Tile here is block copies doubled with
 * copyWithin; MaxPoolGrad is tfjs's CPU algorithm (first maximum in row-major window order wins); the reductions
 * transpose as a matrix first.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasmViews';

type Args = {
  inputs: Record<string, TensorInfo | undefined>;
  backend: WasmBackendLike;
  attrs: Record<string, unknown>;
};
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
        for (let i = 0; i < n; i++)
          fill(d + 1, inOff + i * (inStr[d] as number), outOff + i * (outStr[d] as number));
        block = n * (outStr[d] as number);
      }
      const total = block * (reps[d] as number);
      for (let done = block; done < total;) {
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
      x.shape as [number, number, number, number],
      a.filterSize as [number, number],
      a.strides as [number, number],
      1,
      a.pad as 'same',
      a.dimRoundingMode as 'floor' | undefined,
    );
    const {
      batchSize: n,
      inHeight: h,
      inWidth: w,
      inChannels: c,
      outHeight: oh,
      outWidth: ow,
      strideHeight: sh,
      strideWidth: sw,
    } = info;
    const {
      effectiveFilterHeight: fh,
      effectiveFilterWidth: fw,
      dilationHeight: dh,
      dilationWidth: dw,
    } = info;
    const out = args.backend.makeOutput(x.shape, 'float32');
    const xv = args.backend.typedArrayFromHeap(x) as Float32Array;
    const dyv = args.backend.typedArrayFromHeap(dy) as Float32Array;
    const dx = args.backend.typedArrayFromHeap(out) as Float32Array;
    dx.fill(0);
    const { top, left } = info.padInfo;
    if (
      fh === 2 &&
      fw === 2 &&
      sh === 2 &&
      sw === 2 &&
      top === 0 &&
      left === 0 &&
      2 * oh <= h &&
      2 * ow <= w
    ) {
      pool2x2Grad(xv, dyv, dx, n, h, w, c, oh, ow);
      return out;
    }
    for (let b = 0; b < n; b++) {
      for (let y = 0; y < oh; y++) {
        const y0 = y * sh - top;
        const r0 = y0 < 0 ? Math.ceil(-y0 / dh) * dh : 0;
        const r1 = Math.min(fh, h - y0);
        for (let xx = 0; xx < ow; xx++) {
          const x0 = xx * sw - left;
          const q0 = x0 < 0 ? Math.ceil(-x0 / dw) * dw : 0;
          const q1 = Math.min(fw, w - x0);
          const g = ((b * oh + y) * ow + xx) * c;
          for (let k = 0; k < c; k++) {
            // First maximum in row-major window order wins, as tfjs's CPU maxPoolPositions.
            let best = -Infinity;
            let at = -1;
            for (let r = r0; r < r1; r += dh) {
              let i = ((b * h + y0 + r) * w + x0 + q0) * c + k;
              for (let q = q0; q < q1; q += dw, i += dw * c) {
                const v = xv[i] as number;
                if (v > best) {
                  best = v;
                  at = i;
                }
              }
            }
            if (at >= 0) dx[at] = (dx[at] as number) + (dyv[g + k] as number);
          }
        }
      }
    }
    return out;
  });
}

/** MaxPoolGrad for the common 2x2 / stride 2 / unpadded pool: same first-maximum rule, no inner window loops. */
function pool2x2Grad(
  xv: Float32Array,
  dyv: Float32Array,
  dx: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
  oh: number,
  ow: number,
): void {
  const row = w * c;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const base = (b * h + 2 * y) * row;
      let g = (b * oh + y) * ow * c;
      for (let xx = 0; xx < ow; xx++) {
        const p00 = base + 2 * xx * c;
        for (let k = 0; k < c; k++, g++) {
          const i0 = p00 + k;
          const i1 = i0 + c;
          const i2 = i0 + row;
          const i3 = i2 + c;
          // Window order (0,0), (0,1), (1,0), (1,1); strict '>' keeps the first maximum.
          let at = -1;
          let best = -Infinity;
          if ((xv[i0] as number) > best) {
            best = xv[i0] as number;
            at = i0;
          }
          if ((xv[i1] as number) > best) {
            best = xv[i1] as number;
            at = i1;
          }
          if ((xv[i2] as number) > best) {
            best = xv[i2] as number;
            at = i2;
          }
          if ((xv[i3] as number) > best) at = i3;
          if (at >= 0) dx[at] = (dx[at] as number) + (dyv[g] as number);
        }
      }
    }
  }
}

/**
 * Sum or Mean kernel config for float32 reductions over a leading run of axes [0 .. k-1] (the batch and pixel axes
 * of NHWC maps, the batch axis of dense layers: bias and batch-norm gradients, batch moments). tfjs's kernel
 * transposes the input so the reduced axes are innermost (slowly, for N-d inputs); here x is the matrix
 * [outer, inner] and its rows are added in order into a float32 accumulator, the same additions in the same order
 * per output as tfjs's inner-axis loop (~6x faster than wasm's 2-D transpose plus reduce for [256, 128]).
 * Other reductions keep tfjs's kernel.
 */
export function leadingReduceConfig(orig: KernelConfig, mean = orig.kernelName === 'Mean'): KernelConfig {
  return wrap(orig, (args, fallback) => {
    const { backend } = args;
    const x = args.inputs.x as TensorInfo;
    if (x.dtype !== 'float32' || x.shape.length < 2) return fallback(args);
    const axes = tf.util.parseAxisParam(args.attrs.axis as number | number[], x.shape).sort((p, q) => p - q);
    const k = axes.length;
    if (k === 0 || k === x.shape.length || axes.some((v, i) => v !== i)) return fallback(args);
    const outer = tf.util.sizeFromShape(x.shape.slice(0, k));
    const inner = tf.util.sizeFromShape(x.shape.slice(k));
    if (outer === 1 || inner === 1) return fallback(args);
    const outShape = args.attrs.keepDims ? x.shape.map((s, i) => (i < k ? 1 : s)) : x.shape.slice(k);
    const out = backend.makeOutput(outShape, 'float32');
    const xv = backend.typedArrayFromHeap(x) as Float32Array;
    const ov = backend.typedArrayFromHeap(out) as Float32Array;
    ov.set(xv.subarray(0, inner));
    for (let r = 1; r < outer; r++) {
      const base = r * inner;
      for (let j = 0; j < inner; j++) ov[j] = (ov[j] as number) + (xv[base + j] as number);
    }
    if (mean) for (let j = 0; j < inner; j++) ov[j] = (ov[j] as number) / outer;
    return out;
  });
}
