/**
 * TensorFlow.js backends for the training benchmark: registers webgpu and wasm (wasm files served by Vite as
 * `?url` assets), and activates one backend by name, saying whether it started and on what (GPU renderer or
 * adapter, wasm SIMD).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../types';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// Threaded wasm crashes in the minified build (its pthread worker script is not bundled); same as the app.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

async function gpuDetail(name: BackendName): Promise<string> {
  if (name === 'webgl') {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return 'no WebGL2 context';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return r;
  }
  if (name === 'webgpu') {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    const a = (await gpu?.requestAdapter()) as
      | {
          isFallbackAdapter?: boolean;
          info?: { vendor?: string; architecture?: string; description?: string };
        }
      | null
      | undefined;
    if (!a) return 'no WebGPU adapter';
    const i = a.info ?? {};
    return [i.vendor, i.architecture, i.description].filter(Boolean).join(' ') || 'unnamed adapter';
  }
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return simd ? 'SIMD, 1 thread' : 'no SIMD, 1 thread';
  }
  return 'plain JavaScript kernels';
}

/** Activate `name`; ok false (with the reason) when tf.setBackend refuses or throws. */
export async function activateBackend(name: BackendName): Promise<{ ok: boolean; detail: string }> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return { ok: false, detail: `tf.setBackend('${name}') returned false` };
    await tf.ready();
    return { ok: true, detail: await gpuDetail(name).catch((e: unknown) => String(e)) };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
