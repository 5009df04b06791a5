/**
 * The model bundle: one .zip a person downloads and later loads back to predict.
 *
 * Entries: model.json + weights.bin (TensorFlow.js layers format, the same files
 * `model.save('downloads://')` writes), preprocessing.json (the fitted pipeline),
 * metrics.json, optionally experiment.json, model-card.md, golden.json (golden rows)
 * and snapshot.json (training snapshot), then README.txt and manifest.json (format
 * version, versions, each file's size and SHA-256). validate.ts checks all of it
 * before anything runs. Pure (no tfjs at run time).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { GoldenRows } from './golden';
import { buildManifest } from './manifest';
import { readmeText } from './readme';

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

/** What a bundle holds, as plain data. */
export interface BundleContents {
  model: ModelArtifactsData;
  preprocessing: unknown;
  metrics: unknown;
  experiment?: unknown;
  modelCard?: string;
  /** A few input rows with the outputs the model gave at export (golden.json); see golden.ts's makeGolden. */
  golden?: GoldenRows;
  /** The training snapshot (snapshot.json). */
  snapshot?: unknown;
  /** ISO 8601 export time for manifest.json; omitted when not given (so the same inputs give the same manifest). */
  createdAt?: string;
}

/**
 * Pack a bundle into zip bytes: the content files, README.txt, and manifest.json covering every other entry
 * with its size and SHA-256. Synchronous (SHA-256 by @noble/hashes).
 */
export function packBundle(b: BundleContents): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'model.json': strToU8(JSON.stringify(b.model.modelJson)),
    'weights.bin': new Uint8Array(b.model.weights),
    'preprocessing.json': strToU8(JSON.stringify(b.preprocessing, null, 2)),
    'metrics.json': strToU8(JSON.stringify(b.metrics, null, 2)),
  };
  if (b.experiment !== undefined) files['experiment.json'] = strToU8(JSON.stringify(b.experiment, null, 2));
  if (b.modelCard !== undefined) files['model-card.md'] = strToU8(b.modelCard);
  if (b.golden !== undefined) files['golden.json'] = strToU8(JSON.stringify(b.golden));
  if (b.snapshot !== undefined) files['snapshot.json'] = strToU8(JSON.stringify(b.snapshot));
  const tfjsVersion = /TensorFlow\.js ([\w.-]+)/.exec(b.model.modelJson.generatedBy ?? '')?.[1] ?? 'unknown';
  files['README.txt'] = strToU8(readmeText(Object.keys(files), tfjsVersion));
  const manifest = buildManifest(files, { tfjsVersion, createdAt: b.createdAt });
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files, { level: 6 });
}

/**
 * Read a bundle back from zip bytes, leniently (no manifest needed, entries matched by base name); throws an
 * Error naming what is missing or broken. To open a bundle a person picked, use validate.ts's validateBundle,
 * which checks sizes, hashes, layers, weights and golden rows first.
 */
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
    golden: byBase.has('golden.json') ? (json('golden.json') as GoldenRows) : undefined,
    snapshot: byBase.has('snapshot.json') ? json('snapshot.json') : undefined,
  };
}
