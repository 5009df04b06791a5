/**
 * Training throughput on tfjs-backend-wasm in Node, with and without installFastKernels. Not a unit test: run via
 * measure.config.ts. Figures: tfjs stock kernels + tf.train.adam; installFastKernels; installFastKernels + FastAdam. Models follow issue 5's benchmark: MLP 30-128-64-1 batch 256; 2D CNN (zoo defaults: 16/32/64
 * 3x3 filters, batch norm, max pool 2, global average pool, dense 32) on [96, 128, 1] batch 32; LSTM(64) over
 * [128, 20] batch 32.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { installFastKernels, uninstallFastKernels } from '../../core/kernels/install';
import { FastAdam } from '../../core/kernels/fastAdam';
import { buildMeasureModel, type MeasureKind } from './measureModels';

const kinds = (process.env.MEASURE ?? 'mlp,cnn,lstm,fastlstm').split(',') as MeasureKind[];

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Samples per second of optimizer.minimize over model.apply(x, {training: true}) with MSE, by wall clock and by
 * this process's CPU time (the machine is shared, so CPU time is the steadier figure).
 */
function trainRate(kind: MeasureKind, seconds: number, fastAdam: boolean): { wall: number; cpu: number } {
  const { model, x, y, batch } = buildMeasureModel(kind, 1);
  const opt = fastAdam ? new FastAdam(1e-3) : tf.train.adam(1e-3);
  const step = (): void => {
    const loss = opt.minimize(
      () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
    );
    loss?.dataSync();
    loss?.dispose();
  };
  step();
  step();
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (performance.now() - t0 < seconds * 1000 || n < 3) {
    step();
    n++;
  }
  const rate = {
    wall: (n * batch) / ((performance.now() - t0) / 1000),
    cpu: (n * batch) / ((cpuMs() - c0) / 1000),
  };
  tf.dispose([x, y]);
  model.dispose();
  opt.dispose();
  return rate;
}

test('measure', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const rows: string[] = [];
  for (const kind of kinds) {
    let before = { wall: NaN, cpu: NaN };
    if (process.env.MEASURE_BEFORE !== '0' && kind !== 'fastlstm') {
      uninstallFastKernels('wasm');
      try {
        before = trainRate(kind, 6, false);
      } catch (e) {
        rows.push(`${kind}: stock kernels fail: ${(e as Error).message.slice(0, 90)}`);
      }
    }
    installFastKernels('wasm');
    const after = trainRate(kind, 8, false);
    const adam = trainRate(kind, 8, true);
    const f = (r: { wall: number; cpu: number }): string =>
      `${r.wall.toFixed(0)} wall / ${r.cpu.toFixed(0)} cpu`;
    rows.push(`${kind}: stock ${f(before)}; fast kernels ${f(after)}; + FastAdam ${f(adam)} samples/s`);
    console.log(rows[rows.length - 1]);
  }
  console.log(rows.join('\n'));
});
