/**
 * Key and mode from chroma by correlation with key profiles (Krumhansl–Kessler 1982, or
 * Temperley's Kostka–Payne profiles), rotated to all 24 major and minor keys.
 */

/** Pitch-class names, index 0 = C, with the usual pop spelling (Eb, Ab, Bb; C#, F#). */
export const PITCH_CLASSES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

const PROFILES = {
  krumhansl: {
    major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
    minor: [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17],
  },
  temperley: {
    major: [0.748, 0.06, 0.488, 0.082, 0.67, 0.46, 0.096, 0.715, 0.104, 0.366, 0.057, 0.4],
    minor: [0.712, 0.084, 0.474, 0.618, 0.049, 0.46, 0.105, 0.747, 0.404, 0.067, 0.133, 0.33],
  },
} as const;

/** Which key profile to correlate with. */
export type KeyProfile = keyof typeof PROFILES;

/** Estimated key. */
export interface KeyResult {
  /** Tonic pitch class, 0 = C … 11 = B; −1 when there is no pitched content. */
  tonic: number;
  mode: 'major' | 'minor';
  /** e.g. "A minor"; "unknown" when tonic is −1. */
  name: string;
  /** Pearson correlation of the chroma profile with the winning key profile, in [−1, 1]. */
  correlation: number;
  /** Softmax weight (temperature 0.1) of the winning key among all 24, in [0, 1]. */
  confidence: number;
  /** Correlations for the 24 keys: index tonic for major, 12 + tonic for minor. */
  scores: Float64Array;
  /** Mean chroma used (12 values, C first, max 1). */
  profile: Float64Array;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>, shift: number): number {
  // Correlate a[i] with b[(i − shift) mod 12].
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < 12; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= 12;
  mb /= 12;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < 12; i++) {
    const x = a[i]! - ma;
    const y = b[(i - shift + 12) % 12]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * Key from a chroma matrix [12, frames] (C first). Frames are weighted by `weights`
 * (e.g. RMS, so silence does not vote) when given.
 */
export function estimateKey(
  chroma: Float32Array,
  frames: number,
  opts: { weights?: ArrayLike<number>; profile?: KeyProfile } = {},
): KeyResult {
  const prof = new Float64Array(12);
  for (let c = 0; c < 12; c++) {
    let s = 0;
    for (let t = 0; t < frames; t++) s += chroma[c * frames + t]! * (opts.weights ? opts.weights[t]! : 1);
    prof[c] = s;
  }
  return keyFromProfile(prof, opts.profile ?? 'krumhansl');
}

/** Key from a 12-bin pitch-class profile (C first). */
export function keyFromProfile(pc: ArrayLike<number>, profile: KeyProfile = 'krumhansl'): KeyResult {
  const prof = Float64Array.from({ length: 12 }, (_, i) => pc[i]!);
  let mx = 0;
  for (const v of prof) mx = Math.max(mx, v);
  const scores = new Float64Array(24);
  if (!(mx > 0)) {
    return {
      tonic: -1,
      mode: 'major',
      name: 'unknown',
      correlation: 0,
      confidence: 0,
      scores,
      profile: prof,
    };
  }
  for (let i = 0; i < 12; i++) prof[i] = prof[i]! / mx;
  const P = PROFILES[profile];
  for (let t = 0; t < 12; t++) {
    scores[t] = pearson(prof, P.major, t);
    scores[12 + t] = pearson(prof, P.minor, t);
  }
  let best = 0;
  for (let i = 1; i < 24; i++) if (scores[i]! > scores[best]!) best = i;
  let z = 0;
  for (let i = 0; i < 24; i++) z += Math.exp((scores[i]! - scores[best]!) / 0.1);
  const tonic = best % 12;
  const mode = best < 12 ? 'major' : 'minor';
  return {
    tonic,
    mode,
    name: `${PITCH_CLASSES[tonic]} ${mode}`,
    correlation: scores[best]!,
    confidence: 1 / z,
    scores,
    profile: prof,
  };
}
