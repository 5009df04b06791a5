/**
 * The model bundle: one .zip a person downloads and later loads back to predict.
 *
 * Entries: model.json + weights.bin (TensorFlow.js layers format, the same files
 * `model.save('downloads://')` writes), preprocessing.json (the fitted pipeline),
 * metrics.json, and optionally experiment.json and model-card.md. Pure (no tfjs).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** One weight tensor's entry in model.json's weightsManifest. */
export interface WeightsEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
}

/** A layers model as plain data: what crosses a worker boundary and goes into IndexedDB. */
export interface ModelArtifactsData {
  /** The model.json object (modelTopology + weightsManifest pointing at weights.bin). */
  modelJson: {
    modelTopology: unknown;
    weightsManifest: { paths: string[]; weights: WeightsEntry[] }[];
    format?: string;
    generatedBy?: string;
    convertedBy?: string | null;
  };
  /** The concatenated weight bytes (weights.bin). */
  weights: ArrayBuffer;
}

export interface BundleContents {
  model: ModelArtifactsData;
  preprocessing: unknown;
  metrics: unknown;
  experiment?: unknown;
  modelCard?: string;
}

/** Pack a bundle into zip bytes. */
export function packBundle(b: BundleContents): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'model.json': strToU8(JSON.stringify(b.model.modelJson)),
    'weights.bin': new Uint8Array(b.model.weights),
    'preprocessing.json': strToU8(JSON.stringify(b.preprocessing, null, 2)),
    'metrics.json': strToU8(JSON.stringify(b.metrics, null, 2)),
  };
  if (b.experiment !== undefined) files['experiment.json'] = strToU8(JSON.stringify(b.experiment, null, 2));
  if (b.modelCard !== undefined) files['model-card.md'] = strToU8(b.modelCard);
  return zipSync(files, { level: 6 });
}

/** Read a bundle back from zip bytes; throws an Error naming what is missing or broken. */
export function unpackBundle(zip: Uint8Array): BundleContents {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (cause) {
    throw new Error('This file is not a readable .zip model bundle.', { cause });
  }
  // Accept bundles zipped inside a folder: match entries by their base name.
  const byBase = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(files)) byBase.set(name.split('/').pop()!, bytes);
  const need = (name: string): Uint8Array => {
    const f = byBase.get(name);
    if (!f) throw new Error(`The bundle has no ${name}; export it again from Encore.`);
    return f;
  };
  const json = (name: string): unknown => {
    try {
      return JSON.parse(strFromU8(need(name)));
    } catch (e) {
      if (e instanceof SyntaxError) throw new Error(`${name} in the bundle is not valid JSON.`, { cause: e });
      throw e;
    }
  };
  const modelJson = json('model.json') as ModelArtifactsData['modelJson'];
  const weightsBytes = need('weights.bin');
  const weights = weightsBytes.buffer.slice(
    weightsBytes.byteOffset,
    weightsBytes.byteOffset + weightsBytes.byteLength,
  ) as ArrayBuffer;
  const expected = modelJson.weightsManifest
    .flatMap((g) => g.weights)
    .reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (expected !== weights.byteLength) {
    throw new Error(
      `weights.bin holds ${weights.byteLength} bytes but model.json expects ${expected}; the bundle is damaged.`,
    );
  }
  const card = byBase.get('model-card.md');
  return {
    model: { modelJson, weights },
    preprocessing: json('preprocessing.json'),
    metrics: json('metrics.json'),
    experiment: byBase.has('experiment.json') ? json('experiment.json') : undefined,
    modelCard: card ? strFromU8(card) : undefined,
  };
}
