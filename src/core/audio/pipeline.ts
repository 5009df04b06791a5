/**
 * File-level entry points: decoded channels (or WAV bytes) → mono 22,050 Hz analysis window →
 * features. Other formats are decoded by the browser and enter through analyzeDecoded.
 */
import { extractFeatures, type AudioFeatures, type ExtractOptions } from './extract';
import { analysisWindow, downmixAndResample, resample, type AnalysisWindowOptions } from './resample';
import { sniffAudioFormat, unsupportedReason } from './sniff';
import { decodeWav, type DecodedAudio } from './wav';

/** Options of {@link analyzeDecoded}: the analysis window plus extraction options. */
export interface AnalyzeOptions extends ExtractOptions {
  /** Default: 30 s from the middle. */
  window?: AnalysisWindowOptions;
  /**
   * Longest excerpt analysed (s, default 600): a longer 'whole' track is cut to its middle
   * `maxSeconds`, with a warning, so one file cannot exhaust a worker's memory.
   */
  maxSeconds?: number;
}

/** Sample rates accepted by {@link analyzeDecoded} (Hz); outside this a header is almost surely corrupt. */
export const MIN_RATE = 1000;
export const MAX_RATE = 1_536_000;

/**
 * Downmix, cut the analysis window (default 30 s from the middle), resample it to `targetRate`
 * (default 22,050 Hz) and extract features. Throws an Error with a readable message for empty audio or an implausible sample rate.
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
  // Window first, at the source rate, so a long track is not resampled only to be cut.
  const mono = downmixAndResample(channels, sampleRate, sampleRate);
  let excerpt = analysisWindow(
    mono,
    sampleRate,
    opts.window ?? { mode: 'window', seconds: 30, offset: 'middle' },
  );
  const maxSeconds = opts.maxSeconds ?? 600;
  let note: string | null = null;
  if (excerpt.length > maxSeconds * sampleRate) {
    const full = excerpt.length / sampleRate;
    excerpt = analysisWindow(excerpt, sampleRate, { mode: 'window', seconds: maxSeconds, offset: 'middle' });
    note = `Only the middle ${maxSeconds.toFixed(0)} s of ${full.toFixed(0)} s were analysed (the per-file limit).`;
  }
  const y = sampleRate === target ? excerpt : resample(excerpt, sampleRate, target);
  const features = extractFeatures(y, target, opts);
  if (note) features.warnings.push(note);
  return features;
}

/**
 * Features of a WAV file's bytes (sniffed first, so a mis-named file gets a clear message).
 * Throws an Error naming the problem for anything that is not a readable WAV.
 */
export function analyzeWavBytes(bytes: Uint8Array, opts: AnalyzeOptions = {}): AudioFeatures {
  const fmt = sniffAudioFormat(bytes);
  const reason = unsupportedReason(fmt, bytes.length);
  if (reason) throw new Error(reason);
  if (fmt !== 'wav')
    throw new Error(`This file is ${fmt.toUpperCase()}, not WAV; it must be decoded by the browser.`);
  return analyzeDecoded(decodeWav(bytes), opts);
}
