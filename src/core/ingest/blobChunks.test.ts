/**
 * blobChunks: the chunks of a Blob in order, each chunkBytes long but the last, through the BYOB
 * stream reader (two buffers taking turns) or, where there is none, through slices.
 */
import { describe, expect, it } from 'vitest';
import { blobChunks } from './blobChunks';

const bytesOf = (n: number): Uint8Array<ArrayBuffer> =>
  Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 251);

async function read(
  blob: Blob,
  chunkBytes: number,
): Promise<{ data: Uint8Array; sizes: number[]; ends: number[] }> {
  const data = new Uint8Array(blob.size);
  const sizes: number[] = [];
  const ends: number[] = [];
  // Each chunk is copied before the next is asked for: the buffers are reused.
  for await (const { bytes, end } of blobChunks(blob, chunkBytes)) {
    data.set(bytes, end - bytes.length);
    sizes.push(bytes.length);
    ends.push(end);
  }
  return { data, sizes, ends };
}

/** A Blob whose stream has no BYOB reader (as in some browsers): the slice path. */
function noByob(blob: Blob): Blob {
  return new Proxy(blob, {
    get(target, key) {
      if (key === 'stream')
        return () => ({
          getReader: () => {
            throw new TypeError('no byob');
          },
        });
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('blobChunks', () => {
  for (const [size, chunk] of [
    [0, 16],
    [1, 16],
    [1000, 1000],
    [1001, 1000],
    [100_000, 4096],
    [3_000_000, 1 << 20],
    [5000, 1 << 22],
  ] as const) {
    it(`${size} bytes in chunks of ${chunk}: every byte once, in order, full chunks but the last`, async () => {
      const src = bytesOf(size);
      for (const blob of [new Blob([src]), noByob(new Blob([src]))]) {
        const { data, sizes, ends } = await read(blob, chunk);
        expect(Buffer.from(data).equals(Buffer.from(src))).toBe(true);
        expect(sizes.slice(0, -1).every((s) => s === chunk)).toBe(true);
        expect(sizes.length).toBe(Math.ceil(size / chunk));
        expect(ends.at(-1) ?? 0).toBe(size);
        expect(ends).toEqual(sizes.map((_, i) => Math.min(size, (i + 1) * chunk)));
      }
    });
  }

  it('stopping early (a cancel) leaves nothing pending', async () => {
    const blob = new Blob([bytesOf(1_000_000)]);
    let n = 0;
    for await (const { bytes } of blobChunks(blob, 10_000)) {
      expect(bytes.length).toBe(10_000);
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });
});
