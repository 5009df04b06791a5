/**
 * Which arrays a model reads, and building them for a set of rows: the tabular matrix from the
 * fitted pipeline, and per-row audio matrices (MFCC sequences, log-mel patches) standardised with
 * statistics of the training rows. Order follows the model zoo's contract: tabular, sequence,
 * spectrogram.
 */
import { gatherAudio, type AudioMatrices } from '../data/audioMatrices';
import type { InputSpec } from '../models/types';
import type { ArrayInput } from '../train';

export interface InputPlan {
  tabular: boolean;
  sequence: boolean;
  spectrogram: boolean;
  embeddings: boolean;
}

export function planInputs(needs: readonly string[]): InputPlan {
  return {
    tabular: needs.includes('tabular'),
    sequence: needs.includes('sequence'),
    spectrogram: needs.includes('spectrogram'),
    embeddings: needs.includes('embeddings'),
  };
}

export const needsAudio = (p: InputPlan) => p.sequence || p.spectrogram;

/** Standardisation of the audio matrices, fitted on training rows: per MFCC coefficient, one for the log-mel (dB). */
export interface AudioScaling {
  mfccMean: number[];
  mfccStd: number[];
  melMean: number;
  melStd: number;
}

/** Fit AudioScaling on the training rows. */
export function fitAudioScaling(a: AudioMatrices, rows: ArrayLike<number>): AudioScaling {
  const { mfcc, mel } = gatherAudio(a, rows);
  const c = a.coeffs;
  const sum = new Float64Array(c);
  const sq = new Float64Array(c);
  for (let i = 0; i < mfcc.length; i++) {
    const v = mfcc[i]!;
    const j = i % c;
    sum[j] = sum[j]! + v;
    sq[j] = sq[j]! + v * v;
  }
  const perCoeff = mfcc.length / c || 1;
  const mfccMean = Array.from(sum, (s) => s / perCoeff);
  const mfccStd = Array.from(sq, (q, j) => Math.sqrt(Math.max(q / perCoeff - mfccMean[j]! ** 2, 0)) || 1);
  let ms = 0;
  let mq = 0;
  for (let i = 0; i < mel.length; i++) {
    ms += mel[i]!;
    mq += mel[i]! * mel[i]!;
  }
  const melMean = ms / (mel.length || 1);
  const melStd = Math.sqrt(Math.max(mq / (mel.length || 1) - melMean * melMean, 0)) || 1;
  return { mfccMean, mfccStd, melMean, melStd };
}

/** The model's InputSpec. */
export function inputSpec(plan: InputPlan, d: number, a?: AudioMatrices): InputSpec {
  const spec: InputSpec = {};
  if (plan.tabular) spec.tabular = d;
  if (plan.sequence && a) spec.sequence = { frames: a.frames, coeffs: a.coeffs };
  if (plan.spectrogram && a) spec.spectrogram = { mels: a.mels, frames: a.melFrames };
  return spec;
}

/** The model's inputs for `rows` (X already transformed for the same rows). */
export function buildInputs(
  plan: InputPlan,
  X: Float32Array,
  d: number,
  rows: ArrayLike<number>,
  a?: AudioMatrices,
  scaling?: AudioScaling,
): ArrayInput[] {
  const out: ArrayInput[] = [];
  if (plan.tabular) out.push({ data: X, shape: [d] });
  if (!needsAudio(plan) || !a || !scaling) return out;
  const { mfcc, mel } = gatherAudio(a, rows);
  if (plan.sequence) {
    for (let i = 0; i < mfcc.length; i++) {
      const j = i % a.coeffs;
      mfcc[i] = (mfcc[i]! - scaling.mfccMean[j]!) / scaling.mfccStd[j]!;
    }
    out.push({ data: mfcc, shape: [a.frames, a.coeffs] });
  }
  if (plan.spectrogram) {
    for (let i = 0; i < mel.length; i++) mel[i] = (mel[i]! - scaling.melMean) / scaling.melStd;
    out.push({ data: mel, shape: [a.mels, a.melFrames, 1] });
  }
  return out;
}
