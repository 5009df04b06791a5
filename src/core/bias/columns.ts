/**
 * Which columns a bias analysis looks at by default, and which column holds the artist: categorical, boolean and
 * multi-valued columns with 2..30 groups and year-like columns (as decades), most useful first.
 */
import type { Table } from '../data/table';
import { inferColumnType, splitTokens } from '../prep';

const ARTIST_NAME = /^(artists?|artist[ _-]?names?|performers?|main[ _-]?artist)$/i;

/** A column named like artist / artists / artist_name / performer, else one whose name contains "artist". */
export function findArtistColumn(table: Table): string | undefined {
  const strings = table.columns.filter((c) => c.kind === 'string');
  return (strings.find((c) => ARTIST_NAME.test(c.name.trim())) ?? strings.find((c) => /artist/i.test(c.name)))
    ?.name;
}

/** Preference of a bias column by name: genre, year/decade, explicit, mode, key, then the rest. */
function priority(name: string): number {
  const rules = [/genre/i, /year|decade|date|release/i, /explicit/i, /^mode$/i, /^key$/i];
  const i = rules.findIndex((r) => r.test(name));
  return i < 0 ? rules.length : i;
}

/**
 * Columns worth a bias table by default: categorical, boolean and multi-valued columns with
 * 2..30 groups (genre, explicit, mode, key), year-like numbers and dates (grouped by decade),
 * excluding the target, the artist column and id / free-text / continuous columns. At most 6,
 * most useful first (genre, year, explicit, mode, key, then feature columns, then table order).
 */
export function defaultBiasColumns(
  table: Table,
  target: string,
  featureColumns: readonly string[] = [],
): string[] {
  const artist = findArtistColumn(table);
  const found: { name: string; rank: number; index: number }[] = [];
  table.columns.forEach((col, index) => {
    if (col.name === target || col.name === artist) return;
    const type = inferColumnType(col, table.rowCount);
    let groups = 0;
    if (col.kind === 'number') {
      const distinct = new Set<number>();
      const decades = new Set<number>();
      for (const v of col.values) {
        if (Number.isNaN(v)) continue;
        if (distinct.size <= 31) distinct.add(v);
        decades.add(Math.floor(v / 10));
        if (decades.size > 31) break;
      }
      const yearLike =
        /year|date|release/i.test(col.name) &&
        [...distinct].every((v) => Number.isInteger(v) && v >= 1000 && v <= 2999);
      if (yearLike) groups = decades.size;
      else if (type === 'boolean' || (type === 'integer' && distinct.size <= 12)) groups = distinct.size;
    } else if (type === 'date') {
      groups = dateDecades(col.dict);
    } else if (type === 'category' || type === 'boolean' || type === 'multicategory') {
      const used = new Set<string>();
      for (const c of col.codes) {
        if (c < 0) continue;
        for (const t of type === 'multicategory' ? splitTokens(col.dict[c]!) : [col.dict[c]!.trim()])
          used.add(t);
        if (used.size > 30) break;
      }
      groups = used.size;
    }
    if (groups < 2 || groups > 30) return;
    const rank = priority(col.name) * 2 + (featureColumns.includes(col.name) ? 0 : 1);
    found.push({ name: col.name, rank, index });
  });
  return found
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, 6)
    .map((f) => f.name);
}

/** Distinct decades among date strings that start with a 4-digit year. */
function dateDecades(dict: string[]): number {
  const decades = new Set<string>();
  for (const s of dict) {
    const m = /^\s*(\d{3})\d/.exec(s);
    if (m) decades.add(m[1]!);
  }
  return decades.size;
}
