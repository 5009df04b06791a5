/** A stack of dense blocks (dense -> batch norm -> activation -> dropout), shared by MLP, wide-and-deep and fusion. */
import * as tf from '@tensorflow/tfjs';
import { type Activation, SeededDropout, activate, checkWidths, glorot, regularizer } from './common';

export interface TowerParams {
  hiddenUnits: number[];
  activation: Activation;
  dropout: number;
  batchNorm: boolean;
  l1: number;
  l2: number;
}

/**
 * Dense tower. Shape: [n, d] -> [n, last width]. Layer names are `${prefix}dense1`, `${prefix}bn1`, ... so a model
 * can hold several towers. With batchNorm the dense layer drops its bias (the norm's beta replaces it).
 */
export function denseTower(
  x: tf.SymbolicTensor,
  p: TowerParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  const widths = checkWidths(p.hiddenUnits, 'Hidden units');
  if (!(p.dropout >= 0 && p.dropout < 1)) throw new Error(`Dropout must be in [0, 1), got ${p.dropout}.`);
  let h = x;
  widths.forEach((units, i) => {
    const k = i + 1;
    h = tf.layers
      .dense({
        units,
        useBias: !p.batchNorm,
        kernelInitializer: glorot(next),
        kernelRegularizer: regularizer(p.l1, p.l2),
        name: `${prefix}dense${k}`,
      })
      .apply(h) as tf.SymbolicTensor;
    if (p.batchNorm)
      h = tf.layers.batchNormalization({ name: `${prefix}bn${k}` }).apply(h) as tf.SymbolicTensor;
    h = activate(h, p.activation, `${prefix}act${k}`);
    if (p.dropout > 0)
      h = new SeededDropout({ rate: p.dropout, seed: next(), name: `${prefix}drop${k}` }).apply(
        h,
      ) as tf.SymbolicTensor;
  });
  return h;
}
