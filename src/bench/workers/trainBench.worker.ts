/**
 * The training benchmark's worker: one backend and one model per worker (a crash or a hung GPU backend costs
 * only that cell; the page terminates the worker on timeout). Reports steady-state training samples/s through
 * the app's trainModel and inference rows/s through predictBatched.
 */
import * as tf from '@tensorflow/tfjs';
import { log, partial, serve } from '../rpc';
import { activateBackend } from './tfSetup';
import { MODEL_SPECS, buildModel, makeData, timeInference, timeTraining } from './trainBench';
import type { BenchBackend, BenchModelId, Caps, ModelRun } from '../types';

type KernelsModule = { installFastKernels?: (backend: string) => void };
// Looked up with a glob so the bench still builds if the kernels module moves; the app's train worker installs them.
const kernels = import.meta.glob<KernelsModule>('../../core/kernels/install.ts');

/** Install src/core/kernels' fast kernels for `backend`; returns a reason when they are not available. */
async function installFast(backend: string): Promise<string | undefined> {
  const load = kernels['../../core/kernels/install.ts'];
  const mod = load ? await load() : undefined;
  if (typeof mod?.installFastKernels !== 'function')
    return 'src/core/kernels/install.ts (installFastKernels) is not available';
  mod.installFastKernels(backend);
  return undefined;
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

serve<{ backend: BenchBackend; model: BenchModelId; caps: Caps }>(async ({ backend, model: id, caps }) => {
  const name = backend === 'wasm+fast' ? 'wasm' : backend;
  const b = await activateBackend(name);
  if (!b.ok) return { value: { status: 'unavailable', detail: b.detail } satisfies ModelRun };
  if (backend === 'wasm+fast') {
    const missing = await installFast(name);
    if (missing) return { value: { status: 'unavailable', detail: missing } satisfies ModelRun };
    b.detail += ', fast kernels';
  }
  const spec = MODEL_SPECS[id];
  const run: ModelRun = { status: 'ok', detail: b.detail, batch: spec.batch, inferBatch: spec.inferBatch };
  const { model, builtWith } = buildModel(spec);
  run.builtWith = builtWith;
  run.params = model.countParams();
  const data = makeData(spec);
  log(`train: ${backend}/${id} (${b.detail}; ${builtWith}; ${run.params} params)`);
  const infer = (): void => {
    try {
      Object.assign(run, timeInference(model, spec, data, caps));
    } catch (e) {
      run.inferError = errorText(e);
    }
    partial(run);
  };
  // Inference first (short) where allowed: on a slow backend the page may cut training short, and the figures
  // posted with partial() so far still reach the report.
  if (caps.inferFirst) infer();
  try {
    Object.assign(run, await timeTraining(model, spec, data, caps, (p) => partial({ ...run, ...p })));
  } catch (e) {
    run.trainError = errorText(e);
  }
  if (!caps.inferFirst) infer();
  if (run.trainError && run.inferError) run.status = 'error';
  model.dispose();
  tf.disposeVariables();
  return { value: run };
});
