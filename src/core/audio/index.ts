/**
 * Public API of the audio core: sniff, decode WAV, downmix/resample, window, extract features.
 */
export { sniffAudioFormat, type AudioFormat } from './sniff';
export { decodeWav, readWavInfo, type DecodedAudio, type WavInfo } from './wav';
export { analysisWindow, downmixAndResample, resample, type AnalysisWindowOptions } from './resample';
export {
  audioSummaryNames,
  computeFrameFeatures,
  extractFeatures,
  type AudioFeatures,
  type ExtractOptions,
  type FrameFeatureSet,
} from './extract';
export { contentHash } from './hash';
export type { TempoResult } from './tempo';
export type { KeyResult, KeyProfile } from './key';
export type { ChordResult, ChordSegment, Progression } from './chords';
export type { Uint8Grid, WaveformEnvelope } from './display';
export type { SummaryRow } from './summary';
export { analyzeDecoded, analyzeWavBytes, type AnalyzeOptions } from './pipeline';
