/** Weight snapshots (cheap tensor clones) and their plain-data form for checkpoints. */
import * as tf from '@tensorflow/tfjs';
import type { PlainTensor } from './types';

/**
 * Clone every model weight (trainable and not, in model.weights order). tf.clone shares the buffer until the
 * variable is reassigned, so a snapshot per batch costs no copy; optimizers assign new buffers on update.
 */
export function snapshot(model: tf.LayersModel): tf.Tensor[] {
  return model.weights.map((w) => tf.clone(w.read()));
}

/** Write a snapshot back into the model (shapes must match). */
export function restore(model: tf.LayersModel, snap: tf.Tensor[]): void {
  model.weights.forEach((w, i) => {
    const t = snap[i];
    if (!t) throw new Error('Weight snapshot does not match the model (wrong number of weights).');
    w.write(t); // assign shares the buffer (refcounted); the snapshot keeps ownership of t
  });
}

/** Dispose a snapshot (undefined is fine). */
export function disposeAll(snap: tf.Tensor[] | undefined): void {
  snap?.forEach((t) => t.dispose());
}

/** Download tensors into plain Float32Arrays (async: does not block a GPU backend). */
export async function toPlain(tensors: tf.Tensor[], names: string[]): Promise<PlainTensor[]> {
  return Promise.all(
    tensors.map(async (t, i) => ({
      name: names[i] ?? `t${i}`,
      shape: [...t.shape],
      data: new Float32Array(await t.data()),
    })),
  );
}

/** Model weights as plain data, in model.weights order. */
export async function modelToPlain(model: tf.LayersModel): Promise<PlainTensor[]> {
  return toPlain(
    model.weights.map((w) => w.read()),
    model.weights.map((w) => w.originalName),
  );
}

/** Plain data back into tensors, checked against the model's weight shapes (by position: names change per build). */
export function plainToSnapshot(model: tf.LayersModel, plain: PlainTensor[]): tf.Tensor[] {
  if (plain.length !== model.weights.length) {
    throw new Error(
      `The checkpoint holds ${plain.length} weights but the model has ${model.weights.length}: it was saved for a different model or settings.`,
    );
  }
  model.weights.forEach((w, i) => {
    const p = plain[i]!;
    if (p.shape.length !== w.shape.length || p.shape.some((d, j) => d !== w.shape[j])) {
      throw new Error(
        `Checkpoint weight ${i} has shape [${p.shape}] but the model expects [${w.shape}]: a different model.`,
      );
    }
  });
  return plain.map((p) => tf.tensor(p.data, p.shape, 'float32'));
}
