/**
 * A seeded generator of Spotify-like track tables as CSV text, for benchmarks and large-file tests
 * (about 180 bytes and 18 columns a row: ids, names, multi-artist lists, genres, audio features,
 * mixed-precision release dates, a heavy-tailed streams column and a popularity target).
 */
import { mulberry32, randInt } from '../../core/random';

const WORDS = [
  'love',
  'night',
  'baby',
  'heart',
  'fire',
  'dance',
  'dream',
  'summer',
  'rain',
  'gold',
  'blue',
  'wild',
  'home',
  'light',
  'river',
  'star',
];
const GENRES = Array.from({ length: 60 }, (_, i) => `genre ${i}`);
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const SYNTHETIC_HEADER =
  'track_id,track_name,artists,genre,popularity,streams,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,valence,tempo,release_date';

/**
 * CSV rows `from`..`to`-1 (no header) of the synthetic table for `seed`, joined with '\n' and ending
 * with '\n'. Rows depend only on (seed, row index), so any slice can be generated independently.
 */
export function syntheticRows(from: number, to: number, seed = 1): string {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const rng = mulberry32((seed * 0x9e3779b1) ^ (r * 0x85ebca6b));
    let id = '';
    for (let k = 0; k < 22; k++) id += B62[randInt(rng, 62)];
    const name = `${WORDS[randInt(rng, 16)]} ${WORDS[randInt(rng, 16)]} ${r % 1000}`;
    const a1 = `Artist ${randInt(rng, 50000)}`;
    const artists = rng() < 0.2 ? `"${a1}, Artist ${randInt(rng, 50000)}"` : a1;
    const pop = Math.min(100, Math.floor(-Math.log(1 - rng()) * 25));
    const streams = Math.floor(Math.exp(12 + 3 * rng() + 2 * rng()));
    const year = 1960 + randInt(rng, 64);
    const month = 1 + randInt(rng, 12);
    const day = 1 + randInt(rng, 28);
    const pick = rng();
    const date =
      pick < 0.1
        ? `${year}`
        : pick < 0.2
          ? `${year}-${String(month).padStart(2, '0')}`
          : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    out.push(
      [
        id,
        name,
        artists,
        GENRES[randInt(rng, GENRES.length)],
        pop,
        streams,
        120000 + randInt(rng, 240000),
        rng() < 0.3 ? 'True' : 'False',
        rng().toFixed(3),
        rng().toFixed(3),
        randInt(rng, 12),
        (-30 * rng()).toFixed(3),
        randInt(rng, 2),
        (rng() * 0.5).toFixed(4),
        rng().toFixed(4),
        rng().toFixed(3),
        (60 + 140 * rng()).toFixed(3),
        date,
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}

/** The whole synthetic table as Blob parts (header first), generated in slices of `slice` rows. */
export function syntheticCsvParts(rows: number, seed = 1, slice = 50000): string[] {
  const parts = [SYNTHETIC_HEADER + '\n'];
  for (let r = 0; r < rows; r += slice) parts.push(syntheticRows(r, Math.min(rows, r + slice), seed));
  return parts;
}
