/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 does not ship (so neither Conv2D nor
 * Conv1D layers could train on wasm: "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'").
 *
 * Stride 1 (every conv layer in the zoo) uses a transposed im2col on a padded grid and ONE plain XNNPACK matMul:
 * lay the zero-padded input out channel-major as xpT [Ci, R] over the R = N * Hp * Wp padded pixels, and place dy
 * at the top-left of the same grid (dyp [R', Co]). Then for every tap (kh, kw) the contributing input pixel of grid
 * row r is r + kh * Wp + kw, so the shifted windows are contiguous runs of xpT; stacking the KH * KW * Ci runs gives
 * colsT [KH * KW * Ci, R'] and dW = colsT @ dyp, already in tfjs's [KH, KW, Ci, Co] filter layout. Other strides
 * and NCHW use a direct loop (correct, slower).
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

interface Geometry {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  sh: number;
  sw: number;
  top: number;
  left: number;
}

/** Read shapes, padding and strides through tfjs's own conv arithmetic (so 'same' padding splits identically). */
function geometry(x: TensorInfo, dy: TensorInfo, attrs: Record<string, unknown>): Geometry {
  const filterShape = attrs.filterShape as [number, number, number, number];
  const dataFormat = tf.backend_util.convertConv2DDataFormat(
    (attrs.dataFormat as 'NHWC' | 'NCHW' | undefined) ?? 'NHWC',
  );
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    attrs.strides as [number, number],
    1,
    attrs.pad as 'same',
    attrs.dimRoundingMode as 'floor' | undefined,
    false,
    dataFormat,
  );
  if (info.outHeight !== dy.shape[dataFormat === 'channelsLast' ? 1 : 2])
    throw new Error('Conv2DBackpropFilter: dy does not match the conv geometry.');
  return {
    n: info.batchSize,
    h: info.inHeight,
    w: info.inWidth,
    ci: info.inChannels,
    co: info.outChannels,
    kh: info.filterHeight,
    kw: info.filterWidth,
    oh: info.outHeight,
    ow: info.outWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}

/** Stride-1 NHWC filter gradient via colsT @ dyp (see the file comment). Shape: -> [KH * KW * Ci, Co]. */
function stride1(
  g: Geometry,
  x: TensorInfo,
  dy: TensorInfo,
  backend: WasmBackendLike,
  matMul: Call,
): TensorInfo {
  const { n, h, w, ci, co, kh, kw, oh, ow, top, left } = g;
  const hp = oh + kh - 1;
  const wp = ow + kw - 1;
  const rows = n * hp * wp;
  const reach = (kh - 1) * wp + (kw - 1);
  const used = rows - reach;
  const taps = kh * kw * ci;
  const cols = backend.makeOutput([taps, used], 'float32');
  const dyp = backend.makeOutput([used, co], 'float32');
  try {
    const xv = backend.typedArrayFromHeap(x) as Float32Array;
    const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
    const cv = backend.typedArrayFromHeap(cols) as Float32Array;
    const dv = backend.typedArrayFromHeap(dyp) as Float32Array;
    // Padded input, channel-major (input rows/cols beyond the padded grid are cropped, as the conv ignores them).
    const xpT = new Float32Array(ci * rows);
    const hUse = Math.min(h, hp - top);
    const wUse = Math.min(w, wp - left);
    for (let b = 0; b < n; b++) {
      for (let y = 0; y < hUse; y++) {
        const src = (b * h + y) * w * ci;
        const dst = (b * hp + y + top) * wp + left;
        if (ci === 1) {
          xpT.set(xv.subarray(src, src + wUse), dst);
          continue;
        }
        for (let xx = 0; xx < wUse; xx++) {
          const s = src + xx * ci;
          for (let c = 0; c < ci; c++) xpT[c * rows + dst + xx] = xv[s + c] as number;
        }
      }
    }
    let row = 0;
    for (let a = 0; a < kh; a++) {
      for (let bb = 0; bb < kw; bb++) {
        const shift = a * wp + bb;
        for (let c = 0; c < ci; c++, row++) {
          const s = c * rows + shift;
          cv.set(xpT.subarray(s, s + used), row * used);
        }
      }
    }
    dv.fill(0);
    const run = ow * co;
    for (let b = 0; b < n; b++) {
      for (let y = 0; y < oh; y++) {
        const src = (b * oh + y) * run;
        dv.set(dyv.subarray(src, src + run), (b * hp + y) * wp * co);
      }
    }
    return matMul({ inputs: { a: cols, b: dyp }, backend, attrs: { transposeA: false, transposeB: false } });
  } finally {
    backend.disposeData(cols.dataId);
    backend.disposeData(dyp.dataId);
  }
}

/** Any stride, NHWC or NCHW: the textbook sum, accumulated in float64. Shape: -> [KH, KW, Ci, Co]. */
function direct(
  g: Geometry,
  x: TensorInfo,
  dy: TensorInfo,
  backend: WasmBackendLike,
  nchw: boolean,
): TensorInfo {
  const { n, h, w, ci, co, kh, kw, oh, ow, sh, sw, top, left } = g;
  const acc = new Float64Array(kh * kw * ci * co);
  const out = backend.makeOutput([kh, kw, ci, co], 'float32');
  const xv = backend.typedArrayFromHeap(x);
  const dyv = backend.typedArrayFromHeap(dy);
  const xAt = nchw
    ? (b: number, y: number, xx: number, c: number) => ((b * ci + c) * h + y) * w + xx
    : (b: number, y: number, xx: number, c: number) => ((b * h + y) * w + xx) * ci + c;
  const dyAt = nchw
    ? (b: number, y: number, xx: number, c: number) => ((b * co + c) * oh + y) * ow + xx
    : (b: number, y: number, xx: number, c: number) => ((b * oh + y) * ow + xx) * co + c;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        for (let a = 0; a < kh; a++) {
          const iy = y * sh - top + a;
          if (iy < 0 || iy >= h) continue;
          for (let bb = 0; bb < kw; bb++) {
            const ix = xx * sw - left + bb;
            if (ix < 0 || ix >= w) continue;
            for (let c = 0; c < ci; c++) {
              const xval = xv[xAt(b, iy, ix, c)] as number;
              if (xval === 0) continue;
              const base = ((a * kw + bb) * ci + c) * co;
              for (let o = 0; o < co; o++)
                acc[base + o] = (acc[base + o] as number) + xval * (dyv[dyAt(b, y, xx, o)] as number);
            }
          }
        }
      }
    }
  }
  (backend.typedArrayFromHeap(out) as Float32Array).set(acc);
  return out;
}

/**
 * Conv2DBackpropFilter kernel config for wasm. `batchMatMul` is the (already registered) wasm BatchMatMul config.
 * Inputs x [N, H, W, Ci] and dy [N, OH, OW, Co] (NHWC); attrs as tfjs's conv2d gradient passes them.
 */
export function conv2dBackpropFilterConfig(batchMatMul: KernelConfig): KernelConfig {
  const matMul = batchMatMul.kernelFunc as unknown as Call;
  const kernelFunc = ({ inputs, backend, attrs }: Args): TensorInfo => {
    const x = inputs.x as TensorInfo;
    const dy = inputs.dy as TensorInfo;
    const g = geometry(x, dy, attrs);
    const nchw = attrs.dataFormat === 'NCHW';
    if (nchw || g.sh !== 1 || g.sw !== 1) return direct(g, x, dy, backend, nchw);
    const out = stride1(g, x, dy, backend, matMul);
    out.shape = [g.kh, g.kw, g.ci, g.co];
    return out;
  };
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
  };
}
