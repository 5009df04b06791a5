/**
 * Per-row audio matrices that travel beside a table for the sequence and spectrogram models:
 * flat row-major typed arrays aligned with the table's rows, with a presence mask.
 */
export interface AudioMatrices {
  /** MFCC sequences. Shape: [rows, frames, coeffs]. */
  mfcc: Float32Array;
  frames: number;
  coeffs: number;
  /** Log-mel patches (dB). Shape: [rows, mels, melFrames]. */
  mel: Float32Array;
  mels: number;
  melFrames: number;
  /** 1 where the row has audio; rows without it cannot feed an audio model. */
  present: Uint8Array;
}

/** Gather the given rows' matrices. Shapes: [rows.length, frames, coeffs] and [rows.length, mels, melFrames]. */
export function gatherAudio(
  a: AudioMatrices,
  rows: ArrayLike<number>,
): { mfcc: Float32Array; mel: Float32Array } {
  const ms = a.frames * a.coeffs;
  const ls = a.mels * a.melFrames;
  const mfcc = new Float32Array(rows.length * ms);
  const mel = new Float32Array(rows.length * ls);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    mfcc.set(a.mfcc.subarray(r * ms, (r + 1) * ms), i * ms);
    mel.set(a.mel.subarray(r * ls, (r + 1) * ls), i * ls);
  }
  return { mfcc, mel };
}
