/**
 * Content hashing for the feature cache.
 */

/** SHA-256 of the bytes as 64 lower-case hex characters (crypto.subtle: browsers, workers, Node ≥ 20). */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('SHA-256 needs crypto.subtle (a secure context in browsers, Node 20+).');
  // Copy when the view does not cover its whole buffer (or the buffer is shared), so only these bytes are hashed.
  const view =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
      ? bytes
      : bytes.slice();
  const digest = new Uint8Array(await subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
