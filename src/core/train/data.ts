/** Moving rows between flat typed arrays and tensors: batch gathering, shape checks and batched prediction. */
import * as tf from '@tensorflow/tfjs';
import { readValues } from '../kernels/lstmHost';
import type { ArrayInput, TrainSet } from './types';

/** A per-row shape as the model sees it: a code column's [] becomes [1] (embedding inputs are [n, 1]). */
export function modelRowShape(shape: readonly number[]): number[] {
  return shape.length === 0 ? [1] : [...shape];
}

/** Product of a per-row shape ([] -> 1). */
export function rowSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Check that a set matches the model: one ArrayInput per model input, per-row shapes equal to the model's,
 * data lengths n * rowSize, and y of length n * outputUnits. Throws an Error a person can act on.
 */
export function checkSet(model: tf.LayersModel, set: TrainSet, what: string): void {
  if (set.inputs.length !== model.inputs.length) {
    throw new Error(
      `${what}: the model takes ${model.inputs.length} input(s) but ${set.inputs.length} were given.`,
    );
  }
  model.inputs.forEach((inp, i) => {
    const a = set.inputs[i]!;
    const want = inp.shape.slice(1);
    const got = modelRowShape(a.shape);
    if (want.length !== got.length || want.some((d, j) => d != null && d !== got[j])) {
      throw new Error(
        `${what}: input ${i} (${inp.name}) has rows of shape [${a.shape}], the model expects [${want}].`,
      );
    }
    if (a.data.length !== set.n * rowSize(a.shape)) {
      throw new Error(
        `${what}: input ${i} holds ${a.data.length} values, expected ${set.n} rows x ${rowSize(a.shape)}.`,
      );
    }
    if (a.data instanceof Int32Array) checkCodes(model, inp, a.data, what);
  });
  const units = outputUnits(model);
  if (set.y.length !== set.n * units) {
    throw new Error(
      `${what}: ${set.y.length} target values for ${set.n} rows, but the model outputs ${units} per row.`,
    );
  }
  for (let i = 0; i < set.y.length; i++) {
    if (!Number.isFinite(set.y[i]!)) {
      throw new Error(
        `${what}: target row ${Math.floor(i / units)} is missing or not finite; drop or impute those rows.`,
      );
    }
  }
}

/**
 * Category codes must index the embeddings fed by this input: 0 <= code < inputDim (a code of -1 for "missing" or
 * one past the vocabulary would read garbage on GPU backends instead of failing).
 */
function checkCodes(model: tf.LayersModel, inp: tf.SymbolicTensor, codes: Int32Array, what: string): void {
  let vocab = Infinity;
  for (const l of model.layers) {
    if (l.getClassName() !== 'Embedding') continue;
    const src = l.input as tf.SymbolicTensor | tf.SymbolicTensor[];
    if (!Array.isArray(src) && src.name === inp.name) {
      vocab = Math.min(vocab, (l.getConfig() as { inputDim: number }).inputDim);
    }
  }
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (c < 0 || c >= vocab) {
      throw new Error(
        `${what}: category code ${c} in row ${r} of ${inp.name} is outside 0..${vocab - 1}. Encode missing and unseen values as a reserved code inside the vocabulary.`,
      );
    }
  }
}

/** The model's output width (last dimension of its single output). */
export function outputUnits(model: tf.LayersModel): number {
  const shape = model.outputs[0]!.shape;
  return (shape[shape.length - 1] as number | null) ?? 1;
}

/** Copy the rows `idx` of one input into a tensor [idx.length, ...shape] (int32 for Int32Array data). */
export function gatherInput(a: ArrayInput, idx: ArrayLike<number>): tf.Tensor {
  const size = rowSize(a.shape);
  const isInt = a.data instanceof Int32Array;
  const out = isInt ? new Int32Array(idx.length * size) : new Float32Array(idx.length * size);
  for (let r = 0; r < idx.length; r++) {
    const src = idx[r]! * size;
    out.set(a.data.subarray(src, src + size), r * size);
  }
  return tf.tensor(out, [idx.length, ...modelRowShape(a.shape)], isInt ? 'int32' : 'float32');
}

/** Rows [start, end) of one input as a tensor, without copying the typed array. */
export function sliceInput(a: ArrayInput, start: number, end: number): tf.Tensor {
  const size = rowSize(a.shape);
  const isInt = a.data instanceof Int32Array;
  return tf.tensor(
    a.data.subarray(start * size, end * size),
    [end - start, ...modelRowShape(a.shape)],
    isInt ? 'int32' : 'float32',
  );
}

/** Targets of rows `idx` as [idx.length, units]. */
export function gatherY(y: Float32Array, units: number, idx: ArrayLike<number>): tf.Tensor2D {
  const out = new Float32Array(idx.length * units);
  for (let r = 0; r < idx.length; r++)
    out.set(y.subarray(idx[r]! * units, idx[r]! * units + units), r * units);
  return tf.tensor2d(out, [idx.length, units]);
}

/** A single tensor when the model has one input, else the list (what model.apply / predict expect). */
export function asModelInput(xs: tf.Tensor[]): tf.Tensor | tf.Tensor[] {
  return xs.length === 1 ? xs[0]! : xs;
}

/**
 * Predict n rows in batches (default 1024) without leaking tensors. inputs follow the model's input order.
 * Returns a Float32Array of shape [n, outputUnits], row-major.
 */
export function predictBatched(
  model: tf.LayersModel,
  inputs: ArrayInput[],
  n: number,
  batchSize = 1024,
): Float32Array {
  const units = outputUnits(model);
  const out = new Float32Array(n * units);
  const bs = Math.max(1, Math.floor(batchSize));
  const small = inputs.every((a) => rowSize(a.shape) <= 4096);
  for (let start = 0; start < n; start += bs) {
    const end = Math.min(n, start + bs);
    tf.tidy(() => {
      const xs = inputs.map((a) => sliceInput(a, start, end));
      // predict's own default batch is 32: for tabular rows take the whole slice at once (3x faster for an MLP on
      // wasm); sequences and spectrograms keep 32 rows per pass, as their activations are large.
      const pred = model.predict(asModelInput(xs), { batchSize: small ? end - start : 32 }) as tf.Tensor;
      // A view on wasm (dataSync's copy out of the wasm heap is slow in Chromium), copied at once.
      out.set(pred.dtype === 'float32' ? readValues(pred) : pred.dataSync(), start * units);
    });
  }
  return out;
}
