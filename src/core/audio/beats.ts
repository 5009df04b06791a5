/**
 * Dynamic-programming beat tracker (Ellis 2007, "Beat tracking by dynamic programming"),
 * following the steps of librosa.beat.beat_track, written from the paper's description.
 */

/**
 * Beat frames (fractional, refined by a parabola through the local score) for an onset
 * envelope and a beat period in frames. `tightness` weighs the penalty on deviations from
 * the period: −tightness·log²(interval/period).
 */
export function beatTrack(onset: ArrayLike<number>, period: number, tightness = 100): Float64Array {
  const T = onset.length;
  if (!(period > 1) || T < 2) return new Float64Array(0);
  // 1. Normalise the onset envelope by its standard deviation (ddof 1).
  let mean = 0;
  for (let i = 0; i < T; i++) mean += onset[i]!;
  mean /= T;
  let v = 0;
  for (let i = 0; i < T; i++) v += (onset[i]! - mean) * (onset[i]! - mean);
  const sd = Math.sqrt(v / Math.max(1, T - 1));
  if (!(sd > 0)) return new Float64Array(0);
  // 2. Local score: convolve with a Gaussian of width period/32 ('same' alignment).
  const half = Math.round(period);
  const kern = new Float64Array(2 * half + 1);
  for (let k = -half; k <= half; k++) kern[k + half] = Math.exp(-0.5 * Math.pow((k * 32) / period, 2));
  const local = new Float64Array(T);
  localScore(onset, sd, kern, half, local);
  // 3. DP: cumscore[i] = local[i] + max over predecessors i − 2P … i − P/2 of
  //    cumscore[j] − tightness·log²((i − j)/P).
  const lo = Math.max(1, Math.round(period / 2));
  const hi = Math.round(2 * period);
  const penalty = new Float64Array(hi + 1);
  for (let d = lo; d <= hi; d++) penalty[d] = tightness * Math.pow(Math.log(d / period), 2);
  const cum = new Float64Array(T);
  const back = new Int32Array(T).fill(-1);
  let localMax = 0;
  for (let i = 0; i < T; i++) localMax = Math.max(localMax, local[i]!);
  cumulativeScore(local, penalty, lo, hi, localMax, cum, back);
  // 4. Last beat: the last local maximum of cumscore above half the median of the maxima.
  const maxima: number[] = [];
  for (let i = 1; i < T - 1; i++) if (cum[i]! > cum[i - 1]! && cum[i]! >= cum[i + 1]!) maxima.push(i);
  if (T >= 2 && cum[T - 1]! > cum[T - 2]!) maxima.push(T - 1);
  if (maxima.length === 0) return new Float64Array(0);
  const vals = new Float64Array(maxima.length);
  for (let k = 0; k < maxima.length; k++) vals[k] = cum[maxima[k]!]!;
  vals.sort(); // numeric ascending (no NaN here)
  const med = vals[vals.length >> 1]!;
  let tail = maxima[maxima.length - 1]!;
  for (let k = maxima.length - 1; k >= 0; k--) {
    if (cum[maxima[k]!]! >= 0.5 * med) {
      tail = maxima[k]!;
      break;
    }
  }
  // 5. Backtrack.
  const beats: number[] = [];
  for (let i = tail; i >= 0; i = back[i]!) {
    beats.push(i);
    if (back[i]! >= i) break;
  }
  beats.reverse();
  // 6. Trim weak leading/trailing beats: below half the RMS of the (Hann-5 smoothed) local score at beats.
  let rms = 0;
  for (const b of beats) rms += smoothed(local, b) * smoothed(local, b);
  const thr = 0.5 * Math.sqrt(rms / Math.max(1, beats.length));
  let a = 0;
  let z = beats.length;
  while (a < z && smoothed(local, beats[a]!) <= thr) a++;
  while (z > a && smoothed(local, beats[z - 1]!) <= thr) z--;
  const kept = beats.slice(a, z);
  // Sub-frame refinement: vertex of the parabola through the local score around each beat.
  const out = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    let d = 0;
    if (i > 0 && i < T - 1) {
      const den = local[i - 1]! - 2 * local[i]! + local[i + 1]!;
      if (den < 0) d = Math.max(-0.5, Math.min(0.5, (0.5 * (local[i - 1]! - local[i + 1]!)) / den));
    }
    out[k] = i + d;
  }
  return out;
}

/**
 * Local score: onset / sd convolved with kern (2·half + 1 taps, 'same' alignment) into local.
 * This and cumulativeScore are functions that end with their loops (see frameLoop in frames.ts).
 */
function localScore(
  onset: ArrayLike<number>,
  sd: number,
  kern: Float64Array,
  half: number,
  local: Float64Array,
): void {
  const T = local.length;
  for (let i = 0; i < T; i++) {
    let s = 0;
    const a = Math.max(0, i - half);
    const b = Math.min(T - 1, i + half);
    for (let j = a; j <= b; j++) s += (onset[j]! / sd) * kern[j - i + half]!;
    local[i] = s;
  }
}

/**
 * cum[i] = local[i] + max over predecessors i − hi … i − lo of cum[j] − penalty[i − j], with the
 * argmax in back (−1: none).
 */
function cumulativeScore(
  local: Float64Array,
  penalty: Float64Array,
  lo: number,
  hi: number,
  localMax: number,
  cum: Float64Array,
  back: Int32Array,
): void {
  const T = local.length;
  let started = false;
  for (let i = 0; i < T; i++) {
    let best = -Infinity;
    let arg = -1;
    for (let d = lo; d <= hi && i - d >= 0; d++) {
      const s = cum[i - d]! - penalty[d]!;
      if (s > best) {
        best = s;
        arg = i - d;
      }
    }
    // Before the first real onset there is nothing to link to (librosa's first_beat rule).
    if (!started && local[i]! < 0.01 * localMax) arg = -1;
    else started = true;
    cum[i] = local[i]! + (arg >= 0 ? best : 0);
    back[i] = arg;
  }
}

const HANN5 = [0.25, 0.75, 1, 0.75, 0.25];

/** The local score at frame i smoothed by a 5-point Hann window (zero outside). */
function smoothed(local: Float64Array, i: number): number {
  const T = local.length;
  let s = 0;
  for (let k = -2; k <= 2; k++) {
    const j = i + k;
    if (j >= 0 && j < T) s += HANN5[k + 2]! * local[j]!;
  }
  return s;
}
