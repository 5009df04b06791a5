/**
 * Plain CSV serialisation of one row (RFC 4180 quoting with '"'): how a skipped row's cells are kept
 * in the report (SkippedRow.raw). Downloads go through export.ts, which also neutralises formulas.
 */

/**
 * Serialise fields to one CSV line: a field is quoted (and its quotes doubled) when it contains a
 * quote, CR, LF or the delimiter, so the tokenizer reads it back exactly.
 */
export function toCsvLine(fields: ArrayLike<string>, delimiter: string): string {
  const out: string[] = [];
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    out.push(/["\r\n]/.test(f) || f.includes(delimiter) ? '"' + f.replace(/"/g, '""') + '"' : f);
  }
  return out.join(delimiter);
}
