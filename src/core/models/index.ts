/**
 * The model registry. Panels render controls from each entry's paramSchema; workers look models up by id.
 * Importing this module also registers the zoo's custom layers (SeededDropout) for model deserialisation.
 */
import { cnn1d } from './cnn1d';
import { cnn2d } from './cnn2d';
import { crnn } from './crnn';
import { fusionSequence, fusionSpectrogram } from './fusion';
import { mlp } from './mlp';
import { gru, lstm } from './rnn';
import { wideDeep } from './wideDeep';
import type { ModelDescriptor } from './types';

export type {
  BuildContext,
  InputKind,
  InputSpec,
  ModelDescriptor,
  ParamSchema,
  ParamSpec,
  Task,
} from './types';
export { SeededDropout } from './common';

/** Every model the studio offers, in menu order. */
export const modelRegistry: ModelDescriptor[] = [
  mlp,
  wideDeep,
  cnn1d,
  cnn2d,
  lstm,
  gru,
  crnn,
  fusionSequence,
  fusionSpectrogram,
] as unknown as ModelDescriptor[];

/** The descriptor with this id; throws an Error naming the known ids when there is none. */
export function getModelDescriptor(id: string): ModelDescriptor {
  const d = modelRegistry.find((m) => m.id === id);
  if (!d)
    throw new Error(`Unknown model "${id}". Known models: ${modelRegistry.map((m) => m.id).join(', ')}.`);
  return d;
}
