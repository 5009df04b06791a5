import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWav, readWavInfo } from './wav';
import { readBytes, testdata } from '../../test-support/audio/testutil';

/** Build a WAV file: fmt code, channels, rate, bits, interleaved sample bytes, extra chunks. */
function wav(
  format: number,
  ch: number,
  sr: number,
  bits: number,
  data: Uint8Array,
  extensible = false,
): Uint8Array {
  const fmtSize = extensible ? 40 : 16;
  const size = 12 + 8 + fmtSize + 8 + data.length + (data.length & 1);
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  const put = (o: number, s: string): void => [...s].forEach((c, i) => (b[o + i] = c.charCodeAt(0)));
  put(0, 'RIFF');
  dv.setUint32(4, size - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  dv.setUint32(16, fmtSize, true);
  dv.setUint16(20, extensible ? 0xfffe : format, true);
  dv.setUint16(22, ch, true);
  dv.setUint32(24, sr, true);
  dv.setUint32(28, (sr * ch * bits) / 8, true);
  dv.setUint16(32, (ch * bits) / 8, true);
  dv.setUint16(34, bits, true);
  let o = 36;
  if (extensible) {
    dv.setUint16(36, 22, true);
    dv.setUint16(38, bits, true);
    dv.setUint32(40, 3, true);
    dv.setUint16(44, format, true);
    [0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71].forEach((v, i) => (b[46 + i] = v));
    o = 60;
  }
  put(o, 'data');
  dv.setUint32(o + 4, data.length, true);
  b.set(data, o + 8);
  return b;
}

describe('decodeWav on hand-built files', () => {
  it('reads 16-bit stereo exactly, channels de-interleaved', () => {
    const d = new DataView(new ArrayBuffer(8));
    [0, -32768, 16384, 32767].forEach((v, i) => d.setInt16(2 * i, v, true));
    const out = decodeWav(wav(1, 2, 8000, 16, new Uint8Array(d.buffer)));
    expect(out.sampleRate).toBe(8000);
    expect(Array.from(out.channels[0]!)).toEqual([0, 0.5]);
    expect(Array.from(out.channels[1]!)).toEqual([-1, 32767 / 32768]);
  });
  it('reads 8-bit unsigned, 24-bit and 32-bit PCM, float32/64, extensible', () => {
    expect(Array.from(decodeWav(wav(1, 1, 8000, 8, Uint8Array.from([0, 128, 255]))).channels[0]!)).toEqual([
      -1,
      0,
      127 / 128,
    ]);
    const p24 = Uint8Array.from([0, 0, 0x80, 0xff, 0xff, 0x7f]); // −2^23, 2^23 − 1
    expect(Array.from(decodeWav(wav(1, 1, 8000, 24, p24)).channels[0]!)).toEqual([
      -1,
      Math.fround(8388607 / 8388608),
    ]);
    const p32 = new DataView(new ArrayBuffer(4));
    p32.setInt32(0, -1073741824, true);
    expect(decodeWav(wav(1, 1, 8000, 32, new Uint8Array(p32.buffer))).channels[0]![0]).toBe(-0.5);
    const f32 = new Float32Array([0.25, -1.5]);
    expect(Array.from(decodeWav(wav(3, 1, 8000, 32, new Uint8Array(f32.buffer))).channels[0]!)).toEqual([
      0.25, -1.5,
    ]);
    const f64 = new Float64Array([0.125]);
    expect(decodeWav(wav(3, 1, 8000, 64, new Uint8Array(f64.buffer), true)).channels[0]![0]).toBe(0.125);
  });
  it('rejects truncated data, a bad magic, zero channels and A-law with readable messages', () => {
    const good = wav(1, 1, 8000, 16, new Uint8Array(100));
    expect(() => decodeWav(good.subarray(0, 90))).toThrow(/truncated/);
    const bad = good.slice();
    bad[0] = 0x58;
    expect(() => decodeWav(bad)).toThrow(/RIFF/);
    expect(() => decodeWav(wav(1, 0, 8000, 16, new Uint8Array(4)))).toThrow(/0 channels/);
    expect(() => decodeWav(wav(6, 1, 8000, 8, new Uint8Array(4)))).toThrow(/Unsupported WAV.*format code 6/);
    expect(() => decodeWav(new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('wavefile-gem fixtures', () => {
  const dir = (k: string): string[] =>
    readdirSync(testdata('wavefile-gem', 'wave', k)).filter((f) => f.endsWith('.wav'));
  it('decodes every valid file with the channels, bits and rate its name says', () => {
    const files = dir('valid');
    expect(files.length).toBe(70);
    for (const f of files) {
      const bytes = readBytes('wavefile-gem', 'wave', 'valid', f);
      const info = readWavInfo(bytes);
      const out = decodeWav(bytes);
      expect(out.channels.length, f).toBe(info.channelCount);
      const m = /(mono|stereo|tri)_(pcm|float)_(\d+)_(\d+)/.exec(f);
      if (m) {
        expect(info.channelCount, f).toBe({ mono: 1, stereo: 2, tri: 3 }[m[1]!]);
        expect(info.encoding, f).toBe(m[2]);
        expect(info.bitsPerSample, f).toBe(Number(m[3]));
        expect(out.sampleRate, f).toBe(Number(m[4]));
      }
      if (f === 'no_samples.wav') expect(out.channels[0]!.length).toBe(0);
      else expect(out.channels[0]!.length, f).toBeGreaterThan(0);
      for (const ch of out.channels)
        for (const v of ch) if (!Number.isFinite(v)) throw new Error(`${f}: non-finite sample`);
    }
  });
  for (const kind of ['invalid', 'unsupported']) {
    it(`throws a readable Error for every ${kind} file`, () => {
      const files = dir(kind);
      expect(files.length).toBe(kind === 'invalid' ? 37 : 12);
      for (const f of files) {
        let msg = '';
        try {
          decodeWav(readBytes('wavefile-gem', 'wave', kind, f));
        } catch (e) {
          msg = (e as Error).message;
        }
        expect(msg, f).toMatch(
          kind === 'invalid' ? /^Cannot read this WAV file: / : /^Unsupported WAV file: /,
        );
      }
    });
  }
});
