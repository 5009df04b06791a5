import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffAudioFormat, unsupportedReason } from './sniff';
import { readBytes, testdata } from '../../test-support/audio/testutil';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function box(type: string, ...children: Uint8Array[]): Uint8Array {
  const body = children.reduce((n, c) => n + c.length, 0);
  const b = new Uint8Array(8 + body);
  new DataView(b.buffer).setUint32(0, 8 + body);
  b.set(ascii(type), 4);
  let o = 8;
  for (const c of children) {
    b.set(c, o);
    o += c.length;
  }
  return b;
}

function mp4(entry: string): Uint8Array {
  const stsd = box(
    'stsd',
    Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 36, ...ascii(entry), ...new Array(28).fill(0)]),
  );
  const moov = box('moov', box('trak', box('mdia', box('minf', box('stbl', stsd)))));
  return Uint8Array.from([
    ...box('ftyp', Uint8Array.from(ascii('M4A 0000'))),
    ...box('mdat', new Uint8Array(64)),
    ...moov,
  ]);
}

describe('sniffAudioFormat', () => {
  it('recognises containers by magic bytes', () => {
    expect(sniffAudioFormat(Uint8Array.from([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')]))).toBe('wav');
    expect(sniffAudioFormat(Uint8Array.from(ascii('fLaC\0\0\0\x22')))).toBe('flac');
    const ogg = (codec: string): Uint8Array =>
      Uint8Array.from([...ascii('OggS'), ...new Array(24).fill(0), ...ascii(codec)]);
    expect(sniffAudioFormat(ogg('\x01vorbis'))).toBe('ogg');
    expect(sniffAudioFormat(ogg('OpusHead'))).toBe('opus');
    expect(sniffAudioFormat(mp4('mp4a'))).toBe('m4a');
    expect(sniffAudioFormat(mp4('alac'))).toBe('alac');
    expect(unsupportedReason('alac', 100)).toMatch(/ALAC.*not supported/);
    expect(unsupportedReason('m4a', 100)).toBeNull();
    expect(unsupportedReason('unknown', 0)).toMatch(/empty/);
    expect(sniffAudioFormat(Uint8Array.from([0xff, 0xf1, 0x50, 0x80, 0, 0x1f, 0xfc]))).toBe('m4a'); // ADTS
    expect(sniffAudioFormat(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, ...ascii('....A_OPUS')]))).toBe('opus');
    expect(sniffAudioFormat(Uint8Array.from(ascii('ID3\x04\0\0')))).toBe('mp3');
    const tag = [...ascii('ID3'), 4, 0, 0, 0, 0, 0, 2, 0, 0];
    expect(sniffAudioFormat(Uint8Array.from([...tag, ...ascii('fLaC')]))).toBe('flac');
    expect(sniffAudioFormat(Uint8Array.from([...tag, 0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffAudioFormat(new Uint8Array(0))).toBe('unknown');
    expect(sniffAudioFormat(Uint8Array.from(ascii('name,plays\nsong.wav,3\n')))).toBe('unknown');
  });

  it('generated-audio: by content, not by extension', () => {
    const expected: Record<string, string> = {
      'wav_named_as.mp3': 'wav',
      'mp3_named_as.wav': 'mp3',
      'csv_named_as.wav': 'unknown',
      'zero_length.wav': 'unknown',
      'zero_length.mp3': 'unknown',
      'ok_1s.flac': 'flac',
      'truncated_2000B.flac': 'flac',
      'ok_1s.ogg': 'ogg',
      'truncated_3000B.ogg': 'ogg',
      'ok_1s.mp3': 'mp3',
      'truncated_half.mp3': 'mp3',
    };
    for (const f of readdirSync(testdata('generated-audio'))) {
      if (f.endsWith('.md')) continue;
      const want = expected[f] ?? (f.endsWith('.wav') ? 'wav' : 'unexpected file');
      expect(sniffAudioFormat(readBytes('generated-audio', f)), f).toBe(want);
    }
  });

  it('minimp3 vectors: MPEG audio is mp3 (junk before the first frame included); the 5-byte text stub is not', () => {
    const dir = testdata('minimp3-vectors', 'vectors');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.bit')), 'fuzz/l3-compl-cut.mp3'];
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const want = f === 'l3-nonstandard-small.bit' ? 'unknown' : 'mp3';
      expect(sniffAudioFormat(readBytes('minimp3-vectors', 'vectors', f)), f).toBe(want);
    }
  });

  it('wavefile-gem: RIFF/WAVE files are wav, broken magic is not', () => {
    for (const kind of ['valid', 'invalid', 'unsupported']) {
      for (const f of readdirSync(testdata('wavefile-gem', 'wave', kind)).filter((x) => x.endsWith('.wav'))) {
        const got = sniffAudioFormat(readBytes('wavefile-gem', 'wave', kind, f));
        if (kind !== 'invalid') expect(got, f).toBe('wav');
        else if (
          /^(bad_riff|bad_wavefile|empty\.wav|incomplete_riff|no_riff|riff_chunk_has_incomplete)/.test(f)
        )
          expect(got, f).toBe('unknown');
      }
    }
  });
});
