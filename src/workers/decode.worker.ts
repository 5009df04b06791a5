/**
 * The decode worker of a big CSV load (see core/ingest/decodePipe.ts): started by the thread that
 * parses, one per file; it reads and decodes the file while that thread parses.
 */
import { ackQueue, runDecode, type DecodeRequest } from '../core/ingest/decodePipe';

const scope = self as unknown as {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
};
const acks = ackQueue();

scope.onmessage = (e: MessageEvent<DecodeRequest | { kind: 'ack' }>) => {
  const m = e.data;
  if (m.kind === 'ack') acks.ack();
  else void runDecode(m, scope, acks.next);
};
scope.postMessage({ kind: 'ready' });
