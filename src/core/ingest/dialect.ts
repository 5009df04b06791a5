/**
 * Dialect detection on the head of a file: which delimiter (comma, semicolon, tab, pipe, space,
 * colon), quote ('"', "'", none) and escape (doubled quotes or backslash), and whether numbers use a
 * decimal comma ("3,50").
 *
 * The score is CleverCSV's data consistency (van den Burg, Nazábal and Sutton, "Wrangling messy CSV
 * files by detecting row and type patterns", 2019): Q = P x T, where the pattern score P rewards a
 * parse whose rows have few distinct field counts (and more fields), and the type score T is the
 * share of cells of a recognisable type (cellTypes.ts). Each candidate parses the sample with the
 * same tokenizer the ingest uses, so what is scored is what will be read.
 */
import { isKnownType } from './cellTypes';
import { makeTokenizer } from './tokenizer';
import type { Dialect } from './types';

/** Delimiters considered, in order of preference when scores tie. */
export const DELIMITERS = [',', ';', '\t', '|', ' ', ':'] as const;
/**
 * Prior weight of each delimiter. Space and colon also sit inside ordinary values (words, times,
 * URLs, JSON), where splitting makes short, typed-looking fragments ("06", "2019-09-01T19"); they
 * must be clearly more consistent to win (the CleverCSV issue #35 and #37 files of POLLOCK).
 */
const PRIOR: Record<string, number> = { ',': 1, ';': 1, '\t': 1, '|': 1, ' ': 0.85, ':': 0.8 };
/** Rows scored per candidate (enough to tell dialects apart; the head has at most 64 K characters). */
const SCORE_ROWS = 200;
/** Characters tokenized at a time while sampling (sampling stops once it has its rows). */
const PIECE = 4096;
/** CleverCSV's floor for the pattern score of one-field rows. */
const EPS_PATTERN = 1e-3;

/** A tokenized row of the head and its 1-based physical line. */
export interface SampleRow {
  fields: string[];
  line: number;
}

/** The default dialect: RFC 4180 with `delimiter`. */
export function rfcDialect(delimiter = ','): Dialect {
  return { delimiter, quote: '"', escape: '' };
}

/**
 * Tokenize `text` with `dialect` and return its first `maxRows` rows (copied) with their lines; only
 * as much text is read as they need. `complete`: `text` is the whole file; else it is a head cut
 * anywhere, and its last, possibly cut row is left out (a cut inside quotes would look like garbage).
 */
export function sampleLines(
  text: string,
  dialect: Dialect,
  maxRows = 200,
  startLine = 1,
  complete = true,
): SampleRow[] {
  const rows: SampleRow[] = [];
  const tok = makeTokenizer(
    dialect,
    {
      row(view, line) {
        if (rows.length < maxRows) rows.push({ fields: view.toArray(), line });
      },
      badRow(fields, line) {
        if (rows.length < maxRows) rows.push({ fields, line });
      },
    },
    startLine,
  );
  for (let i = 0; i < text.length && rows.length < maxRows; i += PIECE) tok.push(text.slice(i, i + PIECE));
  if (rows.length < maxRows && complete) tok.finish();
  return rows.slice(0, maxRows);
}

/** Tokenize `text` (a delimiter means RFC 4180 quoting) and return up to `maxRows` rows (copied). */
export function sampleRows(text: string, dialect: Dialect | string, maxRows = 200): string[][] {
  const d = typeof dialect === 'string' ? rfcDialect(dialect) : dialect;
  return sampleLines(text, d, maxRows).map((r) => r.fields);
}

/**
 * The candidates worth scoring for `text`: every listed delimiter that occurs in it; the double
 * quote, the single quote where one occurs, and no quoting where a double quote occurs; backslash
 * escapes only where a backslash stands before a quote.
 */
export function candidateDialects(text: string, forced: Partial<Dialect> = {}): Dialect[] {
  const delims = forced.delimiter ? [forced.delimiter] : DELIMITERS.filter((d) => text.includes(d));
  if (delims.length === 0) delims.push(',');
  const quotes = forced.quote !== undefined ? [forced.quote] : ['"'];
  if (forced.quote === undefined) {
    if (text.includes("'")) quotes.push("'");
    if (text.includes('"')) quotes.push('');
  }
  const out: Dialect[] = [];
  for (const delimiter of delims)
    for (const quote of quotes) {
      if (quote === delimiter) continue;
      const escapes =
        forced.escape !== undefined
          ? [forced.escape]
          : quote && text.includes('\\' + quote)
            ? ['', '\\']
            : [''];
      for (const escape of escapes) out.push({ delimiter, quote, escape });
    }
  return out;
}

/** Rows that hold something (a lone empty field is a blank line). */
function contentRows(rows: string[][]): string[][] {
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/**
 * CleverCSV's pattern score, per row: (1/K) sum_k (N_k / N) max(eps, L_k - 1) / L_k over the K
 * distinct field counts L_k of the N rows. CleverCSV leaves out the 1/N; here every parse is scored
 * on its first SCORE_ROWS rows, so a parse that splits quoted multi-line cells into more rows would
 * otherwise outscore the one that keeps them.
 */
export function patternScore(rows: string[][]): number {
  const freq = new Map<number, number>();
  for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  if (freq.size === 0) return 0;
  let p = 0;
  for (const [len, n] of freq) p += (n * Math.max(EPS_PATTERN, len - 1)) / len;
  return p / rows.length / freq.size;
}

/** The share of cells of a known type (cellTypes.ts); 0 for no cells. */
export function typeScore(rows: string[][]): number {
  let total = 0;
  let known = 0;
  for (const r of rows)
    for (const cell of r) {
      total++;
      if (isKnownType(cell)) known++;
    }
  return total === 0 ? 0 : known / total;
}

/**
 * The most consistent dialect of `text` (the head of a file), Q = pattern score x type score; ties go
 * to the earlier candidate (comma before semicolon ..., '"' before "'", doubled quotes before
 * backslash). `forced` fixes any part of the dialect (the rest is still detected). `complete`: `text`
 * is the whole file (see sampleLines).
 */
export function detectDialect(text: string, forced: Partial<Dialect> = {}, complete = true): Dialect {
  const scored = candidateDialects(text, forced).map((dialect) => {
    const sample = sampleLines(text, dialect, SCORE_ROWS, 1, complete).map((r) => r.fields);
    const rows = contentRows(sample);
    // Backslash escapes must be clearly better than doubled quotes (a lone `\'` in prose ties them).
    const prior = (PRIOR[dialect.delimiter] ?? 1) * (dialect.escape ? 0.98 : 1);
    return { dialect, rows, p: patternScore(rows) * prior };
  });
  // T <= 1, so a candidate whose P is below the best Q so far cannot win: its T is never computed.
  const order = scored.map((_, i) => i).sort((a, b) => scored[b]!.p - scored[a]!.p || a - b);
  let best = -1;
  let bestQ = -1;
  for (const i of order) {
    const c = scored[i]!;
    if (c.p < bestQ || (c.p === bestQ && i > best)) break;
    const q = c.p * typeScore(c.rows);
    if (q > bestQ || (q === bestQ && i < best)) {
      bestQ = q;
      best = i;
    }
  }
  if (best < 0) return { ...rfcDialect(), ...forced };
  const rfc = scored.find((c) => c.dialect.delimiter === ',' && c.dialect.quote === '"' && !c.dialect.escape);
  if (rfc && oneColumn(scored[best]!.rows, rfc.rows)) return rfc.dialect;
  return scored[best]!.dialect;
}

/**
 * True when the file is one column of text: the default dialect reads every row as one field, and
 * the best parse has no table shape either (three or more rows, no field count above one shared by
 * half of them): its commas, spaces or colons are prose, not delimiters.
 */
function oneColumn(best: string[][], rfc: string[][]): boolean {
  if (best.length < 3 || rfc.some((r) => r.length !== 1)) return false;
  const freq = new Map<number, number>();
  for (const r of best) if (r.length > 1) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  return Math.max(0, ...freq.values()) < 0.5 * best.length;
}

/** The delimiter of detectDialect (kept for callers that only need it). */
export function detectDelimiter(text: string): string {
  return detectDialect(text).delimiter;
}

/**
 * True when numbers in the sample use ',' as the decimal separator: only possible when the
 * delimiter is not ','; needs cells like "3,50" and more of them than cells like "3.50".
 * "1,234" alone (three digits after the comma) is ambiguous; it counts as decimal comma only on ';'.
 */
export function detectDecimalComma(rows: string[][], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let commaAmbiguous = 0;
  let dot = 0;
  for (const r of rows.slice(1)) {
    for (const cell of r) {
      const t = cell.trim();
      if (/^[+-]?\d+,\d+$/.test(t)) {
        if (/,\d{3}$/.test(t)) commaAmbiguous++;
        else comma++;
      } else if (/^[+-]?\d*\.\d+$/.test(t) && !/^\d{1,3}(\.\d{3})+$/.test(t)) dot++;
    }
  }
  if (comma > dot) return true;
  return comma === 0 && dot === 0 && commaAmbiguous > 0 && delimiter === ';';
}
