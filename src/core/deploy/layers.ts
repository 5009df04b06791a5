/**
 * The layer classes a bundle's model.json may use: exactly what the model zoo (src/core/models) builds, plus
 * Encore's registered custom layers. Anything else (a Lambda layer, an unknown or unported class) is refused
 * by name before tfjs sees the topology. Pure (walks the JSON; no tfjs).
 */
import { fail } from './problem';

/** Classes a model.json's top level may have (tf.sequential / tf.model). */
export const MODEL_CLASSES: ReadonlySet<string> = new Set(['Sequential', 'Model']);

/**
 * Layer classes the zoo uses. Keep in step with src/core/models/*.ts (deploy's tests build every zoo model and
 * check its classes are here). SeededDropout (models/common.ts) and FastLSTM (kernels/fastLstm.ts) are Encore's
 * own, registered with tf.serialization.registerClass.
 */
export const LAYER_ALLOWLIST: ReadonlySet<string> = new Set([
  'InputLayer',
  'Dense',
  'Activation',
  'Add',
  'Concatenate',
  'BatchNormalization',
  'Flatten',
  'Reshape',
  'Permute',
  'Embedding',
  'Conv1D',
  'Conv2D',
  'MaxPooling1D',
  'MaxPooling2D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'LSTM',
  'GRU',
  'Bidirectional',
  'SeededDropout',
  'FastLSTM',
]);

/** A layer as it appears in model.json: its class and (for messages) its name. */
export interface LayerRef {
  className: string;
  name: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every layer in a model topology (model.json's modelTopology), wrapped layers included (Bidirectional's
 * `layer`). Throws ('model-json') when the topology is not a Sequential or Model of layers.
 */
export function listLayers(topology: unknown): LayerRef[] {
  const root = isObj(topology) && isObj(topology.model_config) ? topology.model_config : topology;
  if (!isObj(root) || typeof root.class_name !== 'string') {
    fail('model-json', "model.json's modelTopology is not a tfjs layers model.", 'model.json');
  }
  if (!MODEL_CLASSES.has(root.class_name)) {
    fail(
      'layers',
      `model.json's model class is ${root.class_name}; Encore bundles hold a Sequential or a Model.`,
      'model.json',
    );
  }
  const config = root.config;
  const layers = Array.isArray(config) ? config : isObj(config) ? config.layers : undefined;
  if (!Array.isArray(layers))
    fail('model-json', "model.json's modelTopology has no layers list.", 'model.json');
  const out: LayerRef[] = [];
  const visit = (l: unknown): void => {
    if (!isObj(l) || typeof l.class_name !== 'string') {
      fail(
        'model-json',
        `model.json has a layer without a class_name: ${JSON.stringify(l).slice(0, 80)}.`,
        'model.json',
      );
    }
    const cfg = isObj(l.config) ? l.config : {};
    const name = typeof cfg.name === 'string' ? cfg.name : typeof l.name === 'string' ? l.name : '?';
    out.push({ className: l.class_name, name });
    if (cfg.layer !== undefined) visit(cfg.layer);
  };
  layers.forEach(visit);
  return out;
}

/** Refuse ('layers') a topology using any layer class outside {@link LAYER_ALLOWLIST}, naming class and layer. */
export function checkLayerClasses(topology: unknown): void {
  for (const l of listLayers(topology)) {
    if (!LAYER_ALLOWLIST.has(l.className)) {
      fail(
        'layers',
        `model.json uses a ${l.className} layer ("${l.name}"), which Encore bundles do not allow: only the model zoo's layer classes load.`,
        'model.json',
      );
    }
  }
}
