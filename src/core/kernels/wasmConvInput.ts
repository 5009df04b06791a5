/**
 * Conv2DBackpropInput for the wasm backend as a forward convolution.
 *
 * Why: tfjs-backend-wasm 4.22's Conv2DBackpropInput is a scalar C++ loop, about 15x slower here than its XNNPACK
 * forward Conv2D on the same sizes (2 s per step for one 3x3, 16 -> 32 layer at batch 32 on 48 x 64 maps). For
 * stride 1 the input gradient is a correlation of dy with the filter rotated 180 degrees and its channel axes
 * swapped, padded by (k - 1 - pad), which the forward kernel computes. Other strides keep tfjs's kernel.
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

/**
 * Conv2DBackpropInput kernel config for wasm. `orig` is tfjs's kernel (kept for strides > 1 and NCHW), `conv2d`
 * the wasm forward Conv2D. Inputs dy [N, OH, OW, Co], filter [KH, KW, Ci, Co]; output dx of attrs.inputShape.
 */
export function conv2dBackpropInputConfig(orig: KernelConfig, conv2d: KernelConfig): KernelConfig {
  const fallback = orig.kernelFunc as unknown as Call;
  const forward = conv2d.kernelFunc as unknown as Call;
  const kernelFunc = (args: Args): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const dy = inputs.dy as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    const inputShape = attrs.inputShape as [number, number, number, number];
    if ((attrs.dataFormat ?? 'NHWC') !== 'NHWC' || dy.dtype !== 'float32') return fallback(args);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      attrs.strides as [number, number],
      1,
      attrs.pad as 'same',
      attrs.dimRoundingMode as 'floor' | undefined,
      false,
      'channelsLast',
    );
    if (info.strideHeight !== 1 || info.strideWidth !== 1) return fallback(args);
    const {
      filterHeight: kh,
      filterWidth: kw,
      inChannels: ci,
      outChannels: co,
      inHeight: h,
      inWidth: w,
      outHeight: oh,
      outWidth: ow,
    } = info;
    const top = kh - 1 - info.padInfo.top;
    const left = kw - 1 - info.padInfo.left;
    const bottom = h - oh + kh - 1 - top;
    const right = w - ow + kw - 1 - left;
    if (top < 0 || left < 0 || bottom < 0 || right < 0) return fallback(args);
    // Rotated filter with channels swapped: wr[a, b, o, c] = f[kh-1-a, kw-1-b, c, o].
    const wr = backend.makeOutput([kh, kw, co, ci], 'float32');
    try {
      const fv = backend.typedArrayFromHeap(filter) as Float32Array;
      const wv = backend.typedArrayFromHeap(wr) as Float32Array;
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) {
          const src = ((kh - 1 - a) * kw + (kw - 1 - b)) * ci * co;
          const dst = (a * kw + b) * co * ci;
          for (let c = 0; c < ci; c++) {
            for (let o = 0; o < co; o++) wv[dst + o * ci + c] = fv[src + c * co + o] as number;
          }
        }
      }
      return forward({
        inputs: { x: dy, filter: wr },
        backend,
        attrs: {
          strides: [1, 1],
          dilations: [1, 1],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dimRoundingMode: undefined,
        },
      });
    } finally {
      backend.disposeData(wr.dataId);
    }
  };
  return { ...orig, kernelFunc: kernelFunc as unknown as KernelFunc };
}
