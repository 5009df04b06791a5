/**
 * TensorFlow.js backend selection inside a worker.
 *
 * Auto picks a GPU backend only for a real GPU: a software-emulated one (SwiftShader,
 * llvmpipe, as in headless Chromium) trained ~45x (WebGPU) and ~5x (WebGL) slower than
 * WASM+SIMD on a 2-core machine, so it counts as none.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { installFastKernels } from '../core/kernels';
import type { BackendChoice, BackendName } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// Threaded WASM crashed in the minified production build (`ReferenceError: e is not defined`,
// its pthread worker script is not bundled), and two threads did not speed up training here.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const SOFTWARE = /swiftshader|llvmpipe|software|basic render|mesa offscreen/i;

interface GpuInfo {
  webgpu: 'real' | 'software' | 'none';
  webgl: 'real' | 'software' | 'none';
  detail: string[];
}

async function probeGpu(): Promise<GpuInfo> {
  const detail: string[] = [];
  let webgpu: GpuInfo['webgpu'] = 'none';
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (gpu) {
    try {
      const adapter = (await gpu.requestAdapter()) as {
        isFallbackAdapter?: boolean;
        info?: { vendor?: string; architecture?: string; description?: string };
      } | null;
      if (adapter) {
        const info = adapter.info ?? {};
        const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
        webgpu = adapter.isFallbackAdapter || SOFTWARE.test(name) || name.trim() === '' ? 'software' : 'real';
        detail.push(`WebGPU adapter: ${name || 'unnamed'}`);
      }
    } catch {
      /* no adapter */
    }
  }
  let webgl: GpuInfo['webgl'] = 'none';
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(
        ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
      );
      webgl = SOFTWARE.test(renderer) ? 'software' : 'real';
      detail.push(`WebGL renderer: ${renderer}`);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    /* no webgl in this worker */
  }
  return { webgpu, webgl, detail };
}

let probed: Promise<GpuInfo> | undefined;

/** Which backend auto picks here, and a sentence saying why. */
export async function autoBackend(): Promise<{
  backend: BackendName;
  reason: string;
  available: BackendName[];
}> {
  probed ??= probeGpu();
  const g = await probed;
  const available: BackendName[] = ['wasm', 'cpu'];
  if (g.webgl !== 'none') available.unshift('webgl');
  if (g.webgpu !== 'none') available.unshift('webgpu');
  if (g.webgpu === 'real')
    return { backend: 'webgpu', reason: `a real GPU is present (${g.detail.join('; ')})`, available };
  if (g.webgl === 'real')
    return { backend: 'webgl', reason: `a real GPU is present (${g.detail.join('; ')})`, available };
  const why =
    g.webgpu === 'software' || g.webgl === 'software'
      ? 'the only GPU is software-emulated'
      : 'no GPU is available';
  return { backend: 'wasm', reason: `${why}, and WASM with SIMD is fastest on the CPU`, available };
}

/** Activate a backend, falling back (wasm, then cpu) when it cannot start. */
export async function useBackend(choice: BackendChoice): Promise<{ backend: BackendName; reason: string }> {
  let wanted: BackendName;
  let reason: string;
  if (choice === 'auto') {
    const a = await autoBackend();
    wanted = a.backend;
    reason = `auto: ${a.reason}`;
  } else {
    wanted = choice;
    reason = 'chosen by you';
  }
  const order: BackendName[] = [wanted, ...(['wasm', 'cpu'] as BackendName[]).filter((b) => b !== wanted)];
  for (const b of order) {
    try {
      // setBackend returns false (rather than throwing) when, e.g., no WebGPU adapter exists.
      if (tf.getBackend() === b || (await tf.setBackend(b))) {
        await tf.ready();
        // Faster wasm kernels (transposed matMul, view-based slices, Conv2D gradients); a no-op elsewhere.
        installFastKernels(b);
        if (b !== wanted) reason = `${wanted} could not start here, fell back to ${b}`;
        return { backend: b, reason };
      }
    } catch {
      /* try the next one */
    }
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}
