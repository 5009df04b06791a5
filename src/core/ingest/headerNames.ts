/**
 * The header row -> column names: width fixes (a trailing delimiter on the header only, R's row-name
 * column), header-less files (a first row of only numbers is data), unique non-empty names.
 */
import type { HeaderLayout } from './headerRow';
import { parseNumber } from './numbers';
import { IngestError } from './types';

/** The name given to R's unnamed row-name column. */
export const ROW_NAMES = 'row_name';

/** What readHeader needs: the header layout (from the sniff), the header option, decimal commas. */
export interface HeaderOptions {
  hasHeader: boolean | undefined;
  decimalComma: boolean;
  header?: HeaderLayout;
}

/**
 * Column names from the first row `fields`; hasHeader false when the row is data (it is then read as
 * a data row too). Notices for the report are appended to `notices`. Throws IngestError for a header
 * of only delimiters.
 */
export function readHeader(
  fields: string[],
  opts: HeaderOptions,
  notices: string[],
): { names: string[]; hasHeader: boolean } {
  const layout = opts.header;
  if (
    layout?.fix === 'dropTrailing' &&
    fields.length === layout.dataWidth + 1 &&
    fields.at(-1)!.trim() === ''
  ) {
    fields = fields.slice(0, -1);
    notices.push(
      `The header ends with a delimiter that the data rows lack (${fields.length + 1} header fields, ${fields.length} in the rows); the empty last header field was dropped.`,
    );
  }
  let hasHeader = opts.hasHeader ?? true;
  if (
    opts.hasHeader === undefined &&
    fields.length >= 2 &&
    fields.every((f) => !Number.isNaN(parseNumber(f, opts.decimalComma)))
  ) {
    // A first row of numbers is data, not names (header-less exports); say so rather than guess silently.
    hasHeader = false;
    notices.push(
      'The first row holds only numbers, so it was read as data and the columns were named column_1, column_2, ...',
    );
  }
  if (
    opts.hasHeader === undefined &&
    hasHeader &&
    layout?.alone &&
    fields.some((f) => f.trim() !== '' && !Number.isNaN(parseNumber(f, opts.decimalComma)))
  ) {
    // A file of one row: with a number among its cells, it is a record, not a header.
    hasHeader = false;
    notices.push(
      'The file has a single row and it holds numbers, so it was read as data and the columns were named column_1, column_2, ...',
    );
  }
  if (hasHeader && fields.every((f) => f.trim() === '')) {
    throw new IngestError(
      'The header row is empty (only delimiters). Put the column names in the first line of the file.',
    );
  }
  if (!hasHeader)
    return { names: Array.from({ length: fields.length }, (_, i) => `column_${i + 1}`), hasHeader };
  if (layout?.fix === 'rowNames' && fields.length === layout.dataWidth - 1) {
    fields = [ROW_NAMES, ...fields];
    notices.push(
      `The header has one field fewer than the data rows (R-style row names); the first column was named "${ROW_NAMES}".`,
    );
  } else if (layout?.fix === 'widen' && fields.length < layout.dataWidth) {
    const n = fields.length;
    fields = [...fields, ...Array.from({ length: layout.dataWidth - n }, () => '')];
    notices.push(
      `The header has ${n} field${n === 1 ? '' : 's'} but the data rows have ${layout.dataWidth}; the columns without a name were named column_${n + 1} to column_${layout.dataWidth}.`,
    );
  }
  return { names: headerNames(fields), hasHeader };
}

/** Header cells -> unique, non-empty column names ("" -> column_3, repeats -> name_2). */
export function headerNames(fields: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let k = 0; k < fields.length; k++) {
    let name = fields[k]!.split('\u0000').join('').trim();
    if (name === '') name = `column_${k + 1}`;
    let unique = name;
    for (let s = 2; seen.has(unique); s++) unique = `${name}_${s}`;
    seen.add(unique);
    out.push(unique);
  }
  return out;
}
