/**
 * The POLLOCK dialect corpus (testdata/csvsniffer-pollock: 145 real-world CSV files with hand-annotated
 * dialects) read through ingestBytes, the parse code the data worker uses. Checks the detected
 * delimiter (and quote) against Dialect_annotations.txt and that every file with data rows keeps
 * some. Prints the detection rates and the files that miss.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ingestBytes, type IngestReport } from './index';

const DIR = path.resolve(__dirname, '../../../testdata/csvsniffer-pollock');
const DELIMITER: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  vslash: '|',
  colon: ':',
};
const QUOTE: Record<string, string> = { doublequote: '"', singlequote: "'", '': '' };
/**
 * Files whose only record is a header row (read by eye): a table with no data rows is right for them.
 * Every other file must keep at least one row.
 */
const HEADER_ONLY = new Set([
  'file_header_only.csv',
  'scottish_law_commission-2011-03-31-organogram-junior.csv',
  'Optional quoted fields.csv',
  'File with multi-line field.csv',
]);

interface Annotation {
  file: string;
  delimiter: string;
  quote: string;
  escape: string;
}

/** Dialect_annotations.txt: a comment line, a header line, then `file|encoding|delimiter|quote|escape|eol`. */
function annotations(): Annotation[] {
  const lines = fs.readFileSync(path.join(DIR, 'Dialect_annotations.txt'), 'utf8').split(/\r?\n/);
  return lines
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [file, , delimiter, quote, escape] = l.split('|');
      return { file: file!, delimiter: DELIMITER[delimiter!]!, quote: QUOTE[quote!]!, escape: escape! };
    })
    .filter((a) => fs.existsSync(path.join(DIR, 'CSV', a.file)));
}

const show = (s: string | undefined) => JSON.stringify(s);

describe('POLLOCK dialect corpus (CSVsniffer)', () => {
  const anns = annotations();
  const results = anns.map((a) => {
    let report: IngestReport | null = null;
    let error = '';
    try {
      report = ingestBytes(new Uint8Array(fs.readFileSync(path.join(DIR, 'CSV', a.file)))).report;
    } catch (e) {
      error = String(e);
    }
    return { a, report, error };
  });
  const delimiterOk = results.filter((r) => r.report?.delimiter === r.a.delimiter);
  const quoteOk = results.filter(
    (r) => r.report?.quote === r.a.quote && (r.report.escape === '\\') === (r.a.escape === 'backslash'),
  );

  it('has the 145 annotated files', () => expect(anns).toHaveLength(145));

  it('detects the delimiter of at least 97% of the files', () => {
    const misses = results
      .filter((r) => !delimiterOk.includes(r))
      .map(
        (r) =>
          `  ${r.a.file}: annotated ${show(r.a.delimiter)}, detected ${show(r.report?.delimiter)} ${r.error}`,
      );
    console.log(
      `POLLOCK delimiter: ${delimiterOk.length}/${results.length} = ${((100 * delimiterOk.length) / results.length).toFixed(1)}%; ` +
        `quote and escape: ${quoteOk.length}/${results.length}\n${misses.join('\n')}`,
    );
    expect(delimiterOk.length / results.length).toBeGreaterThanOrEqual(0.97);
    expect(quoteOk.length / results.length).toBeGreaterThanOrEqual(0.97);
  });

  it('reads every file, and keeps rows from every file that has data rows', () => {
    expect(results.filter((r) => r.error).map((r) => `${r.a.file}: ${r.error}`)).toEqual([]);
    const empty = results.filter((r) => r.report?.rowsKept === 0).map((r) => r.a.file);
    expect(empty.filter((f) => !HEADER_ONLY.has(f))).toEqual([]);
    expect(empty.sort()).toEqual([...HEADER_ONLY].sort());
  });

  it('accounts for every row read', () => {
    for (const { report } of results)
      if (report) expect(report.rowsRead).toBe(report.rowsKept + report.rowsSkipped);
  });
});
