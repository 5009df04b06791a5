/**
 * The decode worker of a big CSV load (see core/ingest/decodePipe.ts): started by the thread that
 * parses, one per file; it reads and decodes the file while that thread parses.
 */
import { runDecode, type DecodeRequest } from '../core/ingest/decodePipe';

const scope = self as unknown as {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
};
let waiting: (() => void) | null = null;
let credits = 0;

const nextAck = (): Promise<void> =>
  credits > 0
    ? (credits--, Promise.resolve())
    : new Promise<void>((resolve) => {
        waiting = resolve;
      });

scope.onmessage = (e: MessageEvent<DecodeRequest | { kind: 'ack' }>) => {
  const m = e.data;
  if (m.kind === 'ack') {
    const w = waiting;
    waiting = null;
    if (w) w();
    else credits++;
  } else void runDecode(m, scope, nextAck);
};
