/**
 * Match the zip's entries with manifest.json's file list and read them: every listed file present with the
 * size the manifest gives, nothing unlisted, each inflated under its size guard and checked against its SHA-256.
 */
import type { BundleManifest } from './manifest';
import { sha256Hex } from './manifest';
import { fail } from './problem';
import { type ZipEntry, readEntry } from './zipIndex';

/**
 * The manifest.json entry: at the zip's root, or in the one folder a re-zipped bundle sits in ("my-model/").
 * `prefix` is that folder ('' at the root). Throws ('manifest') when there is none.
 */
export function findManifest(entries: readonly ZipEntry[]): { prefix: string; entry: ZipEntry } {
  const found = entries.filter((e) => e.name === 'manifest.json' || e.name.endsWith('/manifest.json'));
  const entry = found.find((e) => e.name === 'manifest.json') ?? (found.length === 1 ? found[0] : undefined);
  if (!entry) {
    fail(
      'manifest',
      'Not an Encore bundle: the zip has no manifest.json. Export the model from Encore again.',
    );
  }
  return { prefix: entry.name.slice(0, entry.name.length - 'manifest.json'.length), entry };
}

/**
 * Read every file the manifest lists (paths relative to `prefix`). Order of refusals: an unlisted entry
 * ('extra-file'), a listed file missing ('missing-file'), a size other than the manifest's ('size') — all before
 * inflating — then per file the inflate guard ('inflated-size') and the hash ('sha256').
 */
export function readListedFiles(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  prefix: string,
  manifest: BundleManifest,
): Map<string, Uint8Array> {
  const byPath = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.name.endsWith('/') && e.size === 0) continue; // a folder entry, as zip tools write them
    const path = e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name;
    if (path === 'manifest.json' && e.name === prefix + path) continue;
    if (!e.name.startsWith(prefix) || !manifest.files.some((f) => f.path === path)) {
      fail(
        'extra-file',
        `The zip holds ${e.name}, which manifest.json does not list; the bundle was altered.`,
        e.name,
      );
    }
    if (byPath.has(path))
      fail('extra-file', `The zip holds ${e.name} twice; the bundle was altered.`, e.name);
    byPath.set(path, e);
  }
  for (const f of manifest.files) {
    const e = byPath.get(f.path);
    if (!e) fail('missing-file', `manifest.json lists ${f.path}, but the zip does not hold it.`, f.path);
    if (e.size !== f.bytes) {
      fail('size', `${f.path} is ${e.size} bytes in the zip, but manifest.json says ${f.bytes}.`, f.path);
    }
  }
  const out = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const data = readEntry(bytes, byPath.get(f.path)!);
    if (sha256Hex(data) !== f.sha256) {
      fail(
        'sha256',
        `${f.path} does not match its SHA-256 in manifest.json: the file was changed or damaged after export.`,
        f.path,
      );
    }
    out.set(f.path, data);
  }
  return out;
}
