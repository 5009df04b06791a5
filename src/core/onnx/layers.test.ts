/**
 * Mappers the zoo's defaults do not reach: strided / dilated / causal convolutions, average pooling, 'same' pools,
 * unknown sequence lengths, goBackwards, Bidirectional merge modes, the merge layers, advanced activation layers,
 * Sequential models, float codes into Embedding. Each model runs in onnxruntime-web and must match tfjs to 1e-4.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnnxFiles } from '../../test-support/onnx/checker';
import { compareWithTfjs } from '../../test-support/onnx/match';
import type { Feed } from '../../test-support/onnx/ort';
import { perturbWeights } from '../../test-support/onnx/zooCases';
import { mulberry32 } from '../random';

const dir = mkdtempSync(path.join(tmpdir(), 'encore-onnx-layers-'));
const written: string[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type ST = tf.SymbolicTensor;
/** tfjs-layers registers 'logSoftmax' but leaves it out of its ActivationIdentifier type. */
const LOG_SOFTMAX = 'logSoftmax' as 'softmax';
const L = tf.layers;
const ap = (layer: tf.layers.Layer, x: ST | ST[]): ST => layer.apply(x) as ST;

async function expectMatch(model: tf.LayersModel, feeds?: Record<string, Feed>): Promise<void> {
  perturbWeights(model, 11);
  const r = await compareWithTfjs(model, { n: 3, seed: 5, feeds });
  expect(r.onnxShape[0]).toBe(3);
  expect(r.error).toBeLessThan(1e-4);
  const file = path.join(dir, `${written.length}.onnx`);
  writeFileSync(file, r.exported.bytes);
  written.push(file);
  model.dispose();
}

describe('ONNX mappers beyond the zoo defaults', () => {
  it('Conv1D strided / dilated, average and max pooling with same padding, swish, mish, softplus, logSoftmax', async () => {
    const x = tf.input({ shape: [13, 3] });
    let h = ap(L.conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'swish' }), x);
    h = ap(L.conv1d({ filters: 5, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'mish' }), h);
    h = ap(L.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }), h);
    h = ap(L.maxPooling1d({ poolSize: 2, padding: 'same' }), h);
    h = ap(L.flatten(), h);
    h = ap(L.dense({ units: 4, activation: 'softplus' }), h);
    h = ap(L.leakyReLU({ alpha: 0.2 }), h);
    await expectMatch(
      tf.model({ inputs: x, outputs: ap(L.dense({ units: 3, activation: LOG_SOFTMAX }), h) }),
    );
  });

  it('Conv2D strided with odd sizes, average pooling, batch norm, ReLU(maxValue), softsign, hardSigmoid', async () => {
    const x = tf.input({ shape: [7, 9, 2] });
    let h = ap(
      L.conv2d({ filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'elu' }),
      x,
    );
    h = ap(L.averagePooling2d({ poolSize: [2, 2], strides: 1, padding: 'same' }), h);
    h = ap(L.batchNormalization({ center: false }), h);
    h = ap(L.reLU({ maxValue: 0.3 }), h);
    h = ap(L.conv2d({ filters: 4, kernelSize: 2, dilationRate: 2, activation: 'softsign' }), h);
    h = ap(L.globalMaxPooling2d({}), h);
    await expectMatch(
      tf.model({ inputs: x, outputs: ap(L.dense({ units: 2, activation: 'hardSigmoid' }), h) }),
    );
  });

  it('recurrent layers going backwards, sigmoid recurrent activation, unknown sequence length', async () => {
    const x = tf.input({ shape: [null, 3] });
    let h = ap(L.conv1d({ filters: 4, kernelSize: 3, padding: 'same' }), x);
    h = ap(L.gru({ units: 4, returnSequences: true, goBackwards: true }), h);
    h = ap(L.lstm({ units: 3, returnSequences: true, goBackwards: true, recurrentActivation: 'sigmoid' }), h);
    h = ap(L.lstm({ units: 3, goBackwards: true }), h);
    const model = tf.model({ inputs: x, outputs: ap(L.dense({ units: 1 }), h) });
    const rng = mulberry32(3);
    const data = Float32Array.from({ length: 3 * 7 * 3 }, () => rng() - 0.5);
    await expectMatch(model, { [model.inputNames[0]!]: { data, shape: [3, 7, 3] } });
  });

  for (const mergeMode of ['sum', 'mul', 'ave'] as const) {
    it(`Bidirectional mergeMode ${mergeMode}, with and without returnSequences`, async () => {
      const x = tf.input({ shape: [5, 3] });
      let h = ap(
        L.bidirectional({ layer: L.lstm({ units: 3, returnSequences: true }) as tf.RNN, mergeMode }),
        x,
      );
      h = ap(L.bidirectional({ layer: L.gru({ units: 2 }) as tf.RNN, mergeMode }), h);
      await expectMatch(tf.model({ inputs: x, outputs: ap(L.dense({ units: 2 }), h) }));
    });
  }

  it('two inputs through Multiply / Average / Maximum / Minimum / Add, RepeatVector, Softmax and noise layers', async () => {
    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const da = ap(L.dense({ units: 4, activation: 'tanh' }), a);
    const db = ap(L.dense({ units: 4, activation: 'relu6' }), ap(L.gaussianNoise({ stddev: 0.1 }), b));
    const merged = [L.multiply(), L.average(), L.maximum(), L.minimum(), L.add()].map((m) => ap(m, [da, db]));
    let h = ap(L.concatenate(), merged);
    h = ap(L.thresholdedReLU({ theta: 0.05 }), ap(L.dropout({ rate: 0.5 }), h));
    h = ap(L.repeatVector({ n: 3 }), h);
    h = ap(L.gru({ units: 3 }), h);
    await expectMatch(tf.model({ inputs: [a, b], outputs: ap(L.softmax(), ap(L.dense({ units: 3 }), h)) }));
  });

  it('a Sequential model with gelu_new and a permuted reshape', async () => {
    const m = tf.sequential({
      layers: [
        L.dense({ inputShape: [6], units: 8, activation: 'gelu_new' }),
        L.reshape({ targetShape: [2, 4] }),
        L.permute({ dims: [2, 1] }),
        L.flatten(),
        L.dense({ units: 2, activation: 'gelu' }),
      ],
    });
    await expectMatch(m);
  });

  it('Embedding fed float codes casts them to integers, as tfjs does', async () => {
    const x = tf.input({ shape: [2] });
    const e = ap(L.embedding({ inputDim: 10, outputDim: 3 }), x);
    const model = tf.model({ inputs: x, outputs: ap(L.dense({ units: 1 }), ap(L.flatten(), e)) });
    const data = Float32Array.from([0, 9, 3, 4, 7, 1]);
    await expectMatch(model, { [model.inputNames[0]!]: { data, shape: [3, 2] } });
  });

  it("python3-onnx's checker (full_check) accepts every model above", () => {
    expect(written.length).toBeGreaterThanOrEqual(9);
    for (const v of checkOnnxFiles(written)) expect(v.error ?? '', path.basename(v.file)).toBe('');
  });
});
