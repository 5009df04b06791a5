/**
 * The prep worker's API over core duplicate detection, dedupe and the skipped-rows export; a plain
 * object, testable without a Worker. Tables cross as typed arrays (see core/data/table.ts).
 */
import type { Column, Table } from '../core/data/table';
import { cellString } from '../core/data/table';
import {
  findArtistColumn,
  findTitleColumn,
  findTrackIdColumns,
  normaliseName,
} from '../core/data/trackIdentity';
import { skippedRowsCsv } from '../core/ingest';
import { dedupe, findDuplicates, type Duplicates } from '../core/prep';

import type { DedupeOutcome, DuplicateKey, DuplicateScan, PrepApi } from './protocol/prep';

export type { DedupeOutcome, DuplicateKey, DuplicateScan, PrepApi };

const EXAMPLES = 10;
/** Added by multi-file ingest; rows from two files can still be the same track. */
const SOURCE_COLUMN = 'source_file';

/**
 * Lower case, accents, punctuation and version asides removed, spaces collapsed: "Beyoncé  - Halo!"
 * -> "beyonce halo". The track identity's normaliseName (core/data/trackIdentity), kept under this name.
 */
export const normaliseKey = normaliseName;

/**
 * Candidate keys for a table, most specific first: each track-id column, artist + title (the columns
 * core/data/trackIdentity detects, so the first key is the track identity the leakage guard uses), exact rows.
 */
export function candidateKeys(table: Table): DuplicateKey[] {
  const keys: DuplicateKey[] = findTrackIdColumns(table).map((column) => ({ by: 'id', column }));
  const artist = findArtistColumn(table);
  const title = findTitleColumn(table);
  if (artist && title && artist !== title) keys.push({ by: 'keys', columns: [artist, title] });
  keys.push({ by: 'exact' });
  return keys;
}

function labelOf(key: DuplicateKey): string {
  if (key.by === 'exact') return 'exact duplicate rows';
  if (key.by === 'id') return `same ${key.column}`;
  return `same ${key.columns.join(' + ')} (ignoring case, accents, punctuation and tags like "Remastered")`;
}

function requireCol(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`Column "${name}" is not in this table; scan for duplicates again.`);
  return c;
}

function find(table: Table, key: DuplicateKey): Duplicates {
  if (key.by === 'id' || key.by === 'keys') {
    const columns = key.by === 'id' ? [key.column] : key.columns;
    for (const c of columns) requireCol(table, c);
    return findDuplicates(table, { identity: { by: key.by === 'id' ? 'id' : 'name', columns } });
  }
  const others = table.columns.filter((c) => c.name !== SOURCE_COLUMN).map((c) => c.name);
  return findDuplicates(table, { keyColumns: others });
}

/** The shared key of a group as a person reads it (the first row's key cells). */
function keyText(table: Table, key: DuplicateKey, row: number): string {
  const names =
    key.by === 'id'
      ? [key.column]
      : key.by === 'keys'
        ? key.columns
        : table.columns.slice(0, 3).map((c) => c.name);
  return names.map((n) => cellString(requireCol(table, n), row)).join(' – ');
}

function targetText(table: Table, target: string | undefined, row: number): string {
  const col = target === undefined ? undefined : table.columns.find((c) => c.name === target);
  return col ? cellString(col, row) : '';
}

/** Create the API; the worker wraps it with comlink. */
export function createPrepApi(): PrepApi {
  return {
    async scanDuplicates(table, target) {
      return candidateKeys(table).map((key) => {
        const d = find(table, key);
        return {
          key,
          label: labelOf(key),
          groupCount: d.groupCount,
          duplicateRows: d.duplicateRows,
          examples: d.examples.slice(0, EXAMPLES).map((rows) => ({
            key: keyText(table, key, rows[0]!),
            rows,
            targets: rows.map((r) => targetText(table, target, r)),
          })),
        };
      });
    },
    async dedupe(table, key, mode, target) {
      const d = find(table, key);
      const out = dedupe(table, d, mode, mode === 'mean' ? target : undefined);
      const merged: DedupeOutcome['merged'] = [];
      for (let i = 0; i < out.keptRows.length && merged.length < EXAMPLES; i++) {
        const g = d.groupOf[out.keptRows[i]!]!;
        if (g < 0) continue;
        let size = 0;
        for (let r = 0; r < d.groupOf.length; r++) if (d.groupOf[r] === g) size++;
        merged.push({
          key: keyText(table, key, out.keptRows[i]!),
          rows: size,
          target: targetText(out.table, target, i),
        });
      }
      return {
        table: out.table,
        label: labelOf(key),
        mode,
        removed: out.removed,
        groupsMerged: out.groupsMerged,
        targetAggregate: out.targetAggregate,
        merged,
      };
    },
    async skippedRowsCsv(report, columns) {
      // Several files merge their delimiters as "a, b"; the raw rows use each file's own, so take the first.
      const delimiter = report.delimiter.length > 1 ? (report.delimiter[0] ?? ',') : report.delimiter;
      return skippedRowsCsv(
        { ...report, delimiter },
        columns.filter((c) => c !== SOURCE_COLUMN),
      );
    },
  };
}
