/**
 * Helpers for sending AudioFeatures across a worker boundary.
 */
import type { AudioFeatures } from './extract';

/**
 * The distinct ArrayBuffers behind every typed array in `f` (for postMessage / Comlink.transfer),
 * so the matrices move without copying. After transferring, the sender's arrays are detached.
 */
export function featureBuffers(f: AudioFeatures): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) seen.add(v.buffer);
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x, depth + 1);
  };
  visit(f, 0);
  return [...seen];
}
