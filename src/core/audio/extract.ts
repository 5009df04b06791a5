/**
 * extractFeatures: the one function that turns mono samples into everything the app uses
 * (a summary row, fixed-size matrices, tempo/key/chords, display images). The same code runs
 * in workers, in Node tests and at prediction time, so training and serving agree.
 */
import { recognizeChords, type ChordResult } from './chords';
import { toUint8Grid, waveformEnvelope, type Uint8Grid, type WaveformEnvelope } from './display';
import { delta, mfccFromLogMel, onsetStrengthFromLogMel, rmsFrames, zcrFrames } from './framefeatures';
import { frameConfig, powerToDbInPlace, spectralFrames } from './frames';
import { estimateKey, PITCH_CLASSES, type KeyProfile, type KeyResult } from './key';
import { resample } from './resample';
import { SummaryBuilder, type SummaryRow } from './summary';
import { estimateTempo, type TempoResult } from './tempo';
import { estimateTuning } from './tuning';

/** Options of {@link extractFeatures}. */
export interface ExtractOptions {
  /** Analysis sample rate (Hz, default 22,050); other input rates are resampled first. */
  targetRate?: number;
  /** Frames in `mfccSeq` (default 128, ≈ 3 s). */
  seqFrames?: number;
  /** Frames in `melPatch` (default 128). */
  patchFrames?: number;
  /** Where the fixed-size matrices are cut from a longer clip (default 'middle'). */
  crop?: 'middle' | 'start';
  /**
   * Chroma tuning in semitones from A440, or 'estimate' (librosa's chroma_stft default). Default 0,
   * as in testdata/audio-reference; 'estimate' costs about a third more time.
   */
  tuning?: number | 'estimate';
  /** Key profile (default 'krumhansl'). */
  keyProfile?: KeyProfile;
  /** Also return every frame feature (large; off by default). */
  keepFrames?: boolean;
  /** Width of the display images and envelope (default 256 and 512). */
  displayCols?: number;
  envelopePoints?: number;
}

/** All frame features; matrices row-major [rows, frames]. */
export interface FrameFeatureSet {
  frames: number;
  /** Frames per second (sr / hop). */
  fps: number;
  logMel: Float32Array;
  mfcc: Float32Array;
  mfccDelta: Float32Array;
  mfccDelta2: Float32Array;
  chroma: Float32Array;
  contrast: Float32Array;
  centroid: Float32Array;
  bandwidth: Float32Array;
  rolloff: Float32Array;
  flatness: Float32Array;
  zcr: Float32Array;
  rms: Float32Array;
  onset: Float32Array;
}

/** Everything extracted from one clip. */
export interface AudioFeatures {
  sampleRate: number;
  durationSec: number;
  frames: number;
  /** Chroma tuning used (semitones from A440; estimated when opts.tuning is 'estimate'). */
  tuning: number;
  /** Flat named row: statistics of every frame feature plus track-level features. */
  summary: SummaryRow;
  /** MFCC sequence, row-major [frames, 20], cropped or zero-padded to a fixed length. */
  mfccSeq: { frames: number; coeffs: 20; data: Float32Array };
  /** Log-mel patch (dB), row-major [128, frames], cropped or padded with the clip's floor. */
  melPatch: { mels: 128; frames: number; data: Float32Array };
  tempo: TempoResult;
  key: KeyResult;
  chords: ChordResult;
  display: { waveform: WaveformEnvelope; logMel: Uint8Grid; chroma: Uint8Grid };
  /** Things worth telling the user (non-finite samples replaced, samples beyond ±1). */
  warnings: string[];
  frameFeatures?: FrameFeatureSet;
}

const N_MELS = 128;
const N_MFCC = 20;
const CONTRAST_BANDS = 7;
const MEL_GROUPS = 16;
/** Larger peaks are rejected: float audio is expected near ±1, and power sums must stay finite. */
const MAX_PEAK = 1e4;

/** Compute every frame feature of mono samples at `sr` (librosa defaults; chroma at `tuning` semitones). */
export function computeFrameFeatures(y: Float32Array, sr: number, tuning = 0): FrameFeatureSet {
  const cfg = frameConfig(sr, { nMels: N_MELS, tuning });
  const sp = spectralFrames(y, cfg);
  const T = sp.frames;
  const logMel = powerToDbInPlace(sp.melPower); // sp is ours: convert in place, no copy
  const mfcc = mfccFromLogMel(logMel, N_MELS, T, N_MFCC);
  return {
    frames: T,
    fps: sr / cfg.hop,
    logMel,
    mfcc,
    mfccDelta: delta(mfcc, N_MFCC, T, 1),
    mfccDelta2: delta(mfcc, N_MFCC, T, 2),
    chroma: sp.chroma,
    contrast: sp.contrast,
    centroid: sp.centroid,
    bandwidth: sp.bandwidth,
    rolloff: sp.rolloff,
    flatness: sp.flatness,
    zcr: zcrFrames(y, T, cfg.nFft, cfg.hop),
    rms: rmsFrames(y, T, cfg.nFft, cfg.hop),
    onset: onsetStrengthFromLogMel(logMel, N_MELS, T, cfg.nFft, cfg.hop),
  };
}

/** Result of {@link scanSamples}, reused: [min, max, NaN probe]. */
const scan = new Float64Array(3);

/**
 * min(0, samples), max(0, samples) and Σ (v − v) (NaN exactly when a sample is NaN or ±infinity).
 * A function that ends with its loop (see frameLoop in frames.ts).
 */
function scanSamples(samples: Float32Array): Float64Array {
  let mn = 0;
  let mx = 0;
  let nanProbe = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    mn = v < mn ? v : mn;
    mx = v > mx ? v : mx;
    nanProbe += v - v;
  }
  scan[0] = mn;
  scan[1] = mx;
  scan[2] = nanProbe;
  return scan;
}

function checkedSamples(samples: Float32Array, sr: number, warnings: string[]): Float32Array {
  if (!(samples instanceof Float32Array)) throw new Error('Audio samples must be a Float32Array.');
  if (!(sr > 0) || !Number.isFinite(sr))
    throw new Error(`The sample rate must be a positive number of Hz (got ${sr}).`);
  if (samples.length === 0) throw new Error('The audio is empty (0 samples): there is nothing to analyse.');
  // Why not one branchy loop: min/max plus a sum of (v − v), which is NaN exactly when some
  // sample is NaN or ±infinity, run at full speed; the counting loop runs only for bad input.
  const sc = scanSamples(samples);
  const mn = sc[0]!;
  const mx = sc[1]!;
  const nanProbe = sc[2]!;
  let bad = 0;
  let peak = Math.max(mx, -mn);
  if (nanProbe !== 0) {
    // NaN or infinity present: count them and take the peak of the finite samples only.
    peak = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i]!;
      if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
      else bad++;
    }
  }
  let y = samples;
  if (bad > 0) {
    y = samples.slice();
    for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i]!)) y[i] = 0;
    warnings.push(`${bad} non-finite samples (NaN or infinity) were replaced by silence.`);
  }
  if (peak > MAX_PEAK) {
    throw new Error(
      `Samples reach ${peak.toExponential(1)}: this looks like corrupt or unscaled audio (expected about ±1).`,
    );
  }
  if (peak > 1)
    warnings.push(`Samples reach ${peak.toFixed(2)}, beyond ±1: the source may be clipped or unnormalised.`);
  return y;
}

/**
 * Group means of log-mel [128, T] over 16 groups of 8 adjacent bands into groups [16, T], and their
 * mean (the mean over all bands) into melMean. A function that ends with its loops (see frameLoop
 * in frames.ts).
 */
function melGroupMeans(logMel: Float32Array, T: number, groups: Float32Array, melMean: Float32Array): void {
  const per = N_MELS / MEL_GROUPS;
  for (let m = 0; m < N_MELS; m++) {
    const base = Math.floor(m / per) * T;
    for (let t = 0, o = m * T; t < T; t++, o++) groups[base + t] = groups[base + t]! + logMel[o]!;
  }
  for (let g = 0; g < MEL_GROUPS; g++) {
    for (let t = 0; t < T; t++) {
      const v = groups[g * T + t]! / per; // group mean
      groups[g * T + t] = v;
      melMean[t] = melMean[t]! + v / MEL_GROUPS; // equal-size groups: the mean of means is the mean
    }
  }
}

const rangeOut = new Float64Array(2);

/** [min, max] of x (a shared array, overwritten by the next call). */
function rangeOf(x: Float32Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  rangeOut[0] = lo;
  rangeOut[1] = hi;
  return rangeOut;
}

// Column names of the summary's matrices. Top-level functions, not closures made per call: one call
// target each, so SummaryBuilder.matrix is not deoptimised ("wrong call target") while V8 warms up.
const two = (i: number): string => String(i + 1).padStart(2, '0');
const mfccName = (r: number): string => `mfcc_${two(r)}`;
const mfccDeltaName = (r: number): string => `mfcc_delta_${two(r)}`;
const mfccDelta2Name = (r: number): string => `mfcc_delta2_${two(r)}`;
const chromaName = (r: number): string => `chroma_${PITCH_CLASSES[r]}`;
const contrastName = (r: number): string => `contrast_${r + 1}`;
const melBandName = (r: number): string => `logmel_band_${two(r)}_db`;

function cropStart(T: number, F: number, crop: 'middle' | 'start'): number {
  return T > F && crop === 'middle' ? Math.floor((T - F) / 2) : 0;
}

/**
 * Extract all features from mono `samples` at `sr` Hz (resampled to 22,050 Hz unless
 * `targetRate` says otherwise). Analyses every sample given: cut the excerpt first with
 * analysisWindow (or use analyzeDecoded). Throws an Error with a readable message for empty or
 * invalid input. Cost: about 3.5× the time of the 1,292 FFTs (2048-point) a 30 s clip needs,
 * frame features, tempo, beats, key and chords included; the FFTs are ~27 % of the profile.
 */
export function extractFeatures(samples: Float32Array, sr: number, opts: ExtractOptions = {}): AudioFeatures {
  const warnings: string[] = [];
  const target = opts.targetRate ?? 22050;
  let y = checkedSamples(samples, sr, warnings);
  if (sr !== target) y = resample(y, sr, target);
  const tuning = opts.tuning === 'estimate' ? estimateTuning(y, target) : (opts.tuning ?? 0);
  if (!Number.isFinite(tuning) || Math.abs(tuning) > 0.5) {
    throw new Error(`Chroma tuning must be between −0.5 and 0.5 semitones (got ${tuning}).`);
  }
  const ff = computeFrameFeatures(y, target, tuning);
  const T = ff.frames;
  const fps = ff.fps;
  const tempo = estimateTempo(ff.onset, fps);
  const key = estimateKey(ff.chroma, T, { weights: ff.rms, profile: opts.keyProfile });
  let bounds: number[] = Array.from(tempo.beats, (b) => Math.round(b * fps));
  if (bounds.length < 2) {
    const step = Math.max(1, Math.round(0.5 * fps));
    bounds = [];
    for (let t = step; t < T; t += step) bounds.push(t);
  }
  const chords = recognizeChords(ff.chroma, T, fps, bounds, ff.rms, key);

  const sb = new SummaryBuilder();
  sb.matrix(mfccName, ff.mfcc, N_MFCC, T);
  sb.matrix(mfccDeltaName, ff.mfccDelta, N_MFCC, T);
  sb.matrix(mfccDelta2Name, ff.mfccDelta2, N_MFCC, T);
  sb.matrix(chromaName, ff.chroma, 12, T);
  sb.matrix(contrastName, ff.contrast, CONTRAST_BANDS, T);
  // Log-mel summarised as its mean over all bands and over 16 groups of 8 adjacent bands
  // (the spectral envelope at coarse resolution; 128 bands × 5 statistics would swamp the row).
  const groups = new Float32Array(MEL_GROUPS * T);
  const melMean = new Float32Array(T);
  melGroupMeans(ff.logMel, T, groups, melMean);
  sb.series('logmel_mean_db', melMean);
  sb.matrix(melBandName, groups, MEL_GROUPS, T);
  sb.series('spectral_centroid', ff.centroid);
  sb.series('spectral_bandwidth', ff.bandwidth);
  sb.series('spectral_rolloff', ff.rolloff);
  sb.series('spectral_flatness', ff.flatness);
  sb.series('zcr', ff.zcr);
  sb.series('rms', ff.rms);
  sb.series('onset_strength', ff.onset);
  const dur = y.length / target;
  sb.scalar('duration_s', dur);
  sb.scalar('tempo_bpm', tempo.bpm);
  sb.scalar('tempo_confidence', tempo.confidence);
  sb.scalar('tempo_variability_bpm', tempo.variabilityBpm);
  sb.scalar('tempo_variability_cv', tempo.variabilityCv);
  sb.scalar('tempo_changes', tempo.changes);
  sb.scalar('beat_count', tempo.beats.length);
  sb.scalar('beat_regularity', tempo.beatRegularity);
  sb.scalar('beat_ibi_std_s', tempo.ibiStd);
  const known = key.tonic >= 0;
  // Position on the circle of fifths, so keys a fifth apart are neighbours for a model.
  const fifths = known ? ((key.tonic * 7) % 12) * ((2 * Math.PI) / 12) : NaN;
  sb.scalar('key_tonic', known ? key.tonic : NaN);
  sb.scalar('key_is_major', known ? (key.mode === 'major' ? 1 : 0) : NaN);
  sb.scalar('key_fifths_sin', Math.sin(fifths));
  sb.scalar('key_fifths_cos', Math.cos(fifths));
  sb.scalar('key_confidence', key.confidence);
  sb.scalar('key_correlation', key.correlation);
  sb.scalar('chord_change_rate', chords.changeRate);
  sb.scalar('chord_changes_per_min', chords.changesPerMinute);
  sb.scalar('chord_distinct', chords.distinct);
  sb.scalar('chord_top_share', chords.topShare);

  const SF = opts.seqFrames ?? 128;
  const PF = opts.patchFrames ?? 128;
  const crop = opts.crop ?? 'middle';
  const seq = new Float32Array(SF * N_MFCC);
  const s0 = cropStart(T, SF, crop);
  for (let f = 0; f < SF && s0 + f < T; f++) {
    for (let k = 0; k < N_MFCC; k++) seq[f * N_MFCC + k] = ff.mfcc[k * T + s0 + f]!;
  }
  const range = rangeOf(ff.logMel);
  const floor = range[0]!;
  const top = range[1]!;
  const patch = new Float32Array(N_MELS * PF).fill(floor);
  const p0 = cropStart(T, PF, crop);
  for (let m = 0; m < N_MELS; m++) {
    for (let f = 0; f < PF && p0 + f < T; f++) patch[m * PF + f] = ff.logMel[m * T + p0 + f]!;
  }
  const cols = opts.displayCols ?? 256;
  return {
    sampleRate: target,
    durationSec: dur,
    frames: T,
    tuning: Math.round(tuning * 100) / 100,
    summary: sb.build(),
    mfccSeq: { frames: SF, coeffs: N_MFCC, data: seq },
    melPatch: { mels: N_MELS, frames: PF, data: patch },
    tempo,
    key,
    chords,
    display: {
      waveform: waveformEnvelope(y, opts.envelopePoints ?? 512),
      logMel: toUint8Grid(ff.logMel, N_MELS, T, 64, cols, Math.max(floor, top - 80), top),
      chroma: toUint8Grid(ff.chroma, 12, T, 12, cols, 0, 1),
    },
    warnings,
    ...(opts.keepFrames ? { frameFeatures: ff } : {}),
  };
}

let namesCache: string[] | null = null;

/** Column names of `summary` (fixed for the default options), without processing a file. */
export function audioSummaryNames(): string[] {
  if (!namesCache) namesCache = extractFeatures(new Float32Array(22050), 22050).summary.names;
  return [...namesCache];
}
