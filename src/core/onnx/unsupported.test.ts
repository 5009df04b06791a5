/** What the exporter cannot express fails with an Error naming the layer and its class, never a silent skip. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx, supportedLayerClasses } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Lambda-like custom layer: arbitrary code in call(), which no mapping can know. */
class TimesTwo extends tf.layers.Layer {
  static className = 'TimesTwo';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.mul(Array.isArray(inputs) ? inputs[0]! : inputs, 2);
  }
}

const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor): tf.SymbolicTensor =>
  layer.apply(x) as tf.SymbolicTensor;

describe('ONNX export refuses what it cannot express', () => {
  it('names a custom layer and its class', () => {
    const x = tf.input({ shape: [3] });
    const y = apply(tf.layers.dense({ units: 1 }), apply(new TimesTwo({ name: 'double' }), x));
    expect(() => exportOnnx(tf.model({ inputs: x, outputs: y }))).toThrow(
      /cannot express layer "double" \(class TimesTwo\): no ONNX mapping for this class \(mapped classes: .*Dense/,
    );
  });

  it('names stock tfjs layers without a mapping (SimpleRNN, LayerNormalization)', () => {
    const x = tf.input({ shape: [4, 2] });
    const rnn = tf.model({
      inputs: x,
      outputs: apply(tf.layers.simpleRNN({ units: 2, name: 'plain_rnn' }), x),
    });
    expect(() => exportOnnx(rnn)).toThrow(/layer "plain_rnn" \(class SimpleRNN\)/);
    const norm = tf.model({ inputs: x, outputs: apply(tf.layers.layerNormalization({ name: 'ln' }), x) });
    expect(() => exportOnnx(norm)).toThrow(/layer "ln" \(class LayerNormalization\)/);
    expect(supportedLayerClasses()).not.toContain('SimpleRNN');
  });

  it('names a mapped layer whose settings have no ONNX form (mask_zero, an unknown recurrent activation)', () => {
    const ids = tf.input({ shape: [3], dtype: 'int32' });
    const emb = apply(
      tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, name: 'masked' }),
      ids,
    );
    const masked = tf.model({ inputs: ids, outputs: apply(tf.layers.flatten(), emb) });
    expect(() => exportOnnx(masked)).toThrow(/layer "masked" \(class Embedding\): maskZero/);
    const x = tf.input({ shape: [4, 2] });
    const lstm = tf.layers.lstm({ units: 2, recurrentActivation: 'selu', name: 'odd_lstm' });
    expect(() => exportOnnx(tf.model({ inputs: x, outputs: apply(lstm, x) }))).toThrow(
      /layer "odd_lstm" \(class LSTM\): recurrent recurrentActivation "selu"/,
    );
  });
});
