/** Loss functions over [b, k] predictions and targets, with optional class weights. All return a scalar mean. */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from './types';

const EPS = 1e-7;

/** The loss a head implies when the config names none: sigmoid -> bce, softmax -> cce, anything else -> mse. */
export function defaultLoss(model: tf.LayersModel): LossName {
  const last = model.layers[model.layers.length - 1];
  const act = (last?.getConfig() as { activation?: string } | undefined)?.activation;
  if (act === 'sigmoid') return 'bce';
  if (act === 'softmax') return 'cce';
  return 'mse';
}

/** Per-row class weights: [b] from y [b, k] (k = 1: binary 0/1 target; k > 1: one-hot). */
function rowWeights(y: tf.Tensor, classWeights: number[]): tf.Tensor {
  const k = y.shape[1] ?? 1;
  if (k === 1) {
    const w0 = classWeights[0] ?? 1;
    const w1 = classWeights[1] ?? 1;
    return tf.add(tf.mul(y, w1 - w0), w0).reshape([-1]);
  }
  if (classWeights.length !== k) {
    throw new Error(`classWeights has ${classWeights.length} entries but there are ${k} classes.`);
  }
  return tf.sum(tf.mul(y, tf.tensor1d(classWeights)), 1);
}

/**
 * Mean loss. pred, y: [b, k]. mse / mae / huber (delta 1) average over k; bce expects sigmoid probabilities,
 * cce softmax probabilities and one-hot y. classWeights apply to bce / cce only.
 */
export function computeLoss(
  name: LossName,
  pred: tf.Tensor,
  y: tf.Tensor,
  classWeights?: number[],
): tf.Scalar {
  return tf.tidy(() => {
    let perRow: tf.Tensor;
    switch (name) {
      case 'mse':
        perRow = tf.mean(tf.square(tf.sub(pred, y)), -1);
        break;
      case 'mae':
        perRow = tf.mean(tf.abs(tf.sub(pred, y)), -1);
        break;
      case 'huber': {
        const err = tf.abs(tf.sub(pred, y));
        const quad = tf.minimum(err, 1);
        perRow = tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad)), -1);
        break;
      }
      case 'bce': {
        const p = tf.clipByValue(pred, EPS, 1 - EPS);
        const ll = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));
        perRow = tf.neg(tf.mean(ll, -1));
        break;
      }
      case 'cce': {
        const p = tf.clipByValue(pred, EPS, 1);
        perRow = tf.neg(tf.sum(tf.mul(y, tf.log(p)), -1));
        break;
      }
      default:
        throw new Error(`Unknown loss "${String(name)}".`);
    }
    if (classWeights && classWeights.length > 0 && (name === 'bce' || name === 'cce')) {
      perRow = tf.mul(perRow, rowWeights(y, classWeights));
    }
    return tf.mean(perRow) as tf.Scalar;
  });
}
