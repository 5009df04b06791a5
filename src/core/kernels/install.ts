/**
 * installFastKernels: replace the tfjs kernels that make training slow (or impossible) on a backend.
 *
 * On 'wasm' (tfjs-backend-wasm 4.22), measured on the 2-core target machine:
 * - BatchMatMul, _FusedMatMul: transposed products become explicit transpose + plain XNNPACK product
 *   (every dense layer's backward pass; see wasmMatMul.ts);
 * - Slice, SplitV, Unpack: copy only what each output needs instead of the whole input per output
 *   (recurrent layers, concat gradients; see wasmViews.ts); Identity shares memory instead of copying;
 * - Conv2DBackpropFilter: registered at all (missing in tfjs-backend-wasm), so Conv1D / Conv2D layers train
 *   (see wasmConvGrad.ts); Conv2DBackpropInput as an XNNPACK forward convolution (wasmConvInput.ts);
 * - Tile, MaxPoolGrad, Sum / Mean over leading axes: heap-view loops (batch norm, pooling, bias gradients;
 *   see wasmReduce.ts); Transpose of the last two axes: a blocked loop (wasmTranspose.ts);
 * - UnsortedSegmentSum: registered at all (missing in tfjs-backend-wasm), so Embedding layers train (wasmSegment.ts).
 * Other backends are left alone: nothing here was measured to help them.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { untransposedMatMulConfig } from './wasmMatMul';
import { conv2dBackpropFilterConfig } from './wasmConvGrad';
import { conv2dBackpropInputConfig } from './wasmConvInput';
import { leadingReduceConfig, maxPoolGradConfig, tileConfig } from './wasmReduce';
import { identityConfig, sliceConfig, splitVConfig, unpackConfig } from './wasmViews';
import { unsortedSegmentSumConfig } from './wasmSegment';
import { transposeConfig } from './wasmTranspose';

/** tfjs's own kernel configs we replaced, per backend, so uninstall can put them back. */
const originals = new Map<string, KernelConfig[]>();
/** Names of kernels we added that tfjs did not have (removed on uninstall). */
const added = new Map<string, string[]>();

function replace(cfg: KernelConfig, saved: KernelConfig[]): void {
  const old = tf.getKernel(cfg.kernelName, cfg.backendName);
  if (old) {
    saved.push(old);
    tf.unregisterKernel(cfg.kernelName, cfg.backendName);
  }
  tf.registerKernel(cfg);
}

function need(name: string, backend: string): KernelConfig {
  const k = tf.getKernel(name, backend);
  if (!k) {
    throw new Error(
      `installFastKernels('${backend}'): tfjs kernel '${name}' is not registered. Import '@tensorflow/tfjs-backend-${backend}' before installing fast kernels.`,
    );
  }
  return k;
}

function installWasm(): void {
  const saved: KernelConfig[] = [];
  const mine: string[] = [];
  const transpose = transposeConfig(need('Transpose', 'wasm'));
  replace(transpose, saved);
  const batchMatMul = need('BatchMatMul', 'wasm');
  replace(untransposedMatMulConfig(batchMatMul, transpose), saved);
  replace(untransposedMatMulConfig(need('_FusedMatMul', 'wasm'), transpose), saved);
  replace(sliceConfig(need('Slice', 'wasm')), saved);
  replace(splitVConfig(need('SplitV', 'wasm')), saved);
  replace(unpackConfig(need('Unpack', 'wasm')), saved);
  replace(identityConfig(need('Identity', 'wasm')), saved);
  replace(conv2dBackpropInputConfig(need('Conv2DBackpropInput', 'wasm'), need('Conv2D', 'wasm')), saved);
  replace(tileConfig(need('Tile', 'wasm')), saved);
  replace(maxPoolGradConfig(need('MaxPoolGrad', 'wasm')), saved);
  replace(leadingReduceConfig(need('Sum', 'wasm')), saved);
  replace(leadingReduceConfig(need('Mean', 'wasm')), saved);
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    // Uses the ORIGINAL BatchMatMul (its operands are never transposed here).
    tf.registerKernel(conv2dBackpropFilterConfig(batchMatMul));
    mine.push('Conv2DBackpropFilter');
  }
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    // Embedding layers' gradient (see wasmSegment.ts).
    tf.registerKernel(unsortedSegmentSumConfig());
    mine.push('UnsortedSegmentSum');
  }
  originals.set('wasm', saved);
  added.set('wasm', mine);
}

/**
 * Register the kernel overrides that speed up training on `backendName` (currently: 'wasm'; a no-op for the
 * others). Idempotent; call it after importing the backend package and before training (it may be called before
 * or after tf.setBackend). Results match tfjs's own kernels to float rounding. Throws if the backend's package was
 * not imported.
 */
export function installFastKernels(backendName: string): void {
  if (originals.has(backendName)) return;
  if (backendName === 'wasm') installWasm();
}

/** Put tfjs's own kernels back for `backendName` (used by tests to compare with and without the overrides). */
export function uninstallFastKernels(backendName: string): void {
  const saved = originals.get(backendName);
  if (!saved) return;
  for (const name of added.get(backendName) ?? []) tf.unregisterKernel(name, backendName);
  for (const cfg of saved) {
    tf.unregisterKernel(cfg.kernelName, cfg.backendName);
    tf.registerKernel(cfg);
  }
  originals.delete(backendName);
  added.delete(backendName);
}

/** Whether installFastKernels(backendName) is in effect. */
export function fastKernelsInstalled(backendName: string): boolean {
  return originals.has(backendName);
}
