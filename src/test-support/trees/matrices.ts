/**
 * Hand prepared matrices to the Python peer: a folder with manifest.json and, per case,
 * <name>.{xTrain,yTrain,xTest,yTest}.f32 (little-endian float32, X row major [n, nFeatures]),
 * optionally <name>.valRows.i32 (a hold-out for a second fit), the layout bench/peer/sklearn_hgb.py
 * compare reads; and read back its float64 predictions.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Task } from '../../core/data/task';

/** One prepared problem: train and test parts of the pipeline's X / y. */
export interface MatrixCase {
  name: string;
  task: Task;
  nFeatures: number;
  xTrain: Float32Array;
  yTrain: Float32Array;
  xTest: Float32Array;
  yTest: Float32Array;
  /** Optional hold-out (indexes into the training rows) for the peer's second, same-hold-out fit. */
  valRows?: Int32Array;
}

function writeF32(file: string, a: Float32Array): void {
  // Node and the peer's numpy '<f4' both read little-endian; typed arrays are host order (little-endian on x86/ARM).
  fs.writeFileSync(file, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/** Write every case and the manifest into `folder` (which must exist). */
export function writeMatrices(folder: string, cases: readonly MatrixCase[]): void {
  const manifest = cases.map((c) => {
    const base = path.join(folder, c.name);
    writeF32(`${base}.xTrain.f32`, c.xTrain);
    writeF32(`${base}.yTrain.f32`, c.yTrain);
    writeF32(`${base}.xTest.f32`, c.xTest);
    writeF32(`${base}.yTest.f32`, c.yTest);
    if (c.valRows)
      fs.writeFileSync(
        `${base}.valRows.i32`,
        new Uint8Array(c.valRows.buffer, c.valRows.byteOffset, c.valRows.byteLength),
      );
    return {
      name: c.name,
      task: c.task,
      nFeatures: c.nFeatures,
      nTrain: c.yTrain.length,
      nTest: c.yTest.length,
      holdout: !!c.valRows,
    };
  });
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ cases: manifest }));
}

/** The peer's test predictions for a case: <name>.sklearn.f64, or the same-hold-out fit's. */
export function readSklearnPredictions(folder: string, name: string, sameHoldout = false): Float64Array {
  const buf = fs.readFileSync(path.join(folder, `${name}.${sameHoldout ? 'sklearnHoldout' : 'sklearn'}.f64`));
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
