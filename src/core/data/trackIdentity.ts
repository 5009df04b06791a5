/**
 * Track identity: the one place that decides which rows of a table are the same track. Dedupe
 * (prep), the leakage guard (split, experiment) and the bias panel's known / unseen tracks all ask
 * here, so "the same track" means the same thing in each of them.
 *
 * A track is identified by an id column when the table has one (track_id, spotify id, uri, isrc),
 * else by its artist and title, normalised so that "Beyoncé - Halo (Remastered)", "Halo - 2011
 * Remaster" and "halo (feat. X)" are one song. A row whose key is missing (an empty id, or an empty
 * artist or title) is never grouped with another row.
 */
import type { Column, StringColumn, Table } from './table';

/** How rows are matched: 'id' = the trimmed id value, exactly; 'name' = each column normalised. */
export interface TrackIdentity {
  by: 'id' | 'name';
  /** The id column, or the artist and title columns (in that order). */
  columns: string[];
}

/** Per row group ids. Shape: groupOf [rowCount], ids 0..groupCount-1 in order of first row; -1 = missing key. */
export interface TrackGroups {
  groupOf: Int32Array;
  groupCount: number;
}

/** Names of a column that identifies a track: id, uri, isrc, track_id, song_uri, spotify id, spotify_track_id... */
const TRACK_ID_NAME = /^(?:(?:spotify|track|song|recording)[ _-]?){0,2}(?:id|uri|isrc)$/i;
const ARTIST_NAME =
  /^(?:artists?|artist[ _-]?names?|artist\(s\)[ _-]?names?|performers?|main[ _-]?artists?)$/i;
/** Most specific first: track_name beats title, which beats a bare "name" (often an album or playlist name). */
const TITLE_NAMES = [/^(?:track|song)[ _-]?(?:name|title)$/i, /^(?:title|song|track)$/i, /^name$/i];

const ASIDE =
  'feat|featuring|ft|with|remaster|remastered|live|radio|explicit|clean|version|edit|mix|remix|mono|stereo|' +
  'acoustic|demo|bonus|deluxe|single|album|original|instrumental|anniversary';
/** "(feat. X)", "(2011 Remaster)", "(Live at Wembley)": a parenthesised aside naming a version. */
const PAREN_ASIDE = new RegExp(`\\([^)]*\\b(?:${ASIDE})\\b[^)]*\\)`, 'g');
/** " - Remastered 2011", " - 2011 Remaster", " – Radio Edit": a dash suffix naming a version (to the end). */
const DASH_ASIDE = new RegExp(`\\s[-\u2013\u2014]\\s.*\\b(?:${ASIDE.replace('with|', '')})\\b.*$`);
/** "Song feat. X" without brackets. */
const BARE_FEAT = /\s(?:feat|featuring|ft)\b.*$/;

function plain(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function squash(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Normalise an artist or title for matching: case, accents, punctuation, spacing, "[...]" and
 * version asides ("(feat. X)", "(Remastered)", " - Remastered 2011", " - 2011 Remaster", " feat. X")
 * are ignored, so "Beyoncé - Halo (Remastered)" and "beyonce halo" match. A name that is nothing but
 * an aside keeps its words ("(Live)" -> "live") rather than becoming missing.
 */
export function normaliseName(s: string): string {
  const p = plain(s);
  const stripped = squash(
    p
      .replace(PAREN_ASIDE, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(DASH_ASIDE, ' ')
      .replace(BARE_FEAT, ' '),
  );
  return stripped !== '' ? stripped : squash(p);
}

/** True when a column name reads as a track id (id, uri, isrc, track_id, spotify id, ...). */
export function isTrackIdName(name: string): boolean {
  return TRACK_ID_NAME.test(name.trim());
}

/** Rank of an id name: prefixed (track_id, spotify_uri) before isrc before a bare uri before a bare id. */
function idRank(name: string): number {
  const n = name.trim().toLowerCase();
  return n === 'id' ? 3 : n === 'uri' ? 2 : n === 'isrc' ? 1 : 0;
}

/**
 * Columns that identify a track, most specific first (table order within a rank). A bare numeric
 * "id" / "uri" is left out: in a CSV it is nearly always a row number, not a track.
 */
export function findTrackIdColumns(table: Table): string[] {
  return table.columns
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => isTrackIdName(c.name) && (c.kind === 'string' || idRank(c.name) < 2))
    .sort((a, b) => idRank(a.c.name) - idRank(b.c.name) || a.index - b.index)
    .map(({ c }) => c.name);
}

/** A string column named like artist / artists / artist_name / performer, else one whose name contains "artist" (not an id). */
export function findArtistColumn(table: Table): string | undefined {
  const strings = table.columns.filter((c) => c.kind === 'string');
  return (
    strings.find((c) => ARTIST_NAME.test(c.name.trim())) ??
    strings.find((c) => /artist/i.test(c.name) && !isTrackIdName(c.name) && !/[ _-](?:id|uri)$/i.test(c.name))
  )?.name;
}

/** A string column named like a track title (track_name, song_name, title, song, track, name), most specific first. */
export function findTitleColumn(table: Table): string | undefined {
  const strings = table.columns.filter((c) => c.kind === 'string');
  for (const re of TITLE_NAMES) {
    const hit = strings.find((c) => re.test(c.name.trim()));
    if (hit) return hit.name;
  }
  return undefined;
}

/** How this table identifies a track: its id column if any, else artist + title; undefined when neither. */
export function findTrackIdentity(table: Table): TrackIdentity | undefined {
  const id = findTrackIdColumns(table)[0];
  if (id !== undefined) return { by: 'id', columns: [id] };
  const artist = findArtistColumn(table);
  const title = findTitleColumn(table);
  if (artist !== undefined && title !== undefined && artist !== title)
    return { by: 'name', columns: [artist, title] };
  return undefined;
}

/** The column spec of an identity as the leakage check writes it: "track_id" or "artist+title". */
export function identitySpec(identity: TrackIdentity): string {
  return identity.columns.join('+');
}

/**
 * The identity a leakage spec stands for: one column (by id when it is named like an id, else by
 * normalised name) or "a+b" (normalised names). A column literally named "a+b" wins over the split.
 * Throws an Error naming the missing column, prefixed with `context`.
 */
export function identityForSpec(table: Table, spec: string, context = 'Track identity'): TrackIdentity {
  const has = (n: string) => table.columns.some((c) => c.name === n);
  const columns = has(spec) ? [spec] : spec.split('+').map((n) => n.trim());
  for (const n of columns) if (!has(n)) throw new Error(`${context}: there is no column named "${n}".`);
  return { by: columns.length === 1 && isTrackIdName(columns[0]!) ? 'id' : 'name', columns };
}

function requireColumns(table: Table, names: string[]): Column[] {
  return names.map((n) => {
    const c = table.columns.find((x) => x.name === n);
    if (!c) throw new Error(`Track identity: there is no column named "${n}".`);
    return c;
  });
}

/**
 * A per-row key: rows with equal non-null keys are the same track; null = missing (an empty id, or
 * any empty part of a name key), never equal to anything. Normalises each dictionary once, so a
 * million-row artist column costs one pass over its few thousand names.
 */
export function trackKeyFunction(table: Table, identity: TrackIdentity): (row: number) => string | null {
  const cols = requireColumns(table, identity.columns);
  const norm = identity.by === 'id' ? (s: string) => s.trim() : normaliseName;
  const dicts = cols.map((c) => (c.kind === 'string' ? c.dict.map(norm) : null));
  return (row) => {
    let key = '';
    for (let p = 0; p < cols.length; p++) {
      const col = cols[p]!;
      let v: string;
      if (col.kind === 'number') {
        const x = col.values[row]!;
        v = Number.isNaN(x) ? '' : String(x);
      } else {
        const code = col.codes[row]!;
        v = code < 0 ? '' : dicts[p]![code]!;
      }
      if (v === '') return null;
      key += (p ? '\u0001' : '') + v;
    }
    return key;
  };
}

/** Group ids per row for an identity (see TrackGroups). O(rows) with one hash map. */
export function trackGroups(table: Table, identity: TrackIdentity): TrackGroups {
  const key = trackKeyFunction(table, identity);
  const groupOf = new Int32Array(table.rowCount);
  const index = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const k = key(r);
    if (k === null) {
      groupOf[r] = -1;
      continue;
    }
    let g = index.get(k);
    if (g === undefined) index.set(k, (g = index.size));
    groupOf[r] = g;
  }
  return { groupOf, groupCount: index.size };
}

/**
 * The track groups as a string column (codes = group ids, -1 = missing), for a grouped split. The
 * dictionary holds the group numbers, not the keys: a grouped split normalises names again, and
 * two different keys could collapse under that second normalisation ("a b"+"c" vs "a"+"b c").
 */
export function trackKeyColumn(table: Table, identity: TrackIdentity, name?: string): StringColumn {
  const { groupOf, groupCount } = trackGroups(table, identity);
  const dict = Array.from({ length: groupCount }, (_, g) => String(g));
  return { name: name ?? `${identitySpec(identity)} (track)`, kind: 'string', codes: groupOf, dict };
}
