/**
 * Reading and decoding a big file on a second thread. In Chromium, reading a Blob into the worker and
 * TextDecoder's UTF-8 decoding cost about 1.5 s of a 180 MB load, time the parse thread can spend
 * parsing instead: the decode worker reads chunks, decodes them with the same ChunkDecoder the
 * single-thread path uses, and posts the text (a string is copied between workers at memory speed, far
 * faster than decoding). At most MAX_IN_FLIGHT chunks wait unparsed, so memory stays bounded however
 * far ahead decoding runs.
 *
 * Protocol: the parse side posts one DecodeRequest, then one { kind: 'ack' } per text it has parsed;
 * the decode side answers with DecodeMessage events ending in 'end' or 'error'.
 */
import { blobChunks } from './blobChunks';
import { ChunkDecoder, NotUtf8 } from './parser';
import { IngestError } from './types';

export const MAX_IN_FLIGHT = 3;

export interface DecodeRequest {
  kind: 'decode';
  blob: Blob;
  chunkBytes: number;
  encoding?: string;
  latin1: boolean;
}

export type DecodeMessage =
  /** The worker has loaded (sent once, maybe before the request: ignore it). */
  | { kind: 'ready' }
  | { kind: 'text'; text: string; bytesRead: number }
  | { kind: 'end'; encoding: string; notice?: string }
  | { kind: 'error'; error: 'notUtf8' | 'ingest' | 'other'; message: string };

/** What the decode side needs of its worker scope (a port in tests). */
export interface DecodePort {
  postMessage(m: DecodeMessage): void;
}

/**
 * The decode side's view of acks: ack() when one arrives, next() resolves once per ack (at once for
 * acks that came before it was asked).
 */
export function ackQueue(): { ack(): void; next(): Promise<void> } {
  let credits = 0;
  let waiting: (() => void) | null = null;
  return {
    ack() {
      const w = waiting;
      waiting = null;
      if (w) w();
      else credits++;
    },
    next() {
      if (credits > 0) {
        credits--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        waiting = resolve;
      });
    },
  };
}

/**
 * The decode side: read `req.blob` in chunks, decode, post the text. `nextAck` resolves once per ack
 * (see ackQueue); a cancelled parse simply terminates the worker.
 */
export async function runDecode(
  req: DecodeRequest,
  port: DecodePort,
  nextAck: () => Promise<void>,
): Promise<void> {
  try {
    const dec = new ChunkDecoder(req.encoding, req.latin1);
    let inFlight = 0;
    const send = async (text: string, bytesRead: number): Promise<void> => {
      if (text.length === 0) return;
      while (inFlight >= MAX_IN_FLIGHT) {
        await nextAck();
        inFlight--;
      }
      inFlight++;
      port.postMessage({ kind: 'text', text, bytesRead });
    };
    for await (const { bytes, end } of blobChunks(req.blob, req.chunkBytes)) await send(dec.push(bytes), end);
    await send(dec.end(), req.blob.size);
    port.postMessage({ kind: 'end', encoding: dec.encoding, ...(dec.notice ? { notice: dec.notice } : {}) });
  } catch (e) {
    const error = e instanceof NotUtf8 ? 'notUtf8' : e instanceof IngestError ? 'ingest' : 'other';
    port.postMessage({ kind: 'error', error, message: e instanceof Error ? e.message : String(e) });
  }
}

/** The error a decode-side failure stands for on the parse side. */
export function decodeError(m: { error: 'notUtf8' | 'ingest' | 'other'; message: string }): Error {
  if (m.error === 'notUtf8') return new NotUtf8(m.message);
  if (m.error === 'ingest') return new IngestError(m.message);
  return new Error(`Reading the file failed: ${m.message}`);
}
