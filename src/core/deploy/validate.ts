/**
 * Open a bundle a person picked, checking everything before anything runs: a zip, size caps on its directory
 * (zip bombs stop before inflating), manifest.json and its format version, every file's size and SHA-256, the
 * model's layer classes, weight shapes against the topology, weights.bin's length, finite weights, and golden
 * rows reproduced on this backend. The first failure comes back as one message naming the file and the check.
 */
import { strFromU8 } from 'fflate';
import { artifactsToModel } from './artifacts';
import { findManifest, readListedFiles } from './bundleFiles';
import { GOLDEN_TOLERANCE, checkGolden, parseGolden } from './golden';
import { checkLayerClasses } from './layers';
import { type BundleCaps, DEFAULT_BUNDLE_CAPS, checkEntryCaps } from './limits';
import { type BundleManifest, parseManifest } from './manifest';
import { type BundleCheck, BundleCheckError, type BundleProblem, fail, formatBytes } from './problem';
import { checkFinite, checkWeightShapes, checkWeightsLength, weightSlots } from './weightsCheck';
import type { BundleContents, ModelArtifactsData } from './zip';
import { readEntry, readZipIndex } from './zipIndex';

export type { BundleProblem } from './problem';

/** Options for {@link validateBundle}. */
export interface ValidateOptions {
  /** Override some caps (tests use small ones). */
  caps?: Partial<BundleCaps>;
  /** Load the model and reproduce golden.json's rows (default true; skipped when the bundle has none). */
  checkGolden?: boolean;
  /** Golden tolerance, relative above 1 (default 1e-5). */
  tolerance?: number;
}

/** A bundle that passed every check, or the first problem found. */
export type ValidateResult =
  | {
      ok: true;
      bundle: BundleContents;
      manifest: BundleManifest;
      /** The golden check's outcome; undefined when the bundle has no golden.json or the check was skipped. */
      golden?: { rows: number; maxError: number };
    }
  | { ok: false; error: BundleProblem };

/** Check a bundle's zip bytes (see the file comment for the order). Never throws; nothing stays loaded. */
export async function validateBundle(bytes: Uint8Array, opts: ValidateOptions = {}): Promise<ValidateResult> {
  const caps: BundleCaps = { ...DEFAULT_BUNDLE_CAPS, ...opts.caps };
  try {
    if (bytes.length > caps.maxZipBytes) {
      fail(
        'zip-size',
        `The file is ${formatBytes(bytes.length)}, over the ${formatBytes(caps.maxZipBytes)} a bundle may be.`,
      );
    }
    const entries = readZipIndex(bytes, caps.maxEntries);
    checkEntryCaps(entries, caps);
    const { prefix, entry } = findManifest(entries);
    if (entry.size > caps.maxManifestBytes) {
      fail(
        'size-cap',
        `manifest.json is ${formatBytes(entry.size)}, over its ${formatBytes(caps.maxManifestBytes)} cap.`,
        'manifest.json',
      );
    }
    const manifest = parseManifest(parseJson(readEntry(bytes, entry), 'manifest.json', 'manifest'), caps);
    const files = readListedFiles(bytes, entries, prefix, manifest);
    const bundle = decode(files);
    const golden = await checkModel(bundle, caps, opts);
    return { ok: true, bundle, manifest, ...(golden ? { golden } : {}) };
  } catch (e) {
    if (e instanceof BundleCheckError) return { ok: false, error: e.problem };
    return {
      ok: false,
      error: { check: 'unexpected', message: `The bundle could not be checked: ${(e as Error).message}` },
    };
  }
}

/** Layers, weights and golden rows; returns the golden outcome when it ran. */
async function checkModel(
  b: BundleContents,
  caps: BundleCaps,
  opts: ValidateOptions,
): Promise<{ rows: number; maxError: number } | undefined> {
  const mj = b.model.modelJson;
  if (
    typeof mj !== 'object' ||
    mj === null ||
    typeof mj.modelTopology !== 'object' ||
    mj.modelTopology === null
  ) {
    fail('model-json', 'model.json has no modelTopology object.', 'model.json');
  }
  checkLayerClasses(mj.modelTopology);
  const slots = weightSlots(mj, caps.maxEntryBytes);
  await checkWeightShapes(mj.modelTopology, slots);
  checkWeightsLength(b.model.weights, slots);
  checkFinite(b.model.weights, slots);
  if (!b.golden || opts.checkGolden === false) return undefined;
  const golden = parseGolden(b.golden);
  const model = await artifactsToModel(b.model);
  try {
    const r = await checkGolden(model, golden, opts.tolerance ?? GOLDEN_TOLERANCE);
    if (!r.ok) throw new BundleCheckError(r.error);
    return { rows: r.rows, maxError: r.maxError };
  } finally {
    model.dispose();
  }
}

function decode(files: Map<string, Uint8Array>): BundleContents {
  const json = (path: string): unknown => parseJson(files.get(path)!, path, 'json');
  const opt = <T>(path: string, f: (p: string) => T): T | undefined =>
    files.has(path) ? f(path) : undefined;
  const w = files.get('weights.bin')!;
  const weights = (
    w.byteOffset === 0 && w.byteLength === w.buffer.byteLength ? w.buffer : w.slice().buffer
  ) as ArrayBuffer;
  return {
    model: { modelJson: json('model.json') as ModelArtifactsData['modelJson'], weights },
    preprocessing: json('preprocessing.json'),
    metrics: json('metrics.json'),
    experiment: opt('experiment.json', json),
    modelCard: opt('model-card.md', (p) => strFromU8(files.get(p)!)),
    golden: opt('golden.json', json) as BundleContents['golden'],
    snapshot: opt('snapshot.json', json),
  };
}

function parseJson(bytes: Uint8Array, file: string, check: BundleCheck): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return fail(check, `${file} is not valid JSON.`, file);
  }
}
