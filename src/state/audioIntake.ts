/**
 * Turning what the person gave (files, a folder's files, zips) into a flat list of candidate
 * audio files. Zips are expanded in the worker pool; inside folders and zips, files that are
 * plainly not audio (text, images, playlists) are skipped with a note, while files chosen one by
 * one are always tried (the bytes, not the name, decide).
 */
import { unzipAudio } from '../workers/audioClient';
import { MAX_FILE_BYTES } from './audioProcess';

/** A file to analyse: `path` is where it came from (folder or zip path), `name` its base name. */
export interface IncomingFile {
  file: Blob;
  name: string;
  path: string;
  /** True when it came from a folder or zip rather than being chosen itself. */
  fromContainer?: boolean;
}

const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
const NOT_AUDIO =
  /\.(txt|md|csv|tsv|json|xml|html?|pdf|jpe?g|png|gif|webp|bmp|svg|m3u8?|pls|cue|log|nfo|ini|db|ds_store|lrc|sfv|url)$/i;

async function isZip(f: IncomingFile): Promise<boolean> {
  if (/\.zip$/i.test(f.name)) return true;
  const head = new Uint8Array(await f.file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * Expand zips and drop plain non-audio files from folders/zips. Returns the files to analyse,
 * notes for the person, and zips that failed to open (as files with their error message).
 */
export async function expandInputs(inputs: IncomingFile[]): Promise<{
  files: IncomingFile[];
  notes: string[];
  failed: Array<{ input: IncomingFile; message: string }>;
}> {
  const files: IncomingFile[] = [];
  const notes: string[] = [];
  const failed: Array<{ input: IncomingFile; message: string }> = [];
  const skipped: string[] = [];
  for (const f of inputs) {
    if (f.fromContainer && NOT_AUDIO.test(f.name)) {
      skipped.push(f.path);
      continue;
    }
    if (f.file.size === 0 || !(await isZip(f))) {
      files.push(f);
      continue;
    }
    if (f.file.size > MAX_ZIP_BYTES) {
      failed.push({
        input: f,
        message: `This zip is over ${MAX_ZIP_BYTES / 1024 ** 3} GB; unzip it and add the folder instead.`,
      });
      continue;
    }
    try {
      const bytes = new Uint8Array(await f.file.arrayBuffer());
      const { entries, skipped: big } = await unzipAudio(bytes, MAX_FILE_BYTES);
      notes.push(...big.map((s) => `${f.name}: ${s}`));
      for (const e of entries) {
        const { name } = e;
        const path = `${f.path}/${e.path}`;
        if (NOT_AUDIO.test(name)) skipped.push(path);
        else
          files.push({
            file: new Blob([e.bytes as Uint8Array<ArrayBuffer>]),
            name,
            path,
            fromContainer: true,
          });
      }
      if (entries.length === 0) notes.push(`${f.name} holds no files.`);
    } catch (e) {
      failed.push({ input: f, message: e instanceof Error ? e.message : String(e) });
    }
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 3).join(', ');
    notes.push(
      `Skipped ${skipped.length} files that are not audio (${shown}${skipped.length > 3 ? ', …' : ''}).`,
    );
  }
  return { files, notes, failed };
}
