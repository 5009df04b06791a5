/** Build the per-row audio matrices of a feature or joined table from the analysed files. */
import type { AudioMatrices } from '../data/audioMatrices';
import type { FeatureRow } from './featureTable';

const FRAMES = 128;
const COEFFS = 20;
const MELS = 128;
const MEL_FRAMES = 128;

/**
 * Rows of the output table take file `fileRow[r]` (-1: none). Returns undefined when no file
 * carries matrices (e.g. features restored from an older cache).
 */
export function audioMatricesFor(
  files: readonly FeatureRow[],
  fileRow: ArrayLike<number>,
): AudioMatrices | undefined {
  if (!files.some((f) => f.mfcc && f.mel)) return undefined;
  const n = fileRow.length;
  const ms = FRAMES * COEFFS;
  const ls = MELS * MEL_FRAMES;
  const out: AudioMatrices = {
    mfcc: new Float32Array(n * ms),
    frames: FRAMES,
    coeffs: COEFFS,
    mel: new Float32Array(n * ls),
    mels: MELS,
    melFrames: MEL_FRAMES,
    present: new Uint8Array(n),
  };
  for (let r = 0; r < n; r++) {
    const f = files[fileRow[r]!];
    if (!f?.mfcc || !f.mel || f.mfcc.length !== ms || f.mel.length !== ls) continue;
    out.mfcc.set(f.mfcc, r * ms);
    out.mel.set(f.mel, r * ls);
    out.present[r] = 1;
  }
  return out;
}
