/**
 * The model zoo's contract. Each model is one small module exporting a {@link ModelDescriptor}; the UI draws
 * its form from `paramSchema`, the worker calls `build`. Shapes below are per row (the batch dimension is implied).
 */
import type * as tf from '@tensorflow/tfjs';

/** What the head predicts: a number (popularity score) or a class (hit / band). */
export type { Task } from '../data/task';
import type { Task } from '../data/task';

/** One hyperparameter: how the UI renders it and which values are valid. `intList` is e.g. hidden widths [64, 32]. */
export interface ParamSpec {
  type: 'int' | 'float' | 'enum' | 'bool' | 'intList';
  label: string;
  min?: number;
  max?: number;
  step?: number;
  log?: boolean;
  options?: string[];
  help?: string;
}

export type ParamSchema = Record<string, ParamSpec>;

/**
 * What the data provides. tabular: d standardised numbers per row; sequence: [frames, coeffs] (MFCC / chroma
 * frames); spectrogram: [mels, frames] log-mel patch (fed as [mels, frames, 1]); embeddings: one integer code
 * column per entry, codes in [0, vocabSize).
 */
export interface InputSpec {
  tabular?: number;
  sequence?: { frames: number; coeffs: number };
  spectrogram?: { mels: number; frames: number };
  embeddings?: { name: string; vocabSize: number }[];
}

/** Everything a builder needs besides its own hyperparameters. outputUnits: 1 for regression and binary, k for k classes. */
export interface BuildContext {
  inputs: InputSpec;
  task: Task;
  outputUnits: number;
  seed: number;
}

export type InputKind = 'tabular' | 'sequence' | 'spectrogram' | 'embeddings';

/**
 * A registry entry. `build` returns an uncompiled tf.LayersModel whose inputs are, in this order when several:
 * tabular [n, d] float32; embeddings (one int32 [n, 1] input per column; ArrayInput shape [] or [1]); sequence [n, frames, coeffs];
 * spectrogram [n, mels, frames, 1]. Output: [n, outputUnits] (linear, sigmoid when 1 class unit, else softmax).
 */
export interface ModelDescriptor<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  label: string;
  description: string;
  tasks: Task[];
  needs: InputKind[];
  paramSchema: ParamSchema;
  defaults: P;
  build(ctx: BuildContext, params: P): tf.LayersModel;
}
