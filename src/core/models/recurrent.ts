/** Stacked LSTM / GRU layers, optionally bidirectional, reused by the RNN models, CRNN and fusion. */
import * as tf from '@tensorflow/tfjs';
import { FastLSTM } from '../kernels/fastLstm';
import { SeededDropout, checkWidths, glorot, recurrentInit } from './common';

export type Cell = 'lstm' | 'gru';

export interface RnnParams {
  units: number[];
  bidirectional: boolean;
  dropout: number;
}

/**
 * Stacked recurrent layers; all but the last return sequences. Dropout (seeded) sits between layers, not on the
 * recurrent connections (tfjs's recurrent dropout is not seedable). Shape: [n, steps, f] -> [n, last * (bi ? 2 : 1)].
 */
export function rnnBranch(
  x: tf.SymbolicTensor,
  cell: Cell,
  p: RnnParams,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  const units = checkWidths(p.units, 'Recurrent units per layer');
  let h = x;
  units.forEach((u, i) => {
    const k = i + 1;
    const last = i === units.length - 1;
    const args = {
      units: u,
      returnSequences: !last,
      kernelInitializer: glorot(next),
      recurrentInitializer: recurrentInit(next),
      name: `${prefix}${cell}${k}`,
    };
    // FastLSTM: same weights and math as tf.layers.lstm, one whole-sequence op with hand-written BPTT (much faster
    // on wasm). Inside Bidirectional its backward copy failed on the cpu backend, so that case keeps the stock layer.
    const layer =
      cell === 'gru'
        ? tf.layers.gru(args)
        : p.bidirectional
          ? tf.layers.lstm(args)
          : (new FastLSTM(args) as unknown as tf.layers.Layer);
    if (p.bidirectional) {
      const bi = tf.layers.bidirectional({
        layer: layer as tf.RNN,
        mergeMode: 'concat',
        name: `${prefix}bi${cell}${k}`,
      });
      h = bi.apply(h) as tf.SymbolicTensor;
      redrawBackward(bi, next);
    } else {
      h = layer.apply(h) as tf.SymbolicTensor;
    }
    if (p.dropout > 0)
      h = new SeededDropout({ rate: p.dropout, seed: next(), name: `${prefix}rdrop${k}` }).apply(
        h,
      ) as tf.SymbolicTensor;
  });
  return h;
}

/**
 * tfjs builds a Bidirectional's backward layer from the forward layer's config, seeds included, so both directions
 * would start with identical kernels. Redraw the backward kernels from the seed stream.
 */
function redrawBackward(bi: tf.layers.Layer, next: () => number): void {
  const backward = (bi as unknown as { backwardLayer?: tf.layers.Layer }).backwardLayer;
  for (const w of backward?.trainableWeights ?? []) {
    if (!/kernel/.test(w.name)) continue;
    const t = glorot(next).apply(w.shape);
    w.write(t); // assign shares the buffer; dispose our handle
    t.dispose();
  }
}
