/**
 * One file through the audio pipeline: size cap, sniff (from the bytes, never the name),
 * content hash and cache, decode (WAV in a worker, the rest by the browser here), features in
 * the worker pool. Every failure is an AudioFileError naming its kind.
 */
import type { AudioFormat } from '../core/audio';
import { analyzeSamples, analyzeWav, CancelledError, inspectAudio } from '../workers/audioClient';
import type { AnalyzeSettings, ClipFeatures } from '../workers/protocol/audio';
import { cacheKey, getCached, putCached } from './audioCache';
import { AudioFileError, decodeToMono } from './audioDecode';

/** Larger files are refused before reading, so one file cannot exhaust the tab's memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type Phase = 'reading' | 'decoding' | 'analysing';

export interface FileOutcome {
  features: ClipFeatures;
  format: AudioFormat;
  cached: boolean;
  warnings: string[];
}

/** Sort a worker's Error about a WAV file into the kinds the list shows. */
function wavError(e: unknown): AudioFileError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/truncat|cut off/i.test(msg)) return new AudioFileError('truncated', msg);
  if (/^Unsupported/i.test(msg)) return new AudioFileError('unsupported', msg);
  if (/empty/i.test(msg)) return new AudioFileError('empty', msg);
  return new AudioFileError('undecodable', msg);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * Analyse one file. Throws AudioFileError (the file's own problem), CancelledError, or another
 * Error (reported as 'failed').
 */
export async function analyzeFile(
  blob: Blob,
  settings: AnalyzeSettings,
  signal: AbortSignal,
  onPhase: (p: Phase, format?: AudioFormat) => void,
): Promise<FileOutcome> {
  if (blob.size === 0) throw new AudioFileError('empty', 'The file is empty (0 bytes).');
  if (blob.size > MAX_FILE_BYTES) {
    throw new AudioFileError(
      'too-large',
      `The file is ${mb(blob.size)}; files over ${mb(MAX_FILE_BYTES)} are refused to protect memory. Cut it shorter or encode it more compactly.`,
    );
  }
  onPhase('reading');
  // Sniffing and hashing run in a worker (core code stays off the main thread); the bytes come back.
  const { bytes, format, unsupported, hash } = await inspectAudio(
    new Uint8Array(await blob.arrayBuffer()),
    signal,
  );
  if (unsupported) throw new AudioFileError('unsupported', unsupported);
  const key = cacheKey(hash, settings);
  const warnings: string[] = [];
  const hit = await getCached(key);
  if (hit) return { features: hit, format, cached: true, warnings };
  if (signal.aborted) throw new CancelledError();

  let features: ClipFeatures;
  if (format === 'wav') {
    onPhase('analysing', format);
    features = await analyzeWav(bytes, settings, signal).catch((e: unknown) => {
      throw e instanceof CancelledError ? e : wavError(e);
    });
  } else {
    onPhase('decoding', format);
    const { samples, sampleRate } = await decodeToMono(bytes, format, warnings);
    if (signal.aborted) throw new CancelledError();
    onPhase('analysing', format);
    features = await analyzeSamples(samples, sampleRate, settings, signal).catch((e: unknown) => {
      if (e instanceof CancelledError) throw e;
      throw new AudioFileError('failed', e instanceof Error ? e.message : String(e));
    });
  }
  await putCached(key, features);
  return { features, format, cached: false, warnings };
}
