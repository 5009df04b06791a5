/**
 * Size caps for opening a bundle, checked on the zip's central directory BEFORE anything is inflated, so a zip
 * bomb (a few MB that would inflate to GBs) is refused while memory stays flat. The inflater also enforces each
 * entry's declared size as it runs (readEntry), since a header can lie.
 */
import type { ZipEntry } from './zipIndex';
import { fail, formatBytes } from './problem';

/** Limits on what a bundle may hold. Decimal units (1 MB = 1e6 bytes). */
export interface BundleCaps {
  /** The .zip file itself. */
  maxZipBytes: number;
  /** Entries in the zip (a bundle has about 10). */
  maxEntries: number;
  /** One entry's uncompressed size (weights.bin is the big one). */
  maxEntryBytes: number;
  /** All entries' uncompressed sizes together. */
  maxTotalBytes: number;
  /** manifest.json's uncompressed size. */
  maxManifestBytes: number;
  /** Uncompressed / compressed for one entry; deflate tops out near 1032, real weights and JSON sit far below. */
  maxRatio: number;
  /** Entries smaller than this skip the ratio check (tiny repetitive JSON compresses very well and is harmless). */
  ratioFloorBytes: number;
}

/** Defaults: room for any model the zoo builds at browser scale, far below what would exhaust a tab. */
export const DEFAULT_BUNDLE_CAPS: BundleCaps = {
  maxZipBytes: 500e6,
  maxEntries: 32,
  maxEntryBytes: 250e6,
  maxTotalBytes: 500e6,
  maxManifestBytes: 1e6,
  maxRatio: 200,
  ratioFloorBytes: 1e6,
};

/**
 * Refuse a zip whose central directory declares too many entries, an entry or a total over the caps, or an
 * entry compressed suspiciously well. Reads only the directory; inflates nothing. Throws a BundleCheckError.
 */
export function checkEntryCaps(entries: readonly ZipEntry[], caps: BundleCaps): void {
  if (entries.length > caps.maxEntries) {
    fail(
      'entry-count',
      `The zip holds ${entries.length} entries; an Encore bundle has at most ${caps.maxEntries}. Nothing was unpacked.`,
    );
  }
  let total = 0;
  for (const e of entries) {
    if (e.size > caps.maxEntryBytes) {
      fail(
        'entry-size',
        `${e.name} would unpack to ${formatBytes(e.size)}, over the ${formatBytes(caps.maxEntryBytes)} cap per file. Nothing was unpacked.`,
        e.name,
      );
    }
    total += e.size;
  }
  if (total > caps.maxTotalBytes) {
    fail(
      'total-size',
      `The zip would unpack to ${formatBytes(total)} in all, over the ${formatBytes(caps.maxTotalBytes)} cap. Nothing was unpacked.`,
    );
  }
  for (const e of entries) {
    if (e.size < caps.ratioFloorBytes) continue;
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (ratio > caps.maxRatio) {
      fail(
        'compression-ratio',
        `${e.name} is compressed ${Math.round(ratio)}:1 (${formatBytes(e.compressedSize)} to ${formatBytes(e.size)}), beyond the ${caps.maxRatio}:1 a real bundle shows; it looks like a zip bomb. Nothing was unpacked.`,
        e.name,
      );
    }
  }
}
