/** Caps on the zip's directory stop a bomb before anything inflates; the inflater stops a header that lies. */
import { Deflate, strToU8, zipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawZip, type RawEntry } from './testBundles';
import { type ValidateResult, validateBundle } from './validate';

const MiB = 1 << 20;

/** Deflate `mib` MiB of zeros from one reused 1 MiB buffer, so the test never holds the inflated data. */
function deflatedZeros(mib: number): { data: Uint8Array; crc: number } {
  const zeros = new Uint8Array(MiB);
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    d.push(zeros, i === mib - 1);
    crc = crc32(zeros, crc);
  }
  const data = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((o, p) => (data.set(p, o), o + p.length), 0);
  return { data, crc };
}

function problem(r: ValidateResult) {
  if (r.ok) throw new Error('expected the zip to be refused');
  return r.error;
}

describe('zip bombs and lying headers', () => {
  // One 128 MiB stream of zeros (~130 KB deflated), shared: each bomb entry points at a copy of it.
  let zeros128: { data: Uint8Array; crc: number };
  beforeAll(() => {
    zeros128 = deflatedZeros(128);
  });

  it('refuses 30 entries of 128 MiB zeros (4 GB inflated, ~4 MB zipped) before inflating, memory flat', async () => {
    const { data, crc } = zeros128;
    expect(data.length).toBeLessThan(200_000);
    const entries: RawEntry[] = Array.from({ length: 30 }, (_, i) => ({
      name: `zeros${i}.bin`,
      method: 8,
      data,
      crc,
      size: 128 * MiB,
    }));
    const bomb = rawZip(entries);
    expect(bomb.length).toBeLessThan(6e6);
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    const e = problem(await validateBundle(bomb));
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(e.check).toBe('total-size');
    expect(e.message).toBe('The zip would unpack to 4 GB in all, over the 500 MB cap. Nothing was unpacked.');
    expect(grew).toBeLessThan(16 * MiB);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses one entry compressed far beyond real data (ratio cap), and one entry over the per-file cap', async () => {
    const { data, crc } = zeros128;
    const e = problem(
      await validateBundle(rawZip([{ name: 'weights.bin', method: 8, data, crc, size: 128 * MiB }])),
    );
    expect(e).toMatchObject({ check: 'compression-ratio', file: 'weights.bin' });
    expect(e.message).toMatch(/compressed \d+:1 .* looks like a zip bomb/);
    const big = rawZip([{ name: 'weights.bin', method: 8, data, crc, size: 2e9 }]);
    expect(problem(await validateBundle(big))).toEqual({
      file: 'weights.bin',
      check: 'entry-size',
      message: 'weights.bin would unpack to 2 GB, over the 250 MB cap per file. Nothing was unpacked.',
    });
  });

  it('refuses too many entries from the end record alone', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.txt`, strToU8('x')]));
    expect(problem(await validateBundle(zipSync(files)))).toMatchObject({ check: 'entry-count' });
  });

  it('stops inflating when an entry runs past the size its header declares', async () => {
    const real = deflatedZeros(4); // 4 MiB of zeros whose headers declare 1000 bytes
    const forged = rawZip([{ name: 'manifest.json', method: 8, data: real.data, crc: real.crc, size: 1000 }]);
    const e = problem(await validateBundle(forged));
    expect(e).toMatchObject({ check: 'inflated-size', file: 'manifest.json' });
    expect(e.message).toMatch(/directory says 1 KB but its data inflates to more than that/);
  });
});
