/**
 * A seeded generator of a Spotify-like track table as CSV (about 180 bytes a row), built as a Blob from
 * chunks so the whole file never sits in the JS heap as one string. Columns follow the popular Kaggle
 * Spotify exports: artist, track, album, genre ("pop, R&B": multi-valued, quoted), year, release_date (ISO
 * dates mixed with year-only and year-month, as Spotify reports them), duration_ms, explicit, popularity,
 * the audio features, and a unique 22-character track_id.
 */
import { mulberry32, randNormal, type Rng } from '../../core/random';

/** The header, in column order. */
export const CSV_COLUMNS = [
  'artist',
  'track',
  'album',
  'genre',
  'year',
  'release_date',
  'duration_ms',
  'explicit',
  'popularity',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'track_id',
] as const;

const WORDS = (
  'love night heart fire dream summer girl baby dance city light rain gold blue wild river home road song ' +
  'moon star time world crazy sweet little broken midnight forever young free money shadow ocean paradise ' +
  'thunder velvet neon echo silver highway diamond honey ghost angel electric golden memory secret rebel ' +
  'lonely sunset morning storm kiss tears magic wonder burning falling running sky blood stone glass party'
).split(' ');
const GENRES = [
  'pop',
  'R&B',
  'hip hop',
  'rock',
  'dance pop',
  'latin',
  'indie',
  'edm',
  'country',
  'soul',
  'trap',
  'k-pop',
  'alternative rock',
  'house',
  'reggaeton',
  'folk',
  'jazz',
  'metal',
  'electropop',
  'singer-songwriter',
];
const ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ARTISTS = 40_000;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

function title(rng: Rng, minWords: number, maxWords: number): string {
  const k = minWords + Math.floor(rng() * (maxWords - minWords + 1));
  const parts: string[] = [];
  for (let i = 0; i < k; i++) {
    const w = pick(rng, WORDS);
    parts.push(w.charAt(0).toUpperCase() + w.slice(1));
  }
  return parts.join(' ');
}

/** Quote a CSV field when it holds a delimiter, a quote or a newline (RFC 4180). */
function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** One artist's fixed traits, so rows by the same artist share a style (like real data). */
interface Artist {
  name: string;
  genre: string;
  albums: string[];
  fame: number;
}

function makeArtists(rng: Rng): Artist[] {
  const artists: Artist[] = [];
  for (let i = 0; i < ARTISTS; i++) {
    const g1 = pick(rng, GENRES);
    const g2 = pick(rng, GENRES);
    const genre = g1 === g2 || rng() < 0.4 ? g1 : `${g1}, ${g2}`;
    const name = `${title(rng, 1, 2)}${rng() < 0.2 ? ` feat. ${title(rng, 1, 2)}` : ''} ${i}`;
    const albums = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => title(rng, 1, 4));
    artists.push({ name, genre, albums, fame: rng() });
  }
  return artists;
}

function trackId(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 22; i++) s += ID_CHARS[Math.floor(rng() * 62)];
  return s;
}

function releaseDate(rng: Rng, year: number): string {
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  const u = rng();
  if (u < 0.08) return String(year); // year-only precision, as Spotify reports old releases
  if (u < 0.1) return `${year}-${String(m).padStart(2, '0')}`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function row(rng: Rng, artists: Artist[]): string {
  const a = artists[Math.floor(Math.pow(rng(), 1.5) * artists.length)]!; // a few artists have many tracks
  const year = 1960 + Math.floor(Math.pow(rng(), 0.5) * 64);
  const energy = clamp01(0.6 + 0.2 * randNormal(rng));
  const dance = clamp01(0.55 + 0.15 * randNormal(rng));
  const valence = clamp01(0.45 + 0.25 * randNormal(rng));
  const acoustic = clamp01(Math.pow(rng(), 2.5));
  const instr = rng() < 0.7 ? rng() * 1e-4 : rng();
  const loudness = Math.min(0, -8 + 8 * energy - 3 * Math.abs(randNormal(rng)));
  const pop = Math.max(
    0,
    Math.min(100, Math.round(20 + 50 * a.fame + 25 * dance - 10 * acoustic + 8 * randNormal(rng))),
  );
  const cells = [
    field(a.name),
    field(
      `${title(rng, 1, 4)}${rng() < 0.12 ? ` (feat. ${title(rng, 1, 2)})` : ''}${rng() < 0.05 ? ', Pt. 2' : ''}`,
    ),
    field(pick(rng, a.albums)),
    field(a.genre),
    String(year),
    releaseDate(rng, year),
    String(Math.round(90_000 + 150_000 * rng() + 60_000 * Math.abs(randNormal(rng)))),
    rng() < 0.12 ? 'True' : 'False',
    String(pop),
    dance.toFixed(3),
    energy.toFixed(3),
    String(Math.floor(rng() * 12)),
    loudness.toFixed(3),
    rng() < 0.65 ? '1' : '0',
    (0.02 + 0.3 * Math.pow(rng(), 4)).toFixed(4),
    acoustic.toPrecision(3),
    instr < 1e-3 ? instr.toExponential(2) : instr.toFixed(4),
    clamp01(0.05 + 0.3 * Math.pow(rng(), 3)).toFixed(4),
    valence.toFixed(3),
    (70 + 110 * rng()).toFixed(3),
    trackId(rng),
  ];
  return cells.join(',');
}

/**
 * Generate `rows` data rows (plus a header) as a CSV Blob of about 180 bytes a row. Deterministic for a seed.
 * Chunks of `chunkRows` rows are turned into Blobs at once so their strings can be collected.
 * `onProgress(rowsDone)` is called after each chunk.
 */
export function generateTrackCsv(
  rows: number,
  seed = 1,
  chunkRows = 20_000,
  onProgress?: (done: number) => void,
): Blob {
  const rng = mulberry32(seed);
  const artists = makeArtists(rng);
  const parts: Blob[] = [new Blob([CSV_COLUMNS.join(',') + '\r\n'])];
  for (let start = 0; start < rows; start += chunkRows) {
    const end = Math.min(rows, start + chunkRows);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(row(rng, artists));
    parts.push(new Blob([lines.join('\r\n') + '\r\n']));
    onProgress?.(end);
  }
  return new Blob(parts, { type: 'text/csv' });
}
