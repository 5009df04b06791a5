/**
 * YAML front matter (CSVY, csvy.org): metadata lines between a first line `---` and the next line
 * `---` (or `...`) above the table. It is skipped as text before the dialect is sniffed, so its
 * colons and quotes neither vote for a delimiter nor open a quoted field.
 */

/** Where the table starts after front matter: `chars` of text and `lines` physical lines skipped. */
export interface FrontMatter {
  chars: number;
  lines: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?\n?$/;

/**
 * The front matter at the start of `text` (the file's head, BOM removed), or null when the text does
 * not open with `---` or the closing line is not within it.
 */
export function frontMatter(text: string): FrontMatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  let at = open[0].length;
  let lines = 1;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const line = nl < 0 ? text.slice(at) : text.slice(at, nl + 1);
    if (CLOSE.test(line)) return { chars: at + line.length, lines: lines + 1 };
    if (nl < 0) return null;
    at = nl + 1;
    lines++;
  }
  return null;
}

/** The notice for the ingest report's warnings. */
export function frontMatterNotice(fm: FrontMatter): string {
  return `Lines 1 to ${fm.lines} are YAML front matter (CSVY metadata between --- lines); they were skipped and the table read from line ${fm.lines + 1}.`;
}
