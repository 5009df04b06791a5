/**
 * "Is this cell of a recognisable type?": the type half of the dialect score (CleverCSV's approach,
 * van den Burg et al. 2019: a dialect that cuts a file into numbers, dates and words is more likely
 * than one that cuts it into fragments like `3,5"` or `1894.jpg\t51`). Regular expressions over the
 * trimmed cell; a cell of an unknown type is not an error, only evidence against the dialect.
 *
 * Types: empty and missing tokens, numbers (dot or comma radix, thousands separators, exponent),
 * percentages, currency amounts, dates, times, date-times, URLs, e-mail, IPv4, Unix paths, JSON
 * objects, lists of numbers (`51,47,45` in a tab-separated file), and words (letters, digits, spaces
 * and light punctuation).
 */
import { isMissingToken } from './numbers';

const NUM = String.raw`[+-]?(?:\d+(?:\.\d*|,\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?`;
const GROUPED = String.raw`[+-]?\d{1,3}(?:(?:,\d{3})+(?:\.\d*)?|(?:\.\d{3})+(?:,\d*)?|(?:[ '\u00a0\u202f]\d{3})+(?:[.,]\d*)?)`;
const ANY_NUM = `(?:${NUM}|${GROUPED})`;

const NUMBER = new RegExp(`^${ANY_NUM}$`);
const PERCENT = new RegExp(`^${ANY_NUM}\\s?%$`);
const CURRENCY = new RegExp(`^(?:[+-]?\\p{Sc}\\s?${ANY_NUM}|${ANY_NUM}\\s?\\p{Sc})$`, 'u');
const NUMBER_LIST =
  /^[+-]?\d+(?:\.\d+)?(?:(?:, ?[+-]?\d+(?:\.\d+)?)+|(?:; ?[+-]?\d+(?:\.\d+)?)+|(?:\|[+-]?\d+(?:\.\d+)?)+)$/;

const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?`;
const ZONE = String.raw`(?:Z|[+-](?:[01]\d|2[0-3]):?(?:[0-5]\d)?)?`;
const DATE_NUM = String.raw`(?:\d{1,2}([-/. ])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([-/. ])\d{1,2}\2\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE_NAMED = String.raw`(?:\d{1,2}[- ]${MONTH}[- ](?:\d{4}|\d{2})|${MONTH} \d{1,2} \d{4})`;
const DATE = `(?:${DATE_NUM}|${DATE_NAMED})`;

const TIME_ONLY = new RegExp(`^${TIME}${ZONE}$`);
const DATE_ONLY = new RegExp(`^${DATE}$`, 'i');
const DATE_TIME = new RegExp(`^${DATE}(?:[ T]|, )${TIME}${ZONE}$`, 'i');

const URL_RE =
  /^(?:(?:https?|ftp):\/\/[^\s"]+|www\.[^\s"]+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}(?:\/[^\s"]*)?)$/iu;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const UNIX_PATH = /^[~.]?(?:\/[\w.-]+)+\/?$/;
/** Words: letters and digits with spaces and light punctuation; an apostrophe only inside a word. */
const WORDS = /^[\p{L}\p{N}\p{M}(#]?(?:[\p{L}\p{N}\p{M} \r\n_.()?!&/#+*-]|(?<=\p{L})['’](?=\p{L}))*$/u;

/**
 * True when `cell` (trimmed) is of a type listed above. A cell with a tab inside is never known: it
 * is what a wrong delimiter leaves behind in a tab-separated file.
 */
export function isKnownType(cell: string): boolean {
  const t = cell.trim();
  if (t === '' || isMissingToken(t)) return true;
  if (t.includes('\t')) return false;
  const c = t.charCodeAt(0);
  const digitLike = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44;
  if (digitLike) {
    if (NUMBER.test(t) || PERCENT.test(t) || NUMBER_LIST.test(t)) return true;
    if (TIME_ONLY.test(t) || DATE_ONLY.test(t) || DATE_TIME.test(t) || IPV4.test(t)) return true;
  }
  if (CURRENCY.test(t)) return true;
  if (WORDS.test(t)) return !/^[.,+-]+$/.test(t);
  if (DATE_ONLY.test(t) || DATE_TIME.test(t)) return true;
  if (URL_RE.test(t) || EMAIL.test(t) || UNIX_PATH.test(t)) return true;
  return t.charCodeAt(0) === 123 && t.charCodeAt(t.length - 1) === 125 && isJsonObject(t);
}

function isJsonObject(t: string): boolean {
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}
