/**
 * The training benchmark's worker: one backend and one model per worker (a crash or a hung GPU backend costs
 * only that cell; the page terminates the worker on timeout). Reports steady-state training samples/s through
 * the app's trainModel and inference rows/s through predictBatched.
 */
import * as tf from '@tensorflow/tfjs';
import { log, partial, serve } from './rpc';
import { activateBackend } from './tfSetup';
import { MODEL_SPECS, buildModel, makeData, timeInference, timeTraining, type Caps } from './trainBench';
import type { BackendName, BenchModelId, ModelRun } from './types';

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

serve<{ backend: BackendName; model: BenchModelId; caps: Caps }>(async ({ backend, model: id, caps }) => {
  const b = await activateBackend(backend);
  if (!b.ok) return { value: { status: 'unavailable', detail: b.detail } satisfies ModelRun };
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
