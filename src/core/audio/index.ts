/**
 * Public API of the audio core: sniff, decode WAV, downmix/resample, window, extract features.
 * Everything here is pure TypeScript and runs the same in workers, Node tests and at prediction.
 */
export { sniffAudioFormat, unsupportedReason, type AudioFormat } from './sniff';
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
export { analyzeDecoded, analyzeWavBytes, MAX_RATE, MIN_RATE, type AnalyzeOptions } from './pipeline';
export { contentHash } from './hash';
export { estimateTempo, type TempoOptions, type TempoResult } from './tempo';
export { estimateKey, keyFromProfile, PITCH_CLASSES, type KeyProfile, type KeyResult } from './key';
export {
  recognizeChords,
  romanNumeral,
  type ChordResult,
  type ChordSegment,
  type Progression,
} from './chords';
export { stft, type ComplexSpectrogram } from './frames';
export { chromaFilterbank, hzToMel, melFilterbank, melToHz } from './filters';
export type { Uint8Grid, WaveformEnvelope } from './display';
export type { SummaryRow } from './summary';
export { featureBuffers } from './transfer';
export { estimateTuning } from './tuning';
