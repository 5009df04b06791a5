/**
 * Checks of model.json's weightsManifest against the topology and of weights.bin against the manifest, run
 * before any weight is loaded. The topology is built with tf.models.modelFromJSON (so shapes come from tfjs's
 * own layer code, not a re-implementation), but every initializer is swapped for a budgeted one: a topology that
 * asks for more values than the weightsManifest lists is refused before the allocation, not after an OOM.
 */
import * as tf from '@tensorflow/tfjs';
// The zoo's custom layers (SeededDropout, FastLSTM) must be registered for modelFromJSON.
import '../models';
import type { ModelArtifactsData, WeightsEntry } from './zip';
import { fail } from './problem';

const MJ = 'model.json';
const WB = 'weights.bin';
const BYTES: Partial<Record<WeightsEntry['dtype'], number>> = { float32: 4, int32: 4 };

/** A weight's place in weights.bin. offset and bytes in bytes. */
export interface WeightSlot {
  spec: WeightsEntry;
  offset: number;
  bytes: number;
}

/**
 * Check weightsManifest's form (one weights.bin, float32/int32, integer shapes, no quantisation) and lay the
 * weights out in order. Throws ('weights-manifest') past `maxBytes` in all.
 */
export function weightSlots(modelJson: ModelArtifactsData['modelJson'], maxBytes: number): WeightSlot[] {
  const groups = modelJson.weightsManifest as unknown;
  if (!Array.isArray(groups)) fail('model-json', 'model.json has no weightsManifest list.', MJ);
  const slots: WeightSlot[] = [];
  let offset = 0;
  for (const g of groups as { paths?: unknown; weights?: unknown }[]) {
    if (!Array.isArray(g?.paths) || g.paths.some((p) => p !== WB) || !Array.isArray(g.weights)) {
      fail('weights-manifest', "model.json's weightsManifest must point at weights.bin only.", MJ);
    }
    for (const spec of g.weights as (WeightsEntry & { quantization?: unknown })[]) {
      const per = BYTES[spec?.dtype];
      const shapeOk =
        Array.isArray(spec?.shape) && spec.shape.every((d) => Number.isSafeInteger(d) && d >= 0);
      if (typeof spec?.name !== 'string' || !per || !shapeOk || spec.quantization !== undefined) {
        fail(
          'weights-manifest',
          `model.json's weight ${JSON.stringify(spec?.name)} is not a plain float32 or int32 tensor.`,
          MJ,
        );
      }
      const bytes = spec.shape.reduce((a, b) => a * b, 1) * per;
      if (offset + bytes > maxBytes) {
        fail(
          'weights-manifest',
          `model.json's weightsManifest describes more weights than a bundle may hold (at ${spec.name}).`,
          MJ,
        );
      }
      slots.push({ spec, offset, bytes });
      offset += bytes;
    }
  }
  return slots;
}

/**
 * Build the topology (no weights loaded) and compare each of its weights' names and shapes with the
 * weightsManifest. Throws ('weight-shapes', 'model-json'). The built model is disposed.
 */
export async function checkWeightShapes(topology: unknown, slots: readonly WeightSlot[]): Promise<void> {
  const budget = { left: slots.reduce((s, w) => s + w.bytes / 4, 0) };
  let model: tf.LayersModel;
  let pending: Promise<tf.LayersModel>;
  // modelFromJSON deserialises (and so calls every initializer) synchronously, before its first await: the
  // budget is active for exactly that call and for no other code.
  active = budget;
  try {
    pending = tf.models.modelFromJSON(withBudgetInitializers(topology));
  } finally {
    active = null;
  }
  try {
    model = await pending;
  } catch (e) {
    if (e instanceof OverBudget) {
      fail(
        'weight-shapes',
        `model.json's topology needs a weight of shape [${e.shape}], beyond the values its weightsManifest lists.`,
        MJ,
      );
    }
    fail('model-json', `model.json's topology does not build: ${(e as Error).message}`, MJ);
  }
  try {
    const listed = new Map(slots.map((s) => [s.spec.name, s.spec.shape]));
    for (const w of model.weights) {
      const shape = listed.get(w.originalName);
      if (!shape)
        fail(
          'weight-shapes',
          `The topology has weight ${w.originalName} [${w.shape}], which weightsManifest does not list.`,
          MJ,
        );
      if (shape.join() !== w.shape.join()) {
        fail(
          'weight-shapes',
          `Weight ${w.originalName} is [${shape}] in weightsManifest, but the topology needs [${w.shape}].`,
          MJ,
        );
      }
      listed.delete(w.originalName);
    }
    const extra = [...listed.keys()][0];
    if (extra !== undefined)
      fail('weight-shapes', `weightsManifest lists ${extra}, which the topology has no place for.`, MJ);
  } finally {
    model.dispose();
  }
}

/** Refuse ('weights-length') a weights.bin shorter (truncated) or longer (extra bytes) than weightsManifest says. */
export function checkWeightsLength(weights: ArrayBuffer, slots: readonly WeightSlot[]): void {
  const want = slots.reduce((s, w) => s + w.bytes, 0);
  const have = weights.byteLength;
  if (have < want) {
    fail(
      'weights-length',
      `weights.bin is truncated: it holds ${have} bytes, but model.json's weightsManifest needs ${want}.`,
      WB,
    );
  }
  if (have > want) {
    fail(
      'weights-length',
      `weights.bin has ${have - want} extra bytes: it holds ${have}, but model.json's weightsManifest describes ${want}.`,
      WB,
    );
  }
}

/** Refuse ('finite') NaN or infinite float32 weights, naming the weight and the index. */
export function checkFinite(weights: ArrayBuffer, slots: readonly WeightSlot[]): void {
  for (const { spec, offset, bytes } of slots) {
    if (spec.dtype !== 'float32') continue;
    const v = new Float32Array(weights, offset, bytes / 4);
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i]!)) {
        fail(
          'finite',
          `weights.bin: weight ${spec.name} holds ${v[i]} at index ${i}; a trained model's weights are finite numbers.`,
          WB,
        );
      }
    }
  }
}

// ---- the budgeted initializer ---------------------------------------------------------------------------------

/** Initializer config keys, per allowlisted class with weights (pythonic names, as in model.json). */
const INIT_KEYS: Record<string, string[]> = {
  Dense: ['kernel_initializer', 'bias_initializer'],
  Conv1D: ['kernel_initializer', 'bias_initializer'],
  Conv2D: ['kernel_initializer', 'bias_initializer'],
  Embedding: ['embeddings_initializer'],
  BatchNormalization: [
    'beta_initializer',
    'gamma_initializer',
    'moving_mean_initializer',
    'moving_variance_initializer',
  ],
  LSTM: ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'],
  FastLSTM: ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'],
  GRU: ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'],
};
const BUDGET_CLASS = 'EncoreWeightBudget';

class OverBudget extends Error {
  constructor(readonly shape: number[]) {
    super(`weight of shape [${shape}] over budget`);
  }
}

/** The budget of the build in progress; null outside checkWeightShapes's synchronous modelFromJSON call. */
let active: { left: number } | null = null;

type InitCtor = new () => { apply(shape: number[], dtype?: tf.DataType): tf.Tensor };
const Zeros = tf.serialization.SerializationMap.getMap().classNameMap['Zeros']![0] as unknown as InitCtor;

/** Zeros, but each request is counted against `active` and refused before allocating once it would overrun. */
class BudgetInitializer extends Zeros {
  static className = BUDGET_CLASS;
  override apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    if (active) {
      if (!(n <= active.left)) throw new OverBudget(shape);
      active.left -= n;
    }
    return super.apply(shape, dtype);
  }
}
tf.serialization.registerClass(
  BudgetInitializer as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>,
);

/** A deep copy of the topology with every weighted layer's initializers set to the budgeted one. */
function withBudgetInitializers(topology: unknown): tf.serialization.ConfigDict {
  const copy = structuredClone(topology) as tf.serialization.ConfigDict;
  const budgeted = { class_name: BUDGET_CLASS, config: {} };
  const visit = (layer: unknown): void => {
    const l = layer as { class_name?: string; config?: Record<string, unknown> } | null;
    if (!l || typeof l.config !== 'object' || l.config === null) return;
    for (const key of INIT_KEYS[l.class_name ?? ''] ?? []) l.config[key] = budgeted;
    if (l.config.layer) visit(l.config.layer);
  };
  const root = (copy.model_config ?? copy) as { config?: unknown };
  const cfg = root.config as { layers?: unknown[] } | unknown[] | undefined;
  const layers = Array.isArray(cfg) ? cfg : (cfg?.layers ?? []);
  layers.forEach(visit);
  return copy;
}
