/**
 * The decode-worker path of ingestBlob, with the worker replaced by an in-process stand-in that runs
 * the same runDecode and delivers messages asynchronously, as a Worker does. Results must equal the
 * single-thread path's on real files (UTF-16, windows-1252 restart, BOMs), chunked finely so that many
 * texts are in flight; flow control must hold back the decoder; errors and cancel must surface.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellString, type Table } from '../data/table';
import { ingestBlob, IngestError, type IngestOptions } from './index';
import { pipeConfig } from './ingest';
import { ackQueue, MAX_IN_FLIGHT, runDecode, type DecodeMessage, type DecodeRequest } from './decodePipe';

class FakeDecodeWorker {
  onmessage: ((e: MessageEvent<DecodeMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Texts posted minus acks received: never above MAX_IN_FLIGHT. */
  unacked = 0;
  maxUnacked = 0;
  private readonly acks = ackQueue();

  constructor() {
    // As decode.worker.ts does once loaded: a message before any request, which the parse side ignores.
    setTimeout(() => this.onmessage?.({ data: { kind: 'ready' } } as MessageEvent<DecodeMessage>), 0);
  }

  postMessage(m: DecodeRequest | { kind: 'ack' }): void {
    if (m.kind === 'ack') {
      this.unacked--;
      this.acks.ack();
      return;
    }
    const port = {
      postMessage: (d: DecodeMessage) => {
        if (d.kind === 'text') this.maxUnacked = Math.max(this.maxUnacked, ++this.unacked);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: d } as MessageEvent<DecodeMessage>);
        }, 0);
      },
    };
    void runDecode(m, port, this.acks.next);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const rows = (t: Table) =>
  Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellString(c, r)));

describe('ingestBlob through a decode worker', () => {
  const saved = pipeConfig.minBytes;
  beforeAll(() => {
    pipeConfig.minBytes = 0;
  });
  afterAll(() => {
    pipeConfig.minBytes = saved;
  });

  const dirs = ['testdata/generated-csv-encodings', 'testdata/data/tabular'];
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(d, f)),
  );

  it.each(files)('%s: same table and report as the single-thread path', async (file) => {
    const blob = new Blob([readFileSync(file)]);
    const opts: IngestOptions = { chunkBytes: 4096 };
    const workers: FakeDecodeWorker[] = [];
    const direct = await ingestBlob(blob, opts).catch((e: Error) => e);
    const piped = await ingestBlob(blob, {
      ...opts,
      decodeWorker: () => {
        const w = new FakeDecodeWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
    }).catch((e: Error) => e);
    expect(workers.length).toBeGreaterThan(0);
    if (direct instanceof Error) {
      expect(piped).toBeInstanceOf(Error);
      expect((piped as Error).message).toBe(direct.message);
      return;
    }
    if (piped instanceof Error) throw piped;
    expect(piped.report).toEqual(direct.report);
    expect(piped.table.columns.map((c) => c.name)).toEqual(direct.table.columns.map((c) => c.name));
    expect(rows(piped.table)).toEqual(rows(direct.table));
    for (const w of workers) {
      expect(w.terminated).toBe(true);
      expect(w.maxUnacked).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    }
  });

  it('a windows-1252 file restarts with a second worker and a notice', async () => {
    const blob = new Blob([readFileSync('testdata/data/tabular/top10s_2010_2019_latin1.csv')]);
    let started = 0;
    const r = await ingestBlob(blob, {
      chunkBytes: 1000,
      decodeWorker: () => {
        started++;
        return new FakeDecodeWorker() as unknown as Worker;
      },
    });
    expect(started).toBe(2);
    expect(r.report.encoding).toBe('windows-1252');
    expect(r.report.encodingNotice).toBeTruthy();
  });

  it('an empty file is a clear IngestError', async () => {
    await expect(
      ingestBlob(new Blob([]), { decodeWorker: () => new FakeDecodeWorker() as unknown as Worker }),
    ).rejects.toBeInstanceOf(IngestError);
  });

  it('cancel stops the parse and the worker', async () => {
    const text = 'a,b\n' + Array.from({ length: 20000 }, (_, i) => `${i},x${i}`).join('\n');
    const ctrl = new AbortController();
    const w = new FakeDecodeWorker();
    const p = ingestBlob(new Blob([text]), {
      chunkBytes: 1024,
      signal: ctrl.signal,
      decodeWorker: () => w as unknown as Worker,
      onProgress: (e) => {
        if (e.bytesRead > 10000) ctrl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminated).toBe(true);
  });

  it('a worker that fails to start falls back to the single-thread path', async () => {
    const r = await ingestBlob(new Blob(['a,b\n1,2\n']), {
      decodeWorker: () => {
        throw new Error('no nested workers');
      },
    });
    expect(r.table.rowCount).toBe(1);
  });
});
