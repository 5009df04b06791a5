/**
 * manifest.json: what a bundle holds, which Encore and TensorFlow.js made it, and each file's size and SHA-256,
 * so a damaged or edited bundle is caught before anything in it is used. Pure (no tfjs).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BundleCaps } from './limits';
import { fail, formatBytes } from './problem';

/** The `format` value every Encore bundle's manifest carries. */
export const BUNDLE_FORMAT = 'encore-bundle';
/** The bundle format this Encore writes and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;
/** This Encore's version (package.json's; a test keeps the two equal). */
export const ENCORE_VERSION = '0.1.0';

/** Files a v1 bundle must hold besides manifest.json. */
export const REQUIRED_FILES = ['model.json', 'weights.bin', 'preprocessing.json', 'metrics.json'] as const;
/** Files a v1 bundle may hold. */
export const OPTIONAL_FILES = [
  'experiment.json',
  'model-card.md',
  'golden.json',
  'snapshot.json',
  'README.txt',
] as const;
const KNOWN = new Set<string>([...REQUIRED_FILES, ...OPTIONAL_FILES]);

/** One file the manifest covers. bytes: uncompressed size; sha256: lowercase hex of its bytes. */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** The parsed manifest.json. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  encoreVersion: string;
  tfjsVersion: string;
  /** ISO 8601 time of export, when the exporter gave one. */
  createdAt?: string;
  files: ManifestFile[];
}

/** SHA-256 of `bytes` as 64 lowercase hex digits (sync; @noble/hashes). */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Build the manifest covering `files` (path -> bytes), in the given order. */
export function buildManifest(
  files: Record<string, Uint8Array>,
  meta: { tfjsVersion: string; createdAt?: string },
): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    encoreVersion: ENCORE_VERSION,
    tfjsVersion: meta.tfjsVersion,
    ...(meta.createdAt !== undefined ? { createdAt: meta.createdAt } : {}),
    files: Object.entries(files).map(([path, b]) => ({ path, bytes: b.length, sha256: sha256Hex(b) })),
  };
}

const M = 'manifest.json';
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check a parsed manifest.json: format, a version this Encore reads, and a file list of known names whose
 * claimed sizes fit the caps. Throws a BundleCheckError ('manifest', 'format', 'format-version', 'size-cap').
 */
export function parseManifest(json: unknown, caps: BundleCaps): BundleManifest {
  if (!isObj(json)) fail('manifest', 'manifest.json is not a JSON object.', M);
  if (json.format !== BUNDLE_FORMAT) {
    fail(
      'format',
      `Not an Encore bundle: manifest.json's format is ${JSON.stringify(json.format)}, not "${BUNDLE_FORMAT}".`,
      M,
    );
  }
  const v = json.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    fail('format-version', `manifest.json's formatVersion ${JSON.stringify(v)} is not a version number.`, M);
  }
  if (v > BUNDLE_FORMAT_VERSION) {
    const by = typeof json.encoreVersion === 'string' ? ` (Encore ${json.encoreVersion})` : '';
    fail(
      'format-version',
      `This bundle was made by a newer Encore${by}: bundle format ${v}, while this Encore reads format ${BUNDLE_FORMAT_VERSION}. Update Encore to open it.`,
      M,
    );
  }
  if (typeof json.encoreVersion !== 'string' || typeof json.tfjsVersion !== 'string') {
    fail('manifest', 'manifest.json lacks encoreVersion or tfjsVersion.', M);
  }
  if (!Array.isArray(json.files)) fail('manifest', 'manifest.json has no files list.', M);
  const seen = new Set<string>();
  let total = 0;
  const files = json.files.map((f: unknown): ManifestFile => {
    if (
      !isObj(f) ||
      typeof f.path !== 'string' ||
      typeof f.bytes !== 'number' ||
      typeof f.sha256 !== 'string'
    ) {
      return fail(
        'manifest',
        `manifest.json has a files entry without path, bytes and sha256: ${JSON.stringify(f)}.`,
        M,
      );
    }
    const { path, bytes } = f;
    if (!KNOWN.has(path))
      fail('manifest', `manifest.json lists ${path}, which a format-1 bundle does not hold.`, path);
    if (seen.has(path)) fail('manifest', `manifest.json lists ${path} twice.`, path);
    seen.add(path);
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      fail('manifest', `manifest.json gives ${path} a size of ${bytes}.`, path);
    if (bytes > caps.maxEntryBytes) {
      fail(
        'size-cap',
        `manifest.json says ${path} is ${formatBytes(bytes)}, over the ${formatBytes(caps.maxEntryBytes)} cap per file.`,
        path,
      );
    }
    total += bytes;
    if (!/^[0-9a-f]{64}$/.test(f.sha256))
      fail('manifest', `manifest.json's sha256 for ${path} is not 64 hex digits.`, path);
    return { path, bytes, sha256: f.sha256 };
  });
  if (total > caps.maxTotalBytes) {
    fail(
      'size-cap',
      `manifest.json's files add up to ${formatBytes(total)}, over the ${formatBytes(caps.maxTotalBytes)} cap.`,
      M,
    );
  }
  for (const need of REQUIRED_FILES) {
    if (!seen.has(need))
      fail('manifest', `manifest.json does not list ${need}, which every bundle holds.`, need);
  }
  return {
    format: BUNDLE_FORMAT,
    formatVersion: v,
    encoreVersion: json.encoreVersion,
    tfjsVersion: json.tfjsVersion,
    ...(typeof json.createdAt === 'string' ? { createdAt: json.createdAt } : {}),
    files,
  };
}
