/**
 * Beat-synchronous chord recognition: chroma averaged between beats, matched against the
 * 24 major/minor triad templates (cosine similarity), smoothed by a Viterbi pass that charges
 * a fixed penalty per chord change; plus Roman-numeral progressions relative to the key.
 */
import { PITCH_CLASSES } from './key';

/** One recognised chord segment. */
export interface ChordSegment {
  /** Start and end (s). */
  start: number;
  end: number;
  /** e.g. "C", "F#m", or "N" (no chord). */
  label: string;
  /** Root pitch class (0 = C), −1 for "N". */
  root: number;
  quality: 'maj' | 'min' | 'none';
}

/** A progression and how often it occurs. */
export interface Progression {
  /** Roman numerals relative to the key, e.g. "I-V-vi-IV". */
  numerals: string;
  /** Chord names, e.g. "C-G-Am-F". */
  chords: string;
  count: number;
}

/** Chord analysis of a track. */
export interface ChordResult {
  /** Merged segments (consecutive equal chords joined). */
  segments: ChordSegment[];
  /** Label per analysis unit (beat, or 0.5 s block when no beats were found). */
  perUnit: string[];
  /** Chord changes per unit (0 … 1) and per minute. */
  changeRate: number;
  changesPerMinute: number;
  /** Number of distinct chords (excluding "N"). */
  distinct: number;
  /** Share of units taken by the most common chord. */
  topShare: number;
  /** Most common 4-chord progressions (then 3 when the track is short), most frequent first. */
  progressions: Progression[];
}

const TEMPLATES: Float64Array[] = (() => {
  const t: Float64Array[] = [];
  for (let q = 0; q < 2; q++) {
    for (let r = 0; r < 12; r++) {
      const v = new Float64Array(12);
      v[r] = 1;
      v[(r + (q === 0 ? 4 : 3)) % 12] = 1;
      v[(r + 7) % 12] = 1;
      for (let i = 0; i < 12; i++) v[i] = v[i]! / Math.sqrt(3);
      t.push(v);
    }
  }
  return t;
})();

/** Chord name for state s (0–11 major roots, 12–23 minor roots, 24 = N). */
export function chordName(s: number): string {
  if (s >= 24 || s < 0) return 'N';
  return `${PITCH_CLASSES[s % 12]}${s >= 12 ? 'm' : ''}`;
}

const MAJOR_DEGREES = ['I', 'bII', 'II', 'bIII', 'III', 'IV', '#IV', 'V', 'bVI', 'VI', 'bVII', 'VII'];
const MINOR_DEGREES = ['I', 'bII', 'II', 'III', '#III', 'IV', '#IV', 'V', 'VI', '#VI', 'VII', '#VII'];

/**
 * Roman numeral of chord state s in a key (upper case for major chords, lower for minor);
 * degrees follow the major scale in major keys and the natural minor scale in minor keys.
 */
export function romanNumeral(s: number, tonic: number, mode: 'major' | 'minor'): string {
  if (s >= 24 || s < 0 || tonic < 0) return 'N';
  const deg = ((((s % 12) - tonic) % 12) + 12) % 12;
  const num = (mode === 'major' ? MAJOR_DEGREES : MINOR_DEGREES)[deg]!;
  return s >= 12 ? num.replace(/[IV]+/, (m) => m.toLowerCase()) : num;
}

/** Options of {@link recognizeChords}. */
export interface ChordOptions {
  /** Penalty (in cosine-similarity units) per chord change in the Viterbi pass (default 0.15). */
  changePenalty?: number;
  /** Cosine score of the no-chord state (default 0.5); silent units are always N. */
  noChordScore?: number;
}

/**
 * Recognise chords from chroma [12, frames] (C first) between unit boundaries (frame
 * indices, ascending; typically beat frames). `energy` per frame (e.g. RMS) marks silence.
 */
export function recognizeChords(
  chroma: Float32Array,
  frames: number,
  fps: number,
  boundaries: number[],
  energy: ArrayLike<number>,
  key: { tonic: number; mode: 'major' | 'minor' },
  opts: ChordOptions = {},
): ChordResult {
  const penalty = opts.changePenalty ?? 0.15;
  const nScore = opts.noChordScore ?? 0.5;
  const edges = [0, ...boundaries.filter((b) => b > 0 && b < frames), frames];
  const units = edges.length - 1;
  let emax = 0;
  for (let t = 0; t < frames; t++) emax = Math.max(emax, energy[t]!);
  const S = 25;
  const score = new Float64Array(units * S);
  const v = new Float64Array(12);
  for (let u = 0; u < units; u++) {
    const a = edges[u]!;
    const b = Math.max(a + 1, edges[u + 1]!);
    v.fill(0);
    let e = 0;
    for (let t = a; t < b && t < frames; t++) {
      e += energy[t]!;
      for (let c = 0; c < 12; c++) v[c] = v[c]! + chroma[c * frames + t]!;
    }
    e /= b - a;
    let norm = 0;
    for (let c = 0; c < 12; c++) norm += v[c]! * v[c]!;
    norm = Math.sqrt(norm);
    const silent = !(emax > 0) || e < emax * 1e-3 || norm === 0;
    for (let s = 0; s < 24; s++) {
      let d = 0;
      if (!silent) for (let c = 0; c < 12; c++) d += (TEMPLATES[s]![c]! * v[c]!) / norm;
      score[u * S + s] = silent ? -1 : d;
    }
    score[u * S + 24] = silent ? 1 : nScore;
  }
  // Viterbi: maximise Σ score − penalty·(number of changes).
  const path = viterbi(score, units, S, penalty);
  const perUnit = Array.from(path, chordName);
  const segments: ChordSegment[] = [];
  for (let u = 0; u < units; u++) {
    const s = path[u]!;
    const start = edges[u]! / fps;
    const end = edges[u + 1]! / fps;
    const lastSeg = segments[segments.length - 1];
    if (lastSeg && lastSeg.label === chordName(s)) lastSeg.end = end;
    else
      segments.push({
        start,
        end,
        label: chordName(s),
        root: s < 24 ? s % 12 : -1,
        quality: s < 12 ? 'maj' : s < 24 ? 'min' : 'none',
      });
  }
  let changes = 0;
  for (let u = 1; u < units; u++) if (path[u] !== path[u - 1]) changes++;
  const counts = new Map<number, number>();
  for (const s of path) if (s < 24) counts.set(s, (counts.get(s) ?? 0) + 1);
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  const minutes = frames / fps / 60;
  return {
    segments,
    perUnit,
    changeRate: units > 1 ? changes / (units - 1) : 0,
    changesPerMinute: minutes > 0 ? changes / minutes : 0,
    distinct: counts.size,
    topShare: units > 0 ? top / units : 0,
    progressions: progressions(path, key),
  };
}

function viterbi(score: Float64Array, units: number, S: number, penalty: number): Int32Array {
  const path = new Int32Array(units);
  if (units === 0) return path;
  let prev = new Float64Array(S);
  let cur = new Float64Array(S);
  const back = new Int32Array(units * S);
  for (let s = 0; s < S; s++) prev[s] = score[s]!;
  for (let u = 1; u < units; u++) {
    let bestPrev = 0;
    for (let s = 1; s < S; s++) if (prev[s]! > prev[bestPrev]!) bestPrev = s;
    for (let s = 0; s < S; s++) {
      const stay = prev[s]!;
      const move = prev[bestPrev]! - penalty;
      const from = stay >= move ? s : bestPrev;
      cur[s] = Math.max(stay, move) + score[u * S + s]!;
      back[u * S + s] = from;
    }
    [prev, cur] = [cur, prev];
  }
  let s = 0;
  for (let k = 1; k < S; k++) if (prev[k]! > prev[s]!) s = k;
  for (let u = units - 1; u >= 0; u--) {
    path[u] = s;
    s = back[u * S + s]!;
  }
  return path;
}

/** Count n-chord windows of the change sequence (repeats collapsed, N removed). */
function progressions(path: Int32Array, key: { tonic: number; mode: 'major' | 'minor' }): Progression[] {
  const seq: number[] = [];
  for (const s of path) if (s < 24 && s !== seq[seq.length - 1]) seq.push(s);
  const n = seq.length >= 6 ? 4 : seq.length >= 3 ? 3 : seq.length;
  if (n < 2) return [];
  const counts = new Map<string, { chords: number[]; count: number }>();
  for (let i = 0; i + n <= seq.length; i++) {
    const w = seq.slice(i, i + n);
    const k = w.join(',');
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { chords: w, count: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 5)
    .map((e) => ({
      numerals: e.chords.map((s) => romanNumeral(s, key.tonic, key.mode)).join('-'),
      chords: e.chords.map(chordName).join('-'),
      count: e.count,
    }));
}
