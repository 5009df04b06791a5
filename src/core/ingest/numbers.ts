/**
 * Fast, strict number parsing for CSV cells.
 *
 * Accepts: optional sign, digits with an optional decimal separator ('.' or, with decimalComma, ','),
 * thousands groups of exactly three digits (',' normally, '.' with decimalComma: "1,021" -> 1021,
 * "1.234,5" -> 1234.5), an optional exponent, surrounding spaces. Rejects hex, Infinity, "1,02", "12abc".
 * Why hand-written: a million-row file has ~18M cells and Number() accepts too much ("0x1F", "", " ").
 * Up to 15 significant digits the value is mant / 10^k with both exact, so the division is correctly
 * rounded and equals Number() (Clinger's fast path; also with an exponent when the power of ten stays within
 * 10^22); longer inputs go through Number().
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SLOW = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parse a cell as a number; NaN when it is not one. Shape: string -> float64. */
export function parseNumber(s: string, decimalComma: boolean): number {
  return parseNumberRange(s, 0, s.length, decimalComma);
}

/** parseNumber of s.slice(from, to), without making the substring (the ingest hot path). */
export function parseNumberRange(s: string, from: number, to: number, decimalComma: boolean): number {
  let i = from;
  let n = to;
  while (i < n && s.charCodeAt(i) <= 32) i++;
  while (n > i && s.charCodeAt(n - 1) <= 32) n--;
  if (i === n) return NaN;
  const start = i;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  const dec = decimalComma ? 44 : 46;
  const grp = decimalComma ? 46 : 44;
  let mant = 0;
  let digits = 0;
  let fracDigits = 0;
  let intDigits = 0;
  let sawDec = false;
  let sawGroup = false;
  let groupLen = 0;
  let lead = true; // leading zeros do not count as significant digits
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      if (!(lead && c === 48)) {
        lead = false;
        digits++;
      }
      if (sawDec) fracDigits++;
      else {
        intDigits++;
        if (sawGroup) groupLen++;
      }
      continue;
    }
    if (c === dec && !sawDec) {
      if (sawGroup && groupLen !== 3) return NaN;
      sawDec = true;
      continue;
    }
    if (c === grp && !sawDec) {
      if (intDigits === 0 || (sawGroup ? groupLen !== 3 : intDigits > 3)) return NaN;
      sawGroup = true;
      groupLen = 0;
      continue;
    }
    if (c === 101 || c === 69) break; // exponent: slow path below
    return NaN;
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (sawGroup && !sawDec && groupLen !== 3) return NaN;
  if (i === n && digits <= 15 && fracDigits <= 22) {
    const v = fracDigits ? mant / POW10[fracDigits]! : mant;
    return neg ? -v : v;
  }
  if (i < n && digits <= 15 && !sawGroup) {
    // "3.25e-5": the same exact fast path with the exponent folded in (one correctly rounded
    // multiplication or division by an exact power of ten), instead of a substring and Number().
    let j = i + 1;
    let eneg = false;
    c = j < n ? s.charCodeAt(j) : 0;
    if (c === 45 || c === 43) {
      eneg = c === 45;
      j++;
    }
    let e = 0;
    const e0 = j;
    for (; j < n && j - e0 < 4; j++) {
      c = s.charCodeAt(j);
      if (c < 48 || c > 57) break;
      e = e * 10 + (c - 48);
    }
    if (j === n && j > e0) {
      const p = (eneg ? -e : e) - fracDigits;
      if (p >= -22 && p <= 22) {
        const v = p < 0 ? mant / POW10[-p]! : mant * POW10[p]!;
        return neg ? -v : v;
      }
    }
  }
  let t = s.slice(start, n);
  if (sawGroup) t = t.split(String.fromCharCode(grp)).join('');
  if (decimalComma) t = t.replace(',', '.');
  return SLOW.test(t) ? Number(t) : NaN;
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '?', '#n/a', 'nil', '.']);

/** True for cells that mean "no value" in a numeric column (empty, NA, N/A, NaN, null, None, -, ?). */
export function isMissingToken(s: string): boolean {
  if (s.length > 4) return false;
  return MISSING.has(s.trim().toLowerCase());
}
