/**
 * The audio feature table: one row per analysed file, a string `file` column then one number
 * column per summary feature (NaN = missing).
 */
import type { Column, Table } from '../data/table';
import { stringColumn } from '../data/table';

/** One analysed file: its name and its summary row (names[i] labels values[i]). */
export interface FeatureRow {
  file: string;
  names: readonly string[];
  values: ArrayLike<number>;
  /** Optional fixed-size matrices: MFCC frames [128 * 20] and a log-mel patch [128 * 128], row-major. */
  mfcc?: Float32Array;
  mel?: Float32Array;
}

/** Name of the file-name column of a feature table. */
export const FILE_COLUMN = 'file';

/**
 * Build the feature table. Columns: `file`, then the union of the rows' feature names in order
 * of first appearance (rows normally share one list; a name a row lacks is NaN there).
 * Throws when a row's names and values differ in length or a feature is named `file`.
 */
export function featureTable(rows: readonly FeatureRow[]): Table {
  const order: string[] = [];
  const index = new Map<string, number>();
  let lastNames: readonly string[] | undefined;
  for (const r of rows) {
    if (r.names.length !== r.values.length) {
      throw new Error(
        `The features of ${r.file} are malformed: ${r.names.length} names, ${r.values.length} values.`,
      );
    }
    if (r.names === lastNames) continue; // the common case: every row shares one names array
    lastNames = r.names;
    for (const n of r.names) {
      if (n === FILE_COLUMN) throw new Error(`A feature may not be named "${FILE_COLUMN}".`);
      if (!index.has(n)) {
        index.set(n, order.length);
        order.push(n);
      }
    }
  }
  const n = rows.length;
  const cols = order.map(() => new Float64Array(n).fill(NaN));
  rows.forEach((r, i) => {
    for (let j = 0; j < r.names.length; j++) cols[index.get(r.names[j]!)!]![i] = r.values[j]!;
  });
  const columns: Column[] = [
    stringColumn(
      FILE_COLUMN,
      rows.map((r) => r.file),
    ),
    ...order.map((name, j): Column => ({ name, kind: 'number', values: cols[j]! })),
  ];
  return { rowCount: n, columns };
}
