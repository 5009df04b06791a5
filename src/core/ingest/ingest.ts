/**
 * Entry points of CSV ingest. All of them run the same StreamParser; ingestBlob reads the file in
 * chunks (bounded memory, progress, cancel), the others are synchronous for tests and small files.
 */
import { NotUtf8, StreamParser } from './parser';
import type { Table } from '../data/table';
import { concatTables } from './concat';
import type { IngestOptions, IngestReport, IngestResult } from './types';

const DEFAULT_CHUNK = 4 * 1024 * 1024;

/**
 * Parse a CSV file streaming: reads `chunkBytes` (default 4 MiB) at a time, reports progress after
 * each chunk, stops with an AbortError when `signal` aborts. Throws IngestError for whole-file problems.
 */
export async function ingestBlob(blob: Blob, opts: IngestOptions = {}): Promise<IngestResult> {
  try {
    return await readBlob(blob, opts, false);
  } catch (e) {
    if (e instanceof NotUtf8) return readBlob(blob, opts, true);
    throw e;
  }
}

async function readBlob(blob: Blob, opts: IngestOptions, latin1: boolean): Promise<IngestResult> {
  const chunk = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK);
  const parser = new StreamParser(opts, latin1, blob.size);
  const t0 = Date.now();
  const total = blob.size;
  // The next chunk is read while this one is parsed (a Blob read is asynchronous I/O; in a browser it
  // comes from another process), so the parse does not wait for it: one more chunk of memory.
  const read = (off: number): Promise<ArrayBuffer> => {
    const p = blob.slice(off, Math.min(total, off + chunk)).arrayBuffer();
    p.catch(() => {}); // a read abandoned by a cancel must not surface as an unhandled rejection
    return p;
  };
  let next = total > 0 ? read(0) : null;
  for (let off = 0; off < total; off += chunk) {
    opts.signal?.throwIfAborted();
    const bytes = new Uint8Array(await next!);
    next = off + chunk < total ? read(off + chunk) : null;
    opts.signal?.throwIfAborted();
    parser.pushBytes(bytes);
    opts.onProgress?.({
      bytesRead: Math.min(total, off + chunk),
      totalBytes: total,
      rows: parser.rows,
      elapsedMs: Date.now() - t0,
    });
  }
  const result = parser.finish();
  opts.onProgress?.({
    bytesRead: total,
    totalBytes: total,
    rows: result.report.rowsRead,
    elapsedMs: Date.now() - t0,
  });
  return result;
}

/** Parse CSV bytes synchronously with the same code as ingestBlob (chunked by `chunkBytes`). */
export function ingestBytes(bytes: Uint8Array, opts: IngestOptions = {}): IngestResult {
  try {
    return readBytes(bytes, opts, false);
  } catch (e) {
    if (e instanceof NotUtf8) return readBytes(bytes, opts, true);
    throw e;
  }
}

function readBytes(bytes: Uint8Array, opts: IngestOptions, latin1: boolean): IngestResult {
  const chunk = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK);
  const parser = new StreamParser(opts, latin1, bytes.length);
  const t0 = Date.now();
  for (let off = 0; off < bytes.length; off += chunk) {
    opts.signal?.throwIfAborted();
    parser.pushBytes(bytes.subarray(off, Math.min(bytes.length, off + chunk)));
    opts.onProgress?.({
      bytesRead: Math.min(bytes.length, off + chunk),
      totalBytes: bytes.length,
      rows: parser.rows,
      elapsedMs: Date.now() - t0,
    });
  }
  return parser.finish();
}

/** Parse CSV text (already decoded; encoding reported as 'utf-8'). */
export function ingestText(text: string, opts: IngestOptions = {}): IngestResult {
  return ingestBytes(new TextEncoder().encode(text), { ...opts, encoding: opts.encoding ?? 'utf-8' });
}

/**
 * Several files as one dataset (e.g. the six hit_predictor decades): each is ingested streaming, then
 * the tables are stacked by column name (see concatTables). Progress counts bytes over all files.
 * With `sourceColumn`, a text column names the file of each row.
 */
export async function ingestBlobs(
  blobs: Blob[],
  opts: IngestOptions & { sourceColumn?: string; sourceLabels?: string[] } = {},
): Promise<{ table: Table; reports: IngestReport[] }> {
  const total = blobs.reduce((s, b) => s + b.size, 0);
  const results: IngestResult[] = [];
  let before = 0;
  let rowsBefore = 0;
  for (const blob of blobs) {
    const r = await ingestBlob(blob, {
      ...opts,
      onProgress: (p) =>
        opts.onProgress?.({
          ...p,
          bytesRead: before + p.bytesRead,
          totalBytes: total,
          rows: rowsBefore + p.rows,
        }),
    });
    results.push(r);
    before += blob.size;
    rowsBefore += r.report.rowsRead;
  }
  const table = concatTables(
    results.map((r) => r.table),
    {
      ...(opts.sourceColumn ? { sourceColumn: opts.sourceColumn } : {}),
      ...(opts.sourceLabels ? { sourceLabels: opts.sourceLabels } : {}),
    },
  );
  return { table, reports: results.map((r) => r.report) };
}
