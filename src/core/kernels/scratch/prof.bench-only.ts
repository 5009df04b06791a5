import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { installFastKernels } from '../install';
import { buildMeasureModel, type MeasureKind } from '../measureModels';
test('prof', async () => {
  await tf.setBackend('wasm');
  installFastKernels('wasm');
  const kind = (process.env.KIND ?? 'mlp') as MeasureKind;
  const { model, x, y } = buildMeasureModel(kind, Number(process.env.SCALE ?? 1));
  const opt = tf.train.adam(1e-3);
  const step = () => { const l = opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, true); l?.dataSync(); l?.dispose(); };
  step(); step();
  const reps = Number(process.env.REPS ?? 20);
  const agg = new Map<string, [number, number]>();
  for (let r = 0; r < reps; r++) {
    const p = await tf.profile(() => { step(); });
    for (const k of p.kernels) { const key = k.name + ' ' + JSON.stringify(k.inputShapes); const a = agg.get(key) ?? [0, 0]; a[0] += (k.kernelTimeMs as number); a[1]++; agg.set(key, a); }
  }
  const rows = [...agg.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 40);
  let tot = 0; for (const [, v] of agg) tot += v[0];
  console.log('total ms/step', (tot / reps).toFixed(2));
  for (const [k, v] of rows) console.log((v[0] / reps).toFixed(3), 'ms', (v[1] / reps), k);
  const t0 = performance.now(); for (let i = 0; i < reps; i++) step(); console.log('wall ms/step', ((performance.now() - t0) / reps).toFixed(2));
});
