/**
 * Audio container sniffing from the first bytes, never from the file name.
 */

/** What the bytes say a file is. 'm4a' covers AAC in MP4 and raw ADTS AAC; 'alac' is MP4 with ALAC. */
export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'opus' | 'flac' | 'm4a' | 'alac' | 'unknown';

function ascii(b: Uint8Array, o: number, s: string): boolean {
  if (o + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[o + i] !== s.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(b: Uint8Array, s: string, from: number, to: number): number {
  const end = Math.min(to, b.length) - s.length;
  for (let i = from; i <= end; i++) if (ascii(b, i, s)) return i;
  return -1;
}

const MPEG_BITRATES: Record<string, number[]> = {
  // kbit/s by index 1..14, keyed by version-layer (V1 = MPEG-1, V2 = MPEG-2/2.5).
  V1L1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  V1L2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  V1L3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  V2L1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  V2L2: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MPEG_RATES = [44100, 48000, 32000];

/**
 * Frame length in bytes of a valid MPEG audio frame header at `o`: 0 for free format
 * (length unknown), −1 when the 4 bytes are not a valid header.
 */
function mpegFrameLength(b: Uint8Array, o: number): number {
  if (o + 4 > b.length || b[o] !== 0xff || (b[o + 1]! & 0xe0) !== 0xe0) return -1;
  const ver = (b[o + 1]! >> 3) & 3; // 0 = 2.5, 2 = 2, 3 = 1
  const layer = (b[o + 1]! >> 1) & 3; // 1 = III, 2 = II, 3 = I
  const bri = b[o + 2]! >> 4;
  const sri = (b[o + 2]! >> 2) & 3;
  if (ver === 1 || layer === 0 || bri === 15 || sri === 3) return -1;
  if (bri === 0) return 0;
  const v1 = ver === 3;
  const key = v1 ? `V1L${4 - layer}` : layer === 3 ? 'V2L1' : 'V2L2';
  const kbps = MPEG_BITRATES[key]![bri - 1]!;
  const sr = MPEG_RATES[sri]! / (ver === 3 ? 1 : ver === 2 ? 2 : 4);
  const pad = (b[o + 2]! >> 1) & 1;
  if (layer === 3) return (Math.floor((12 * kbps * 1000) / sr) + pad) * 4;
  const coef = layer === 1 && !v1 ? 72 : 144;
  return Math.floor((coef * kbps * 1000) / sr) + pad;
}

/**
 * An MPEG audio stream: a frame header at offset 0, or (after leading junk, within the first
 * 16 KiB) a header that is followed by another valid header, runs past the bytes given, or
 * is free-format. Text can never match: 0xFF bytes do not occur in UTF-8.
 */
function looksLikeMpeg(b: Uint8Array): boolean {
  if (mpegFrameLength(b, 0) >= 0) return true;
  const limit = Math.min(b.length - 4, 16384);
  for (let o = 1; o <= limit; o++) {
    const len = mpegFrameLength(b, o);
    if (len < 0) continue;
    if (len === 0 || o + len + 4 > b.length) return true;
    if (mpegFrameLength(b, o + len) >= 0) return true;
  }
  return false;
}

/** Walk MP4 boxes for the first audio sample entry type ('mp4a', 'alac', …) in the bytes given. */
function mp4SampleEntry(b: Uint8Array): string | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const containers = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);
  const walk = (start: number, end: number, depth: number): string | null => {
    let o = start;
    while (o + 8 <= end && depth < 8) {
      let size = dv.getUint32(o);
      const type = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
      let hdr = 8;
      if (size === 1) {
        if (o + 16 > end) return null;
        size = dv.getUint32(o + 8) * 2 ** 32 + dv.getUint32(o + 12);
        hdr = 16;
      } else if (size === 0) size = end - o;
      if (size < hdr) return null;
      if (containers.has(type)) {
        const r = walk(o + hdr, Math.min(end, o + size), depth + 1);
        if (r) return r;
      } else if (type === 'stsd' && o + hdr + 16 <= end) {
        // full box (4) + entry count (4) + first entry size (4) + entry type (4)
        const p = o + hdr + 12;
        return String.fromCharCode(b[p]!, b[p + 1]!, b[p + 2]!, b[p + 3]!);
      }
      o += size;
    }
    return null;
  };
  return walk(0, b.length, 0);
}

/**
 * Sniff the audio container from the leading bytes (pass the whole file when you have it:
 * ALAC is only recognisable from the MP4 sample description). Returns 'unknown' for
 * empty, text and unrecognised data.
 */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat {
  const b = bytes;
  if (b.length < 4) return 'unknown';
  if ((ascii(b, 0, 'RIFF') || ascii(b, 0, 'RF64') || ascii(b, 0, 'BW64')) && ascii(b, 8, 'WAVE'))
    return 'wav';
  if (ascii(b, 0, 'fLaC')) return 'flac';
  if (ascii(b, 0, 'OggS')) {
    const head = Math.min(b.length, 512);
    if (indexOfAscii(b, 'OpusHead', 0, head) >= 0) return 'opus';
    if (indexOfAscii(b, 'FLAC', 0, head) >= 0) return 'flac';
    return 'ogg';
  }
  if (b.length >= 8 && ascii(b, 4, 'ftyp')) {
    const entry = mp4SampleEntry(b);
    return entry === 'alac' ? 'alac' : 'm4a';
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    // Matroska/WebM: name the codec when its id is in the header.
    const head = Math.min(b.length, 4096);
    if (indexOfAscii(b, 'A_OPUS', 0, head) >= 0) return 'opus';
    if (indexOfAscii(b, 'A_VORBIS', 0, head) >= 0) return 'ogg';
    return 'unknown';
  }
  if (ascii(b, 0, 'ID3')) {
    // An ID3v2 tag usually precedes MP3, but also appears before FLAC or ADTS AAC: look past it.
    if (b.length >= 10) {
      const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
      const after = 10 + size + (b[5]! & 0x10 ? 10 : 0);
      if (after + 4 <= b.length) {
        const inner = sniffAudioFormat(b.subarray(after));
        if (inner === 'flac' || inner === 'm4a') return inner;
      }
    }
    return 'mp3';
  }
  // ADTS AAC: 12-bit sync with layer bits 00.
  if (b[0] === 0xff && (b[1]! & 0xf6) === 0xf0) return 'm4a';
  if (looksLikeMpeg(b)) return 'mp3';
  return 'unknown';
}

/**
 * Why a sniffed format cannot be analysed, as a message for the user; null when it can be
 * (WAV here, the others through the browser's decoder).
 */
export function unsupportedReason(format: AudioFormat, byteLength: number): string | null {
  if (byteLength === 0) return 'The file is empty (0 bytes).';
  if (format === 'alac') {
    return 'Apple Lossless (ALAC) is not supported by browsers: convert the file to FLAC, WAV or AAC and add it again.';
  }
  if (format === 'unknown') {
    return 'This is not an audio file this app recognises (WAV, MP3, OGG/Vorbis, Opus, FLAC or M4A/AAC).';
  }
  return null;
}
