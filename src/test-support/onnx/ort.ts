/**
 * Running an exported model with onnxruntime-web (its wasm backend) in Node, for the exporter's tests: the same
 * runtime a browser would use, so "matches tfjs" means matches where the model will run.
 */
import * as ort from 'onnxruntime-web';

// One thread: vitest runs each file in a forked process, and the threaded build would start worker threads there.
ort.env.wasm.numThreads = 1;

/** One input: row-major data with its full shape (batch first). */
export interface Feed {
  data: Float32Array | Int32Array;
  shape: number[];
}

/** Run the model once. Returns each output's data (float32) and shape, by output name. */
export async function runOnnx(
  bytes: Uint8Array,
  feeds: Record<string, Feed>,
): Promise<Record<string, { data: Float32Array; shape: number[] }>> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, f] of Object.entries(feeds)) {
      inputs[name] = new ort.Tensor(f.data instanceof Int32Array ? 'int32' : 'float32', f.data, f.shape);
    }
    const results = await session.run(inputs);
    const out: Record<string, { data: Float32Array; shape: number[] }> = {};
    for (const [name, t] of Object.entries(results)) {
      out[name] = { data: Float32Array.from(t.data as Float32Array), shape: t.dims.slice() };
    }
    return out;
  } finally {
    await session.release();
  }
}
