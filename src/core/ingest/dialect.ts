/**
 * Dialect sniffing on the head of a file: which delimiter (comma, semicolon, tab, pipe) and whether
 * numbers use a decimal comma ("3,50").
 */
import { CsvTokenizer } from './tokenizer';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Tokenize `text` with `delim` and return up to `maxRows` rows (copied). */
export function sampleRows(text: string, delim: string, maxRows = 200): string[][] {
  const rows: string[][] = [];
  const tok = new CsvTokenizer(delim.charCodeAt(0), {
    row(view) {
      if (rows.length < maxRows) rows.push(view.toArray());
    },
    badRow() {},
  });
  tok.push(text);
  tok.finish();
  return rows;
}

/**
 * Pick the delimiter whose field count is most consistent (and > 1) over the first rows of `text`.
 * Score: share of rows with the modal field count, ties broken by more fields. Default ','.
 */
export function detectDelimiter(text: string): string {
  const head = dropPartialLastLine(text);
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = sampleRows(head, d, 100).filter((r) => !(r.length === 1 && r[0] === ''));
    if (rows.length === 0) continue;
    const freq = new Map<number, number>();
    for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [k, v] of freq) if (v > modeCount || (v === modeCount && k > mode)) [mode, modeCount] = [k, v];
    if (mode < 2) continue;
    const headerMatches = rows[0]!.length === mode ? 0.5 : 0;
    const score = modeCount / rows.length + headerMatches + Math.min(mode, 50) / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
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

function dropPartialLastLine(text: string): string {
  if (text.length < 65536) return text;
  const k = text.lastIndexOf('\n');
  return k > 0 ? text.slice(0, k) : text;
}
