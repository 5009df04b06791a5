/**
 * Entry points of CSV ingest. All of them run the same StreamParser; ingestBlob reads the file in
 * chunks (bounded memory, progress, cancel), the others are synchronous for tests and small files.
 */
import { NotUtf8, StreamParser } from './parser';
import type { Table } from '../data/table';
import { blobChunks } from './blobChunks';
import { concatTables } from './concat';
import { decodeError, type DecodeMessage, type DecodeRequest } from './decodePipe';
import type { IngestOptions, IngestReport, IngestResult } from './types';

const DEFAULT_CHUNK = 4 * 1024 * 1024;

/** opts.onProgress as (bytesRead, rows), timed from now, for a file of `total` bytes. */
function progressOf(opts: IngestOptions, total: number): (bytesRead: number, rows: number) => void {
  const t0 = Date.now();
  return (bytesRead, rows) =>
    opts.onProgress?.({ bytesRead, totalBytes: total, rows, elapsedMs: Date.now() - t0 });
}
/** Files from minBytes on are decoded in a decode worker when opts.decodeWorker is given (tests lower it). */
export const pipeConfig = { minBytes: 8 * 1024 * 1024 };

/**
 * Parse a CSV file streaming: reads `chunkBytes` (default 4 MiB) at a time, reports progress after
 * each chunk, stops with an AbortError when `signal` aborts. Throws IngestError for whole-file problems.
 */
export async function ingestBlob(blob: Blob, opts: IngestOptions = {}): Promise<IngestResult> {
  const piped = opts.decodeWorker && blob.size >= pipeConfig.minBytes;
  const read = (latin1: boolean) =>
    piped ? readBlobPiped(blob, opts, latin1) : readBlob(blob, opts, latin1);
  try {
    return await read(false);
  } catch (e) {
    if (e instanceof NotUtf8) return read(true);
    throw e;
  }
}

/**
 * readBlob with the reading and decoding in a decode worker (see decodePipe.ts): the same parse, fed
 * text instead of bytes. Falls back to readBlob when the worker fails before sending anything.
 */
function readBlobPiped(blob: Blob, opts: IngestOptions, latin1: boolean): Promise<IngestResult> {
  let worker: Worker;
  try {
    worker = opts.decodeWorker!();
  } catch {
    return readBlob(blob, opts, latin1);
  }
  const parser = new StreamParser(opts, latin1, blob.size);
  const progress = progressOf(opts, blob.size);
  return new Promise<IngestResult>((resolve, reject) => {
    let started = false;
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = (): void => settle(() => reject(opts.signal!.reason));
    opts.signal?.addEventListener('abort', onAbort);
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (started)
        settle(() => reject(new Error(`Reading the file failed: ${ev.message || 'decode worker error'}`)));
      else settle(() => readBlob(blob, opts, latin1).then(resolve, reject));
    };
    worker.onmessage = (e: MessageEvent<DecodeMessage>) => {
      const m = e.data;
      if (settled || m.kind === 'ready') return;
      started = true;
      try {
        opts.signal?.throwIfAborted();
        if (m.kind === 'text') {
          parser.pushDecoded(m.text, m.bytesRead);
          worker.postMessage({ kind: 'ack' });
          progress(m.bytesRead, parser.rows);
        } else if (m.kind === 'end') {
          const result = parser.finishDecoded(m.encoding, m.notice);
          progress(blob.size, result.report.rowsRead);
          settle(() => resolve(result));
        } else settle(() => reject(decodeError(m)));
      } catch (err) {
        settle(() => reject(err));
      }
    };
    const req: DecodeRequest = {
      kind: 'decode',
      blob,
      chunkBytes: Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK),
      latin1,
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
    };
    worker.postMessage(req);
  });
}

async function readBlob(blob: Blob, opts: IngestOptions, latin1: boolean): Promise<IngestResult> {
  const chunk = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK);
  const parser = new StreamParser(opts, latin1, blob.size);
  const progress = progressOf(opts, blob.size);
  opts.signal?.throwIfAborted();
  for await (const { bytes, end } of blobChunks(blob, chunk)) {
    opts.signal?.throwIfAborted();
    parser.pushBytes(bytes);
    progress(end, parser.rows);
  }
  const result = parser.finish();
  progress(blob.size, result.report.rowsRead);
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
  const progress = progressOf(opts, bytes.length);
  for (let off = 0; off < bytes.length; off += chunk) {
    opts.signal?.throwIfAborted();
    const end = Math.min(bytes.length, off + chunk);
    parser.pushBytes(bytes.subarray(off, end));
    progress(end, parser.rows);
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
