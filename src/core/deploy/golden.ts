/**
 * Golden rows (golden.json): a few input rows and the outputs the model gave for them at export. A loaded model
 * that reproduces them (within 1e-5) on this backend is the model that was exported: same weights, same
 * topology, same custom layers, no backend surprise.
 */
import * as tf from '@tensorflow/tfjs';
import { BundleCheckError, type BundleProblem, fail } from './problem';

/** One tensor as JSON: full shape (batch first) and row-major values. */
export interface GoldenTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: number[];
}

/** Inputs in the model's input order, each [n, ...]; outputs in its output order, each [n, units]. */
export interface GoldenRows {
  inputs: GoldenTensor[];
  outputs: GoldenTensor[];
}

/** The result of {@link checkGolden}; maxError is the largest |got - expected| seen. */
export type GoldenResult = { ok: true; rows: number; maxError: number } | { ok: false; error: BundleProblem };

/** Default tolerance: |got - expected| <= 1e-5 * max(1, |expected|). */
export const GOLDEN_TOLERANCE = 1e-5;

const G = 'golden.json';

/** Run `model` on these inputs (full shapes, batch first) and record inputs and outputs as golden rows. */
export async function makeGolden(
  model: tf.LayersModel,
  inputs: { data: ArrayLike<number>; shape: number[]; dtype?: 'float32' | 'int32' }[],
): Promise<GoldenRows> {
  const rows: GoldenTensor[] = inputs.map((x) => ({
    shape: [...x.shape],
    dtype: x.dtype ?? 'float32',
    data: Array.from(x.data),
  }));
  const outs = await predict(model, rows);
  return { inputs: rows, outputs: outs };
}

/**
 * Predict the golden inputs with `model` and compare with the expected outputs. Never throws for a mismatch:
 * returns { ok: false, error } naming the row, output and values. Tensors are disposed.
 */
export async function checkGolden(
  model: tf.LayersModel,
  golden: GoldenRows,
  tolerance = GOLDEN_TOLERANCE,
): Promise<GoldenResult> {
  try {
    checkShapes(model, golden);
    const got = await predict(model, golden.inputs);
    let maxError = 0;
    for (let k = 0; k < golden.outputs.length; k++) {
      const want = golden.outputs[k]!;
      const have = got[k]!;
      if (have.data.length !== want.data.length || have.shape.join() !== want.shape.join()) {
        fail('golden', `Output ${k} has shape [${have.shape}], but golden.json expects [${want.shape}].`, G);
      }
      const perRow = want.data.length / Math.max(1, want.shape[0] ?? 1);
      for (let i = 0; i < want.data.length; i++) {
        const e = want.data[i]!;
        const err = Math.abs(have.data[i]! - e);
        if (!(err <= tolerance * Math.max(1, Math.abs(e)))) {
          const row = Math.floor(i / perRow);
          fail(
            'golden',
            `Golden row ${row}, output ${k}[${i % perRow}]: the model gives ${have.data[i]} but golden.json expects ${e} (tolerance ${tolerance}, ${tf.getBackend()} backend). The model does not behave as it did at export.`,
            G,
          );
        }
        maxError = Math.max(maxError, err);
      }
    }
    return { ok: true, rows: golden.inputs[0]?.shape[0] ?? 0, maxError };
  } catch (e) {
    if (e instanceof BundleCheckError) return { ok: false, error: e.problem };
    throw e;
  }
}

/** Check parsed golden.json's structure: tensors whose data length matches their shape. Throws ('golden'). */
export function parseGolden(json: unknown): GoldenRows {
  const j = json as Partial<GoldenRows> | null;
  if (!j || !Array.isArray(j.inputs) || !Array.isArray(j.outputs) || j.inputs.length === 0) {
    fail('golden', 'golden.json needs non-empty "inputs" and "outputs" lists.', G);
  }
  [...j.inputs, ...j.outputs].forEach((t: GoldenTensor, i) => {
    const ok =
      t &&
      Array.isArray(t.shape) &&
      t.shape.every((d) => Number.isInteger(d) && d >= 0) &&
      (t.dtype === 'float32' || t.dtype === 'int32') &&
      Array.isArray(t.data) &&
      t.data.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
      t.data.length === t.shape.reduce((a, b) => a * b, 1);
    if (!ok)
      fail('golden', `golden.json tensor ${i} is malformed (shape, dtype, or finite data of that size).`, G);
  });
  return j as GoldenRows;
}

function checkShapes(model: tf.LayersModel, golden: GoldenRows): void {
  if (golden.inputs.length !== model.inputs.length || golden.outputs.length !== model.outputs.length) {
    fail(
      'golden',
      `golden.json has ${golden.inputs.length} input(s) and ${golden.outputs.length} output(s); the model has ${model.inputs.length} and ${model.outputs.length}.`,
      G,
    );
  }
  model.inputs.forEach((inp, k) => {
    const shape = golden.inputs[k]!.shape;
    const fits = shape.length === inp.shape.length && inp.shape.every((d, i) => d === null || d === shape[i]);
    if (!fits)
      fail(
        'golden',
        `golden.json input ${k} has shape [${shape}]; the model takes [${inp.shape.map((d) => d ?? 'n')}].`,
        G,
      );
  });
}

async function predict(model: tf.LayersModel, inputs: GoldenTensor[]): Promise<GoldenTensor[]> {
  const xs = inputs.map((t) => tf.tensor(t.data, t.shape, t.dtype));
  const y = model.predict(xs.length === 1 ? xs[0]! : xs);
  const ys = Array.isArray(y) ? y : [y];
  try {
    return await Promise.all(
      ys.map(async (t) => ({
        shape: [...t.shape],
        dtype: 'float32' as const,
        data: Array.from(await t.data()),
      })),
    );
  } finally {
    tf.dispose([...xs, ...ys]);
  }
}
