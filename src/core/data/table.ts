/**
 * The in-memory table every pipeline step works on: columnar, typed, transferable.
 *
 * Numbers live in Float64Array (NaN = missing); strings are dictionary-encoded
 * (Int32Array codes into `dict`, -1 = missing), so a million-row category column costs
 * 4 bytes a row and crosses a worker boundary as one transferred buffer.
 */

/** The semantic type of a column, as inferred by ingest/profile and overridable by the user. */
export type ColumnType =
  'number' | 'integer' | 'boolean' | 'category' | 'multicategory' | 'date' | 'text' | 'id' | 'constant';

export interface NumberColumn {
  name: string;
  kind: 'number';
  /** One value per row; NaN marks a missing or unparseable cell. */
  values: Float64Array;
}

export interface StringColumn {
  name: string;
  kind: 'string';
  /** One code per row into `dict`; -1 marks a missing cell. */
  codes: Int32Array;
  dict: string[];
}

export type Column = NumberColumn | StringColumn;

export interface Table {
  rowCount: number;
  columns: Column[];
}

/** Find a column by name (exact match). */
export function getColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The string value of a cell ('' when missing). Numbers are formatted with String(). */
export function cellString(col: Column, row: number): string {
  if (col.kind === 'number') {
    const v = col.values[row]!;
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = col.codes[row]!;
  return code < 0 ? '' : col.dict[code]!;
}

/** True when the cell holds no value. */
export function isMissing(col: Column, row: number): boolean {
  return col.kind === 'number' ? Number.isNaN(col.values[row]!) : col.codes[row]! < 0;
}

/** Build a string column from plain values ('' / null / undefined become missing). */
export function stringColumn(name: string, values: ReadonlyArray<string | null | undefined>): StringColumn {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null || v === undefined || v === '') {
      codes[i] = -1;
      return;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dict.length;
      dict.push(v);
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { name, kind: 'string', codes, dict };
}

/** Build a number column from plain values (null / undefined become NaN). */
export function numberColumn(name: string, values: ReadonlyArray<number | null | undefined>): NumberColumn {
  return { name, kind: 'number', values: Float64Array.from(values, (v) => (v ?? NaN) as number) };
}

/** Keep only the given rows (in the given order). */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns = table.columns.map((c): Column => {
    if (c.kind === 'number') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = c.values[rows[i]!]!;
      return { name: c.name, kind: 'number', values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = c.codes[rows[i]!]!;
    return { name: c.name, kind: 'string', codes, dict: c.dict };
  });
  return { rowCount: n, columns };
}

/** The buffers of a table, for postMessage's transfer list. */
export function tableTransferables(table: Table): ArrayBuffer[] {
  return table.columns.map((c) => (c.kind === 'number' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
}
