/**
 * Which arrays a model reads, and building them for a set of rows: the tabular matrix from the
 * fitted pipeline, and per-row audio matrices (MFCC sequences, log-mel patches) standardised with
 * statistics of the training rows. Order follows the model zoo's contract: tabular, sequence,
 * spectrogram.
 */
import { gatherAudio, type AudioMatrices } from '../data/audioMatrices';
import type { InputSpec } from '../models/types';
import type { PrepConfig } from '../prep';
import type { ArrayInput } from '../train';

/** One embedding input: integer ids per row in [0, vocabSize), 0 = unknown or missing. */
export interface EmbeddingInput {
  name: string;
  ids: Int32Array;
  vocabSize: number;
}

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

/**
 * A model that learns embeddings (wide & deep) needs at least one column encoded 'embedding'. When the person
 * chose none, every plain category feature (artist, album, genre...) becomes one, and `note` says so; the
 * Columns table's encoding menu overrides this per column. Any other model gets target encoding instead.
 */
export function embeddingPrep(prep: PrepConfig, plan: InputPlan): { prep: PrepConfig; note?: string } {
  if (!plan.embeddings) {
    // Only embedding models read integer codes; elsewhere such a column would silently vanish from X.
    const moved = prep.features.filter((f) => f.encoding === 'embedding').map((f) => f.name);
    if (moved.length === 0) return { prep };
    return {
      prep: {
        ...prep,
        features: prep.features.map((f) =>
          f.encoding === 'embedding' ? { ...f, encoding: 'target' as const } : f,
        ),
      },
      note: `${moved.join(', ')}: this model learns no embeddings, so target encoding (out-of-fold) is used instead.`,
    };
  }
  if (prep.features.some((f) => f.encoding === 'embedding')) return { prep };
  const names: string[] = [];
  const features = prep.features.map((f) => {
    if (f.type !== 'category') return f;
    names.push(f.name);
    return { ...f, encoding: 'embedding' as const };
  });
  if (names.length === 0) return { prep };
  return {
    prep: { ...prep, features },
    note: `Learned embeddings for ${names.join(', ')} (choose another encoding in the Columns table to change this).`,
  };
}

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
export function inputSpec(
  plan: InputPlan,
  d: number,
  a?: AudioMatrices,
  emb?: readonly EmbeddingInput[],
): InputSpec {
  const spec: InputSpec = {};
  if (plan.tabular) spec.tabular = d;
  if (plan.embeddings && emb) spec.embeddings = emb.map((e) => ({ name: e.name, vocabSize: e.vocabSize }));
  if (plan.sequence && a) spec.sequence = { frames: a.frames, coeffs: a.coeffs };
  if (plan.spectrogram && a) spec.spectrogram = { mels: a.mels, frames: a.melFrames };
  return spec;
}

/**
 * The model's inputs for `rows` (X and `emb` already computed for the same rows), in the zoo's order: tabular,
 * embeddings (one int32 code column each, per-row shape []), sequence, spectrogram.
 */
export function buildInputs(
  plan: InputPlan,
  X: Float32Array,
  d: number,
  rows: ArrayLike<number>,
  a?: AudioMatrices,
  scaling?: AudioScaling,
  emb?: readonly EmbeddingInput[],
): ArrayInput[] {
  const out: ArrayInput[] = [];
  if (plan.tabular) out.push({ data: X, shape: [d] });
  if (plan.embeddings) for (const e of emb ?? []) out.push({ data: e.ids, shape: [] });
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
