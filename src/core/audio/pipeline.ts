/**
 * File-level entry points: decoded channels (or WAV bytes) → mono 22,050 Hz analysis window →
 * features. Other formats are decoded by the browser and enter through analyzeDecoded.
 */
import { extractFeatures, type AudioFeatures, type ExtractOptions } from './extract';
import { analysisWindow, downmixAndResample, type AnalysisWindowOptions } from './resample';
import { sniffAudioFormat } from './sniff';
import { decodeWav, type DecodedAudio } from './wav';

/** Options of {@link analyzeDecoded}: the analysis window plus extraction options. */
export interface AnalyzeOptions extends ExtractOptions {
  /** Default: 30 s from the middle. */
  window?: AnalysisWindowOptions;
}

/** Sample rates accepted by {@link analyzeDecoded} (Hz); outside this a header is almost surely corrupt. */
export const MIN_RATE = 1000;
export const MAX_RATE = 1_536_000;

/**
 * Downmix, resample to `targetRate` (default 22,050 Hz), cut the analysis window and extract
 * features. Throws an Error with a readable message for empty audio or an implausible sample rate.
 */
export function analyzeDecoded(audio: DecodedAudio, opts: AnalyzeOptions = {}): AudioFeatures {
  const { sampleRate, channels } = audio;
  if (channels.length === 0) throw new Error('The audio has no channels.');
  const frames = channels[0]!.length;
  if (frames === 0) throw new Error('The audio is empty: the file holds no samples.');
  if (!(sampleRate >= MIN_RATE && sampleRate <= MAX_RATE)) {
    throw new Error(`Unsupported sample rate ${sampleRate} Hz: expected ${MIN_RATE} to ${MAX_RATE} Hz.`);
  }
  const target = opts.targetRate ?? 22050;
  const mono = downmixAndResample(channels, sampleRate, target);
  const y = analysisWindow(mono, target, opts.window ?? { mode: 'window', seconds: 30, offset: 'middle' });
  return extractFeatures(y, target, opts);
}

/**
 * Features of a WAV file's bytes (sniffed first, so a mis-named file gets a clear message).
 * Throws an Error naming the problem for anything that is not a readable WAV.
 */
export function analyzeWavBytes(bytes: Uint8Array, opts: AnalyzeOptions = {}): AudioFeatures {
  const fmt = sniffAudioFormat(bytes);
  if (fmt !== 'wav') {
    throw new Error(
      bytes.length === 0
        ? 'The file is empty (0 bytes).'
        : fmt === 'unknown'
          ? 'This is not an audio file this app recognises (its first bytes match no known format).'
          : `This file is ${fmt.toUpperCase()}, not WAV; it must be decoded by the browser.`,
    );
  }
  return analyzeDecoded(decodeWav(bytes), opts);
}
