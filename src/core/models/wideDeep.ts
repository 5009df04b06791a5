/**
 * Wide & deep (Cheng et al. 2016): learned embeddings for high-cardinality categories (artist, album, genre) feed a
 * deep tower beside the tabular features; a wide linear part (tabular weights plus one weight per category code)
 * memorises direct effects. Both add up before the head's activation.
 */
import * as tf from '@tensorflow/tfjs';
import { type Activation, commonParams, glorot, headActivation, makeInputs } from './common';
import { seedStream } from '../random';
import { denseTower } from './tower';
import type { ModelDescriptor } from './types';

export type WideDeepParams = {
  embeddingDim: number;
  hiddenUnits: number[];
  activation: Activation;
  dropout: number;
  batchNorm: boolean;
  l1: number;
  l2: number;
  wide: boolean;
} & Record<string, unknown>;

/** Embedding width for a column: the given one, or (0 = auto) min(50, round(1.6 * vocab^0.56)) (fast.ai's rule). */
export function embeddingWidth(vocabSize: number, dim: number): number {
  if (dim > 0) return Math.floor(dim);
  return Math.min(50, Math.max(2, Math.round(1.6 * Math.pow(vocabSize, 0.56))));
}

export const wideDeep: ModelDescriptor<WideDeepParams> = {
  id: 'wide-deep',
  label: 'Wide & deep (embeddings)',
  description:
    'Embeddings for category columns with many values beside a dense tower, plus a wide linear part.',
  tasks: ['regression', 'classification'],
  needs: ['tabular', 'embeddings'],
  paramSchema: {
    embeddingDim: {
      type: 'int',
      label: 'Embedding size',
      min: 0,
      max: 64,
      help: '0 = chosen per column from its number of values.',
    },
    hiddenUnits: { type: 'intList', label: 'Deep layer sizes', min: 1, max: 1024 },
    wide: { type: 'bool', label: 'Wide linear part' },
    ...commonParams,
  },
  defaults: {
    embeddingDim: 0,
    hiddenUnits: [64, 32],
    activation: 'relu',
    dropout: 0.1,
    batchNorm: false,
    l1: 0,
    l2: 0,
    wide: true,
  },
  /**
   * Shape: tabular [n, d] and one int32 code input [n] per category column (codes in [0, vocabSize); reserve a code
   * for missing / unseen values) -> [n, outputUnits].
   */
  build(ctx, p) {
    const next = seedStream(ctx.seed);
    const inputs = makeInputs(ctx.inputs, ['tabular', 'embeddings'], 'Wide & deep');
    const units = ctx.outputUnits;
    const act = headActivation(ctx);
    const embs = inputs.embeddings.map((e, i) => {
      if (!Number.isInteger(e.vocabSize) || e.vocabSize < 1)
        throw new Error(`Category column "${e.name}" has no values to embed.`);
      const emb = tf.layers
        .embedding({
          inputDim: e.vocabSize,
          outputDim: embeddingWidth(e.vocabSize, p.embeddingDim),
          embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: next() }),
          name: `emb${i + 1}`,
        })
        .apply(e.input) as tf.SymbolicTensor; // [n, 1, dim]
      return tf.layers.flatten({ name: `emb${i + 1}_flat` }).apply(emb) as tf.SymbolicTensor;
    });
    const deepIn = tf.layers
      .concatenate({ name: 'deep_in' })
      .apply([inputs.tabular!, ...embs]) as tf.SymbolicTensor;
    const deep = denseTower(deepIn, p, 'deep_', next);
    const parts = [
      tf.layers
        .dense({ units, kernelInitializer: glorot(next), name: 'deep_logit' })
        .apply(deep) as tf.SymbolicTensor,
    ];
    if (p.wide) {
      parts.push(
        tf.layers
          .dense({ units, kernelInitializer: glorot(next), name: 'wide_tab' })
          .apply(inputs.tabular!) as tf.SymbolicTensor,
      );
      inputs.embeddings.forEach((e, i) => {
        // One weight per category code and output: a linear model on the one-hot code, without the one-hot.
        const w = tf.layers.embedding({
          inputDim: e.vocabSize,
          outputDim: units,
          embeddingsInitializer: 'zeros',
          name: `wide_emb${i + 1}`,
        });
        parts.push(
          tf.layers.flatten({ name: `wide_emb${i + 1}_flat` }).apply(w.apply(e.input)) as tf.SymbolicTensor,
        );
      });
    }
    const logits =
      parts.length > 1 ? (tf.layers.add({ name: 'logits' }).apply(parts) as tf.SymbolicTensor) : parts[0]!;
    const out = tf.layers.activation({ activation: act, name: 'output' }).apply(logits) as tf.SymbolicTensor;
    return tf.model({ inputs: inputs.all, outputs: out, name: 'wide_deep' });
  },
};
