/**
 * Shared building blocks for the zoo: seeded initialisers, a dropout whose masks replay from a seed, model
 * inputs in the contract's order, and the task head.
 */
import * as tf from '@tensorflow/tfjs';
import { mixSeed, type Reseedable } from '../random';
import type { BuildContext, InputSpec, ParamSpec } from './types';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** Activations offered by the zoo. 'gelu' exists in tfjs-layers 4.22. */
export const ACTIVATIONS = ['relu', 'tanh', 'elu', 'selu', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Glorot-uniform kernel initialiser with a seed drawn from `next`. */
export function glorot(next: () => number): Initializer {
  return tf.initializers.glorotUniform({ seed: next() });
}

/** Orthogonal-ish recurrent initialiser: glorot keeps it cheap and seeded (tfjs's orthogonal is slow for big units). */
export function recurrentInit(next: () => number): Initializer {
  return tf.initializers.glorotUniform({ seed: next() });
}

interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Dropout whose masks are reproducible. tfjs's Dropout either uses Math.random (no seed) or, given a seed, draws
 * the SAME mask on every call, which stops it regularising. This layer draws mask k from mixSeed(seed, k); the
 * trainer calls `reseed(mixSeed(runSeed, epoch))` at each epoch start so a resumed run replays the same masks.
 * Shape: identity. Active only when called with { training: true }.
 */
export class SeededDropout extends tf.layers.Layer implements Reseedable {
  static className = 'SeededDropout';
  readonly rate: number;
  private seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  /** Restart the mask stream from a new seed. */
  reseed(seed: number): void {
    this.seed = seed;
    this.calls = 0;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (kwargs['training'] === true && this.rate > 0) {
      const s = mixSeed(this.seed, this.calls++);
      return tf.dropout(x, this.rate, undefined, s);
    }
    return tf.clone(x);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
tf.serialization.registerClass(SeededDropout);

/** The symbolic inputs a model declares, in the contract's order. */
export interface ModelInputs {
  all: tf.SymbolicTensor[];
  tabular?: tf.SymbolicTensor;
  embeddings: { name: string; vocabSize: number; input: tf.SymbolicTensor }[];
  sequence?: tf.SymbolicTensor;
  spectrogram?: tf.SymbolicTensor;
}

/**
 * Create the inputs named in `needs` from the InputSpec: tabular [d] float32; one int32 [1] input per embedding
 * column (fed as [n] or [n, 1] codes); sequence [frames, coeffs]; spectrogram [mels, frames, 1]. Throws a readable error when
 * a needed input is missing.
 */
export function makeInputs(spec: InputSpec, needs: readonly string[], modelLabel: string): ModelInputs {
  const out: ModelInputs = { all: [], embeddings: [] };
  const missing = (what: string): Error =>
    new Error(
      `${modelLabel} needs ${what}, but the data provides none. Pick another model or add those features.`,
    );
  if (needs.includes('tabular')) {
    if (!spec.tabular || spec.tabular < 1) throw missing('tabular feature columns');
    out.tabular = tf.input({ shape: [spec.tabular], name: 'tabular' });
    out.all.push(out.tabular);
  }
  if (needs.includes('embeddings')) {
    if (!spec.embeddings || spec.embeddings.length === 0) throw missing('category columns for embeddings');
    spec.embeddings.forEach((e, i) => {
      // [n, 1] rather than [n]: LayersModel.predict expands 1-D arrays to [n, 1] (Keras rule), so both fit.
      const input = tf.input({ shape: [1], dtype: 'int32', name: `embed_${i}_${safeName(e.name)}` });
      out.embeddings.push({ ...e, input });
      out.all.push(input);
    });
  }
  if (needs.includes('sequence')) {
    if (!spec.sequence) throw missing('frame sequences (audio features [frames, coeffs])');
    out.sequence = tf.input({ shape: [spec.sequence.frames, spec.sequence.coeffs], name: 'sequence' });
    out.all.push(out.sequence);
  }
  if (needs.includes('spectrogram')) {
    if (!spec.spectrogram) throw missing('log-mel spectrogram patches');
    out.spectrogram = tf.input({
      shape: [spec.spectrogram.mels, spec.spectrogram.frames, 1],
      name: 'spectrogram',
    });
    out.all.push(out.spectrogram);
  }
  return out;
}

/** A layer-name-safe version of a column name. */
export function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40) || 'col';
}

/**
 * The task head: regression -> outputUnits linear; classification with 1 unit -> sigmoid; else softmax.
 * Shape: [n, features] -> [n, outputUnits].
 */
export function head(x: tf.SymbolicTensor, ctx: BuildContext, next: () => number): tf.SymbolicTensor {
  const activation = headActivation(ctx);
  return tf.layers
    .dense({ units: ctx.outputUnits, activation, kernelInitializer: glorot(next), name: 'output' })
    .apply(x) as tf.SymbolicTensor;
}

/** The head's activation: linear for regression, sigmoid for one class unit, softmax for several. */
export function headActivation(ctx: BuildContext): 'linear' | 'sigmoid' | 'softmax' {
  if (!Number.isInteger(ctx.outputUnits) || ctx.outputUnits < 1) {
    throw new Error(`outputUnits must be a positive integer, got ${ctx.outputUnits}.`);
  }
  return ctx.task === 'regression' ? 'linear' : ctx.outputUnits === 1 ? 'sigmoid' : 'softmax';
}

/** Optional hidden dense layer (units > 0) plus dropout before the head. Shape: [n, f] -> [n, units]. */
export function preHead(
  x: tf.SymbolicTensor,
  units: number,
  activation: Activation,
  dropout: number,
  prefix: string,
  next: () => number,
): tf.SymbolicTensor {
  if (!(units > 0)) return x;
  let h = tf.layers
    .dense({
      units,
      activation: activation === 'linear' ? undefined : activation,
      kernelInitializer: glorot(next),
      name: `${prefix}dense`,
    })
    .apply(x) as tf.SymbolicTensor;
  if (dropout > 0)
    h = new SeededDropout({ rate: dropout, seed: next(), name: `${prefix}drop` }).apply(
      h,
    ) as tf.SymbolicTensor;
  return h;
}

/** An L1/L2 kernel regulariser, or undefined when both are 0. */
export function regularizer(l1: number, l2: number): ReturnType<typeof tf.regularizers.l1l2> | undefined {
  if (!(l1 > 0) && !(l2 > 0)) return undefined;
  return tf.regularizers.l1l2({ l1: Math.max(0, l1), l2: Math.max(0, l2) });
}

/** Apply a Keras-style activation by name (as its own layer, so 'linear' is free). */
export function activate(x: tf.SymbolicTensor, activation: Activation, name: string): tf.SymbolicTensor {
  if (activation === 'linear') return x;
  return tf.layers.activation({ activation, name }).apply(x) as tf.SymbolicTensor;
}

/** Validate an int list such as hidden widths: non-empty positive integers. */
export function checkWidths(widths: unknown, what: string): number[] {
  if (!Array.isArray(widths) || widths.some((w) => !Number.isInteger(w) || (w as number) < 1)) {
    throw new Error(`${what} must be a list of positive whole numbers such as [64, 32].`);
  }
  return widths as number[];
}

/** Common schema entries reused by several models. */
export const commonParams = {
  activation: { type: 'enum', label: 'Activation', options: [...ACTIVATIONS] } satisfies ParamSpec,
  dropout: {
    type: 'float',
    label: 'Dropout',
    min: 0,
    max: 0.9,
    step: 0.05,
    help: 'Fraction of units dropped while training.',
  } satisfies ParamSpec,
  batchNorm: { type: 'bool', label: 'Batch normalisation' } satisfies ParamSpec,
  l1: { type: 'float', label: 'L1 penalty', min: 0, max: 0.1, step: 1e-5, log: true } satisfies ParamSpec,
  l2: { type: 'float', label: 'L2 penalty', min: 0, max: 0.1, step: 1e-5, log: true } satisfies ParamSpec,
};
