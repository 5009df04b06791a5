import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oggTruncated } from './audioDecode';

const gen = (f: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../testdata/generated-audio', f)));
const clip = (f: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../testdata/data/audio', f)));

describe('oggTruncated', () => {
  it('accepts complete Ogg files', () => {
    expect(oggTruncated(gen('ok_1s.ogg'))).toBe(false);
    expect(oggTruncated(clip('Kevin_MacLeod_-_Vibe_Ace.ogg'))).toBe(false);
  });
  it('finds a file cut inside a page, between pages, or inside a page header', () => {
    const ok = gen('ok_1s.ogg');
    expect(oggTruncated(gen('truncated_3000B.ogg'))).toBe(true);
    expect(oggTruncated(ok.subarray(0, 3352))).toBe(true); // ends between pages, before end-of-stream
    expect(oggTruncated(ok.subarray(0, 3352 + 10))).toBe(true);
    expect(oggTruncated(ok.subarray(0, ok.length - 1))).toBe(true);
  });
});
