/**
 * A strict, bounded WAV (RIFF/WAVE) decoder in pure TypeScript: PCM 8/16/24/32-bit,
 * IEEE float 32/64, and WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format. Walks the
 * chunks once (every step advances, so it cannot loop), and throws an Error with a message a
 * person can act on for anything it cannot read. Labels follow the WaveFile gem's fixtures.
 */

/** Decoded audio: one Float32Array per channel, samples in [-1, 1] for PCM. */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
}

/** Header facts of a WAV file, as read from its fmt chunk. */
export interface WavInfo {
  sampleRate: number;
  channelCount: number;
  bitsPerSample: number;
  /** 'pcm' (integer) or 'float'. */
  encoding: 'pcm' | 'float';
  frames: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Tail of the KSDATAFORMAT_SUBTYPE GUIDs: xxxx0000-0000-0010-8000-00aa00389b71. */
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
/** Refuse absurd headers before allocating (about 2 GiB of float32 samples). */
const MAX_SAMPLES = 512 * 1024 * 1024;

function fourcc(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
}

function fail(msg: string): never {
  throw new Error(`Cannot read this WAV file: ${msg}`);
}

function unsupported(msg: string): never {
  throw new Error(
    `Unsupported WAV file: ${msg}. Convert it to 16-bit PCM or 32-bit float WAV (or MP3/OGG) and retry.`,
  );
}

interface Fmt {
  format: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
  validBits: number;
  subFormat: number;
}

function parseFmt(b: Uint8Array, dv: DataView, o: number, size: number): Fmt {
  if (size < 16) fail(`the format chunk is ${size} bytes, but it needs at least 16.`);
  const f: Fmt = {
    format: dv.getUint16(o, true),
    channels: dv.getUint16(o + 2, true),
    sampleRate: dv.getUint32(o + 4, true),
    blockAlign: dv.getUint16(o + 12, true),
    bits: dv.getUint16(o + 14, true),
    validBits: 0,
    subFormat: 0,
  };
  f.validBits = f.bits;
  f.subFormat = f.format;
  if (f.format !== FORMAT_PCM && size > 16) {
    // Non-PCM formats carry a cbSize field; the extension must fit inside the chunk.
    if (size < 18) fail('the format chunk ends inside its extension-size field.');
    const cb = dv.getUint16(o + 16, true);
    if (18 + cb > size)
      fail(`the format extension claims ${cb} bytes but the format chunk has only ${size - 18}.`);
    if (f.format === FORMAT_EXTENSIBLE) {
      if (cb < 22) fail(`the WAVE_FORMAT_EXTENSIBLE extension is ${cb} bytes; it needs 22.`);
      f.validBits = dv.getUint16(o + 18, true);
      f.subFormat = dv.getUint16(o + 24, true);
      for (let i = 0; i < GUID_TAIL.length; i++) {
        if (b[o + 26 + i] !== GUID_TAIL[i])
          unsupported('its WAVE_FORMAT_EXTENSIBLE sub-format GUID is not PCM or float');
      }
    }
  } else if (f.format === FORMAT_EXTENSIBLE) {
    fail('the WAVE_FORMAT_EXTENSIBLE format chunk has no extension.');
  }
  return f;
}

function checkFmt(f: Fmt): 'pcm' | 'float' {
  if (f.channels === 0) unsupported('the header says it has 0 channels');
  if (f.sampleRate === 0) unsupported('the header says its sample rate is 0 Hz');
  const enc = f.subFormat === FORMAT_PCM ? 'pcm' : f.subFormat === FORMAT_FLOAT ? 'float' : null;
  if (enc === null)
    unsupported(`audio format code ${f.subFormat} (only PCM = 1 and IEEE float = 3 are read)`);
  if (f.validBits !== f.bits) unsupported(`${f.validBits}-bit samples in ${f.bits}-bit containers`);
  if (enc === 'pcm' && ![8, 16, 24, 32].includes(f.bits)) unsupported(`${f.bits}-bit PCM`);
  if (enc === 'float' && f.bits !== 32 && f.bits !== 64) unsupported(`${f.bits}-bit float`);
  return enc;
}

/** Check a 'smpl' chunk's declared loop and sampler-data sizes against its length. */
function checkSmpl(dv: DataView, o: number, size: number): void {
  if (size < 36) fail(`the 'smpl' chunk is ${size} bytes; it needs at least 36.`);
  const loops = dv.getUint32(o + 28, true);
  const extra = dv.getUint32(o + 32, true);
  if (36 + loops * 24 + extra > size)
    fail("the 'smpl' chunk declares more loops or sampler data than it holds.");
}

/** Parse the header only (throws like {@link decodeWav}). */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  return parse(bytes, false).info;
}

/**
 * Decode a WAV file. Shape: channels[c] is a Float32Array of `frames` samples; integer PCM
 * is scaled to [-1, 1) (8-bit is unsigned, centred at 128); float samples are kept as stored
 * (they may exceed ±1). A file with a data chunk but no samples decodes to empty channels.
 * Throws an Error naming the problem for invalid or unsupported files.
 */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const { info, audio } = parse(bytes, true);
  if (!audio) throw new Error('internal: no audio');
  void info;
  return audio;
}

function parse(bytes: Uint8Array, decode: boolean): { info: WavInfo; audio?: DecodedAudio } {
  const n = bytes.length;
  if (n === 0) fail('the file is empty (0 bytes).');
  if (n < 12) fail(`the file is only ${n} bytes, too short for a RIFF/WAVE header.`);
  const riff = fourcc(bytes, 0);
  if (riff === 'RF64' || riff === 'BW64') unsupported('RF64/BW64 (64-bit RIFF) files are not read');
  if (riff !== 'RIFF') fail('it does not start with "RIFF", so it is not a WAV file.');
  if (fourcc(bytes, 8) !== 'WAVE') fail(`the RIFF form type is "${fourcc(bytes, 8)}", not "WAVE".`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Fmt | null = null;
  let dataOff = -1;
  let dataLen = 0;
  let o = 12;
  while (o < n) {
    if (n - o < 8) {
      if (dataOff >= 0) break; // trailing bytes after the audio: ignore
      fail('a chunk header is cut off before the audio data.');
    }
    const id = fourcc(bytes, o);
    let size = dv.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'data' && size === 0xffffffff) size = n - body; // streamed file of unknown length
    if (body + size > n) {
      if (id === 'data')
        fail(`the data chunk says ${size} bytes but only ${n - body} are in the file (truncated).`);
      fail(
        `the "${id.replace(/[^\x20-\x7e]/g, '?')}" chunk runs past the end of the file (truncated or corrupt).`,
      );
    }
    if (id === 'fmt ') {
      if (fmt) fail('it has two format chunks.');
      fmt = parseFmt(bytes, dv, body, size);
    } else if (id === 'data') {
      if (!fmt) fail('the data chunk comes before the format chunk.');
      if (dataOff < 0) {
        dataOff = body;
        dataLen = size;
      }
    } else if (id === 'smpl') {
      checkSmpl(dv, body, size);
    }
    o = body + size + (size & 1); // chunks are word-aligned; the final pad byte may be missing
  }
  if (!fmt) fail('it has no format ("fmt ") chunk.');
  if (dataOff < 0) fail('it has no data chunk, so there is no audio in it.');
  const enc = checkFmt(fmt);
  const bps = fmt.bits >> 3;
  const frameBytes = bps * fmt.channels;
  const frames = Math.floor(dataLen / frameBytes);
  if (frames * fmt.channels > MAX_SAMPLES)
    unsupported(`${frames} frames × ${fmt.channels} channels is too large`);
  const info: WavInfo = {
    sampleRate: fmt.sampleRate,
    channelCount: fmt.channels,
    bitsPerSample: fmt.bits,
    encoding: enc,
    frames,
  };
  if (!decode) return { info };
  const channels: Float32Array[] = [];
  for (let c = 0; c < fmt.channels; c++) channels.push(new Float32Array(frames));
  readSamples(bytes, dv, dataOff, frames, fmt.channels, fmt.bits, enc, channels);
  return { info, audio: { sampleRate: fmt.sampleRate, channels } };
}

function readSamples(
  b: Uint8Array,
  dv: DataView,
  off: number,
  frames: number,
  nch: number,
  bits: number,
  enc: 'pcm' | 'float',
  out: Float32Array[],
): void {
  const bps = bits >> 3;
  for (let c = 0; c < nch; c++) {
    const ch = out[c]!;
    let p = off + c * bps;
    const stride = nch * bps;
    if (enc === 'float') {
      if (bits === 32) for (let i = 0; i < frames; i++, p += stride) ch[i] = dv.getFloat32(p, true);
      else for (let i = 0; i < frames; i++, p += stride) ch[i] = dv.getFloat64(p, true);
    } else if (bits === 8) {
      for (let i = 0; i < frames; i++, p += stride) ch[i] = (b[p]! - 128) / 128;
    } else if (bits === 16) {
      for (let i = 0; i < frames; i++, p += stride) ch[i] = dv.getInt16(p, true) / 32768;
    } else if (bits === 24) {
      for (let i = 0; i < frames; i++, p += stride) {
        const v = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
        ch[i] = ((v << 8) >> 8) / 8388608;
      }
    } else {
      for (let i = 0; i < frames; i++, p += stride) ch[i] = dv.getInt32(p, true) / 2147483648;
    }
  }
}
