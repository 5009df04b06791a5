/**
 * The fast row path must give exactly what the general tokenizer + TableBuilder.row give: same values,
 * codes, dictionaries, skipped rows, cell issues (with line numbers) and warnings, on messy random
 * files under random chunking.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mulberry32, randInt, type Rng } from '../random';
import { fastPathSwitch } from './fastRows';
import { ingestBytes, type IngestResult } from './index';
import { TableBuilder } from './tableBuilder';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randInt(rng, xs.length)]!;

const NUMBERS = [
  () => '42',
  (r: Rng) => (r() * 200 - 100).toFixed(randInt(r, 5)),
  (r: Rng) => (r() * 1e-4).toExponential(2),
  (r: Rng) => `${randInt(r, 900) + 100}E+${randInt(r, 30)}`,
  () => '"1,021"',
  () => '"2,345.5"',
  () => '',
  () => 'NA',
  () => '-',
  () => ' 7 ',
  () => '+3.5',
  () => '.5',
  () => '5.',
  () => '00012',
  () => '1234567890123456789',
  () => '0.1234567890123456',
  () => '-0',
  () => '12abc',
  () => '      ',
  () => '  ',
  () => '""',
];
const TEXT = [
  (r: Rng) => `Artist ${randInt(r, 30)}`,
  (r: Rng) => `id${randInt(r, 1e9).toString(36)}xyzXYZ0123`,
  () => '"Hey, Soul Sister"',
  () => '"say ""hi"""',
  () => '"two\nlines"',
  () => '"cr\r\nlf"',
  () => 'café',
  () => '日本語のタイトル',
  () => 'emoji 🎵',
  () => '',
  () => '   ',
  () => 'a"b',
  () => '"quoted"tail',
  () => 'True',
];

function messyCsv(rng: Rng, rows: number): { text: string; kinds: ('n' | 't')[] } {
  const ncol = 2 + randInt(rng, 5);
  const kinds = Array.from({ length: ncol }, () => (rng() < 0.5 ? 'n' : 't') as 'n' | 't');
  const rare = rng() < 0.5 ? 0.02 : 0.2; // how often an unusual cell appears
  const lines = [kinds.map((k, i) => `${k}${i}`).join(',')];
  for (let r = 0; r < rows; r++) {
    const u = rng();
    if (u < 0.005) lines.push('');
    else if (u < 0.01) lines.push(','.repeat(ncol - 1));
    else if (u < 0.012) lines.push(kinds.map(() => pick(rng, ['', ' ', '  ', '""', '" "'])).join(','));
    else {
      const cells = kinds.map((k) =>
        k === 'n'
          ? rng() < rare
            ? pick(rng, NUMBERS)(rng)
            : String(randInt(rng, 1000) / 10)
          : rng() < rare
            ? pick(rng, TEXT)(rng)
            : `v${randInt(rng, 50)}`,
      );
      if (u < 0.015) cells.push('extra');
      else if (u < 0.02) cells.pop();
      else if (u < 0.025) cells.push('');
      lines.push(cells.join(','));
    }
  }
  const eol = pick(rng, ['\n', '\r\n', '\r']);
  return { text: lines.join(eol) + (rng() < 0.5 ? eol : ''), kinds };
}

function both(bytes: Uint8Array, chunkBytes: number): [IngestResult, IngestResult] {
  fastPathSwitch.enabled = true;
  const fast = ingestBytes(bytes, { chunkBytes });
  fastPathSwitch.enabled = false;
  const slow = ingestBytes(bytes, { chunkBytes });
  fastPathSwitch.enabled = true;
  return [fast, slow];
}

describe('fast row path', () => {
  afterEach(() => {
    fastPathSwitch.enabled = true;
  });

  it('equals the general path on random messy files and chunkings (seeded)', () => {
    const rng = mulberry32(77);
    for (let trial = 0; trial < 24; trial++) {
      const { text } = messyCsv(rng, 1100 + randInt(rng, 1500));
      const bytes = new TextEncoder().encode(text);
      const chunk = pick(rng, [7, 61, 500, 4096, 1 << 20]);
      const [fast, slow] = both(bytes, chunk);
      expect(fast.report).toEqual(slow.report);
      expect(fast.table).toEqual(slow.table);
    }
  });

  it('a numeric column that turns out to be text is converted the same way', () => {
    const lines = ['n,t'];
    for (let r = 0; r < 1500; r++) lines.push(`${r < 1200 ? r : `x${r}`},a${r % 7}`);
    const [fast, slow] = both(new TextEncoder().encode(lines.join('\n')), 3000);
    expect(fast.table).toEqual(slow.table);
    expect(fast.report).toEqual(slow.report);
    expect(fast.table.columns[0]!.kind).toBe('string');
  });

  it('really takes the fast path on plain rows (the general row() sees only the sample and chunk edges)', () => {
    const lines = ['a,b,c'];
    for (let r = 0; r < 5000; r++) lines.push(`${r},x${r % 13},"q, ${r % 5}"`);
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const spy = vi.spyOn(TableBuilder.prototype, 'row');
    const [fast, slow] = both(bytes, 1 << 14);
    expect(fast.table).toEqual(slow.table);
    const chunks = Math.ceil(bytes.length / (1 << 14));
    // fast run: header + 1000 sample rows + at most one row per chunk edge; slow run: all 5001.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(1001 + chunks + 5001);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(1001 + 5001);
    spy.mockRestore();
  });
});
