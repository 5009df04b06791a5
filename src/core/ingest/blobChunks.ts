/**
 * The chunks of a Blob in order. The next chunk is read while the consumer works on this one (a Blob
 * read is asynchronous I/O; in a browser it comes from another process), so it does not wait for it:
 * one more chunk of memory. `end`: the byte offset just after the chunk.
 */
export async function* blobChunks(
  blob: Blob,
  chunkBytes: number,
): AsyncGenerator<{ bytes: Uint8Array; end: number }> {
  const total = blob.size;
  const read = (off: number): Promise<ArrayBuffer> => {
    const p = blob.slice(off, Math.min(total, off + chunkBytes)).arrayBuffer();
    p.catch(() => {}); // a read abandoned by a cancel must not surface as an unhandled rejection
    return p;
  };
  let next = total > 0 ? read(0) : null;
  for (let off = 0; off < total; off += chunkBytes) {
    const bytes = new Uint8Array(await next!);
    next = off + chunkBytes < total ? read(off + chunkBytes) : null;
    yield { bytes, end: Math.min(total, off + chunkBytes) };
  }
}
