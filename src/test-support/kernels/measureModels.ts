/** The three benchmark models of issue 5 (plus FastLSTM), built with fixed seeds for measurements and tests. */
import * as tf from '@tensorflow/tfjs';
import { FastLSTM } from '../../core/kernels/fastLstm';

export type MeasureKind = 'mlp' | 'cnn' | 'lstm' | 'fastlstm';

/**
 * Build one benchmark model and a random batch. Shapes: mlp x [256, 30]; cnn x [32, 96, 128, 1];
 * lstm / fastlstm x [32, 128, 20]; y [batch, 1]. `scale` < 1 shrinks batch and sizes for unit tests.
 */
export function buildMeasureModel(
  kind: MeasureKind,
  scale: number,
): { model: tf.LayersModel; x: tf.Tensor; y: tf.Tensor; batch: number } {
  const s = (v: number): number => Math.max(2, Math.round(v * scale));
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  let model: tf.LayersModel;
  let xShape: number[];
  let batch: number;
  if (kind === 'mlp') {
    batch = s(256);
    xShape = [batch, 30];
    const inp = tf.input({ shape: [30] });
    let h = tf.layers
      .dense({ units: 128, activation: 'relu', kernelInitializer: init(1) })
      .apply(inp) as tf.SymbolicTensor;
    h = tf.layers
      .dense({ units: 64, activation: 'relu', kernelInitializer: init(2) })
      .apply(h) as tf.SymbolicTensor;
    model = tf.model({
      inputs: inp,
      outputs: tf.layers.dense({ units: 1, kernelInitializer: init(3) }).apply(h) as tf.SymbolicTensor,
    });
  } else if (kind === 'cnn') {
    batch = s(32);
    const hw = [s(96), s(128)];
    xShape = [batch, hw[0] as number, hw[1] as number, 1];
    const inp = tf.input({ shape: xShape.slice(1) });
    let h: tf.SymbolicTensor = inp;
    [16, 32, 64].forEach((f, i) => {
      h = tf.layers
        .conv2d({
          filters: f,
          kernelSize: 3,
          padding: 'same',
          useBias: false,
          kernelInitializer: init(10 + i),
        })
        .apply(h) as tf.SymbolicTensor;
      h = tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor;
      h = tf.layers.activation({ activation: 'relu' }).apply(h) as tf.SymbolicTensor;
      if ((h.shape[1] ?? 0) >= 2 && (h.shape[2] ?? 0) >= 2)
        h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
    });
    h = tf.layers.globalAveragePooling2d({}).apply(h) as tf.SymbolicTensor;
    h = tf.layers
      .dense({ units: 32, activation: 'relu', kernelInitializer: init(20) })
      .apply(h) as tf.SymbolicTensor;
    model = tf.model({
      inputs: inp,
      outputs: tf.layers.dense({ units: 1, kernelInitializer: init(21) }).apply(h) as tf.SymbolicTensor,
    });
  } else {
    batch = s(32);
    xShape = [batch, s(128), 20];
    const inp = tf.input({ shape: xShape.slice(1) });
    const args = {
      units: 64,
      kernelInitializer: init(30),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 31 }),
    };
    const rnn = kind === 'fastlstm' ? new FastLSTM(args) : tf.layers.lstm(args);
    const h = rnn.apply(inp) as tf.SymbolicTensor;
    model = tf.model({
      inputs: inp,
      outputs: tf.layers.dense({ units: 1, kernelInitializer: init(32) }).apply(h) as tf.SymbolicTensor,
    });
  }
  const x = tf.randomNormal(xShape, 0, 1, 'float32', 7);
  const y = tf.randomNormal([batch, 1], 0, 1, 'float32', 8);
  return { model, x, y, batch };
}
