/**
 * Main-thread decoding of compressed audio (MP3, OGG, Opus, FLAC, M4A): workers have no
 * AudioContext, so the browser's decoder runs here. Decoding through an OfflineAudioContext at
 * 22,050 Hz makes the browser resample for free; the channels are then averaged to mono and the
 * samples handed (transferred) to the worker pool. WAV never comes here: the core decoder reads
 * it in a worker.
 */
import type { AudioFormat } from '../core/audio';

/** The analysis sample rate (Hz), as librosa's default. */
export const TARGET_RATE = 22050;

/** Why a file could not be analysed, as a kind the list can show and a message a person can act on. */
export type AudioErrorKind = 'empty' | 'truncated' | 'unsupported' | 'undecodable' | 'too-large' | 'failed';

/** A per-file problem; the other files carry on. */
export class AudioFileError extends Error {
  constructor(
    readonly kind: AudioErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AudioFileError';
  }
}

/**
 * True when an Ogg stream is cut short: a page runs past the end of the bytes, the bytes stop
 * between pages without an end-of-stream page, or the sync pattern is lost.
 */
export function oggTruncated(b: Uint8Array): boolean {
  let o = 0;
  let lastFlags = 0;
  while (o < b.length) {
    if (o + 27 > b.length) return true;
    if (b[o] !== 0x4f || b[o + 1] !== 0x67 || b[o + 2] !== 0x67 || b[o + 3] !== 0x53) return true;
    lastFlags = b[o + 5]!;
    const segs = b[o + 26]!;
    if (o + 27 + segs > b.length) return true;
    let size = 27 + segs;
    for (let i = 0; i < segs; i++) size += b[o + 27 + i]!;
    if (o + size > b.length) return true;
    o += size;
  }
  return (lastFlags & 0x04) === 0;
}

/** Whether the bytes look cut short for their format (only Ogg can be checked cheaply and surely). */
function looksTruncated(bytes: Uint8Array, format: AudioFormat): boolean {
  return (format === 'ogg' || format === 'opus') && oggTruncated(bytes);
}

type OfflineCtor = typeof OfflineAudioContext;

/**
 * Decode compressed `bytes` (sniffed as `format`) to mono samples at 22,050 Hz.
 * Throws AudioFileError 'truncated' or 'undecodable' with a readable message; `warnings`
 * receives a note when a cut-short file still decoded.
 */
export async function decodeToMono(
  bytes: Uint8Array,
  format: AudioFormat,
  warnings: string[],
): Promise<{ samples: Float32Array; sampleRate: number }> {
  const Ctor: OfflineCtor | undefined =
    globalThis.OfflineAudioContext ??
    (globalThis as unknown as { webkitOfflineAudioContext?: OfflineCtor }).webkitOfflineAudioContext;
  if (!Ctor)
    throw new AudioFileError(
      'undecodable',
      'This browser cannot decode audio (it has no OfflineAudioContext).',
    );
  const truncated = looksTruncated(bytes, format);
  const label = format.toUpperCase();
  const ctx = new Ctor({ numberOfChannels: 1, length: 1, sampleRate: TARGET_RATE });
  // decodeAudioData detaches the buffer it is given: hand it a copy when the view is not the whole buffer.
  const owned =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  let buf: AudioBuffer;
  try {
    buf = await ctx.decodeAudioData(owned.buffer as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error && e.message ? ` (${e.message})` : '';
    if (truncated) {
      throw new AudioFileError(
        'truncated',
        `This ${label} file is truncated: it ends before its first audio data, so nothing could be decoded. Download or export it again.`,
      );
    }
    throw new AudioFileError(
      'undecodable',
      `The browser could not decode this ${label} file${why}: it may be corrupt or use a codec this browser lacks.`,
    );
  }
  if (buf.length === 0 || buf.numberOfChannels === 0) {
    throw new AudioFileError(
      truncated ? 'truncated' : 'undecodable',
      truncated
        ? `This ${label} file is truncated: it holds no complete audio. Download or export it again.`
        : `This ${label} file decoded to no samples.`,
    );
  }
  if (truncated)
    warnings.push(`The file looks truncated; only its first ${buf.duration.toFixed(1)} s decoded.`);
  const n = buf.length;
  let samples: Float32Array;
  if (buf.numberOfChannels === 1) samples = buf.getChannelData(0).slice();
  else {
    samples = new Float32Array(n);
    const inv = 1 / buf.numberOfChannels;
    for (let c = 0; c < buf.numberOfChannels; c++) {
      const ch = buf.getChannelData(c);
      for (let i = 0; i < n; i++) samples[i] = samples[i]! + ch[i]! * inv;
    }
  }
  return { samples, sampleRate: buf.sampleRate };
}
