/**
 * A small reader for the zip's central directory, and an inflater that never writes past an entry's declared
 * size. Why not unzipSync: it inflates as it lists, and it trusts the declared size (it allocates it, and
 * silently truncates a stream that runs longer). Here listing costs nothing, so the caps can be checked first.
 * Supports what fflate's zipSync writes (stored or deflate, no ZIP64, no encryption). Pure (fflate only).
 */
import { Inflate, strFromU8 } from 'fflate';
import { fail, formatBytes } from './problem';

/** One file as the central directory describes it. Sizes in bytes. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Offset of the entry's local header in the zip. */
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
/** Compressed bytes fed to the inflater per step: one step emits at most ~1032x this (deflate's limit). */
const STEP = 16 * 1024;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const notZip = (why: string): never =>
  fail('zip', `This file is not a zip (${why}), so it is not an Encore model bundle.`);

/**
 * List the zip's entries from its central directory without inflating anything. Stops before parsing when the
 * directory declares more than `maxEntries` entries. Throws a BundleCheckError ('zip', 'entry-count').
 */
export function readZipIndex(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.length < 22) notZip('too short');
  let e = bytes.length - 22;
  const stop = Math.max(0, e - 0xffff);
  while (e >= stop && u32(bytes, e) !== EOCD_SIG) e--;
  if (e < stop) notZip('no end-of-directory record');
  const count = u16(bytes, e + 10);
  const cdOffset = u32(bytes, e + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    fail('zip', 'The zip uses ZIP64, which Encore bundles never need.');
  if (count > maxEntries) {
    fail(
      'entry-count',
      `The zip holds ${count} entries; an Encore bundle has at most ${maxEntries}. Nothing was unpacked.`,
    );
  }
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CEN_SIG) notZip('damaged central directory');
    const flags = u16(bytes, o + 8);
    const nameLen = u16(bytes, o + 28);
    const name = strFromU8(bytes.subarray(o + 46, o + 46 + nameLen));
    if (flags & 1) fail('zip', `${name} is encrypted; Encore bundles are not.`, name);
    entries.push({
      name,
      method: u16(bytes, o + 10),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
    });
    o += 46 + nameLen + u16(bytes, o + 30) + u16(bytes, o + 32);
  }
  return entries;
}

/**
 * Inflate one entry into a buffer of exactly its declared size. Refuses ('inflated-size') a stream that runs
 * past the declared size (checked while inflating, in bounded steps) or ends short of it; 'zip' for a broken
 * entry. Memory: the declared size (already capped) plus one step's output.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const { name, localOffset: lo } = entry;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== LOC_SIG)
    fail('zip', `${name}: its local header is damaged.`, name);
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail('zip', `${name} runs past the end of the zip: the file is truncated.`, name);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) lied(entry, entry.compressedSize);
    return data.slice();
  }
  if (entry.method !== 8)
    fail('zip', `${name} uses compression method ${entry.method}; bundles use deflate.`, name);
  const out = new Uint8Array(entry.size);
  let n = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (n + chunk.length > out.length) {
      over = true;
      return;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    for (let off = 0; off < data.length && !over; off += STEP) {
      inflater.push(data.subarray(off, off + STEP), off + STEP >= data.length);
    }
  } catch (cause) {
    fail(
      'zip',
      `${name} could not be inflated (${String((cause as Error).message ?? cause)}): the zip is damaged.`,
      name,
    );
  }
  if (over) lied(entry, undefined);
  if (n !== out.length) lied(entry, n);
  return out;
}

function lied(entry: ZipEntry, actual: number | undefined): never {
  const got = actual === undefined ? 'more than that' : formatBytes(actual);
  return fail(
    'inflated-size',
    `${entry.name}: the zip's directory says ${formatBytes(entry.size)} but its data inflates to ${got}; the zip is damaged or forged. Unpacking stopped.`,
    entry.name,
  );
}
