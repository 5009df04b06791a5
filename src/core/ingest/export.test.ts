/** The spreadsheet-safe CSV writer (export.ts): formulas neutralised, quoting, exact round trips. */
import { describe, expect, it } from 'vitest';
import { cellString } from '../data/table';
import { mulberry32, randInt } from '../random';
import { ingestText } from './index';
import { neutraliseFormula, skippedRowsCsv, splitCsvLine, toSafeCsv } from './export';
import { CsvTokenizer } from './tokenizer';
import type { IngestReport } from './types';

/** All rows of CSV text, read by the ingest tokenizer. */
const parse = (text: string, delimiter = ','): string[][] => {
  const rows: string[][] = [];
  const tok = new CsvTokenizer(delimiter.charCodeAt(0), {
    row: (v) => void rows.push(v.toArray()),
    badRow: () => {
      throw new Error('bad row');
    },
  });
  tok.push(text);
  tok.finish();
  return rows;
};

const report = (skipped: IngestReport['skipped'], delimiter = ','): IngestReport => ({
  encoding: 'utf-8',
  delimiter,
  decimalComma: false,
  rowsRead: skipped.length,
  rowsKept: 0,
  rowsSkipped: skipped.length,
  skipped,
  cellIssues: [],
  cellIssueCount: 0,
  warnings: [],
});

describe('toSafeCsv', () => {
  it('neutralises formula cells whether or not they need quotes', () => {
    const csv = toSafeCsv([['=1+1', '=HYPERLINK("http://x/","y")', '+1', '-2', '@SUM(A1)', '\tx', '\ry']]);
    expect(csv).toBe(`'=1+1,"'=HYPERLINK(""http://x/"",""y"")",'+1,'-2,'@SUM(A1),'\tx,"'\ry"\r\n`);
    expect(parse(csv)).toEqual([
      ["'=1+1", `'=HYPERLINK("http://x/","y")`, "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\ry"],
    ]);
  });
  it('keeps delimiters, quotes and line breaks inside one cell', () => {
    const cells = ['a,=cmd|x', 'say "hi"', 'two\nlines', 'semi;colon', ' padded ', ''];
    const csv = toSafeCsv([cells]);
    expect(csv).toBe('"a,=cmd|x","say ""hi""","two\nlines",semi;colon, padded ,\r\n');
    expect(parse(csv)).toEqual([cells]);
  });
  it('quotes for the delimiter it writes with', () => {
    expect(toSafeCsv([['a;b', 'c,d']], ';')).toBe('"a;b";c,d\r\n');
    expect(parse(toSafeCsv([['a\tb', '=x']], '\t'), '\t')).toEqual([['a\tb', "'=x"]]);
  });
  it('round-trips random cells exactly through the tokenizer, apart from the apostrophes (seeded)', () => {
    const rng = mulberry32(7);
    const alphabet = ['a', '1', ',', ';', '"', "'", '\n', '\r\n', ' ', '=', '+', '-', '@', '\t', 'é', '|'];
    for (let trial = 0; trial < 300; trial++) {
      const rows = Array.from({ length: 1 + randInt(rng, 4) }, () =>
        Array.from({ length: 2 + randInt(rng, 3) }, () =>
          Array.from({ length: randInt(rng, 6) }, () => alphabet[randInt(rng, alphabet.length)]).join(''),
        ),
      );
      expect(parse(toSafeCsv(rows))).toEqual(rows.map((r) => r.map(neutraliseFormula)));
    }
  });
  it('round-trips through ingest: the same values come back', () => {
    const rows = [
      ['name', 'note', 'n'],
      ['a,=cmd|x', '=HYPERLINK("http://x/","y")', '3.5'],
      ['say "hi"', 'plain', '-2'],
    ];
    const { table } = ingestText(toSafeCsv(rows), { delimiter: ',' });
    const got = Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellString(c, r)));
    expect(table.columns.map((c) => c.name)).toEqual(['name', 'note', 'n']);
    expect(got).toEqual([
      ['a,=cmd|x', `'=HYPERLINK("http://x/","y")`, '3.5'],
      ['say "hi"', 'plain', "'-2"],
    ]);
  });
});

describe('skippedRowsCsv', () => {
  it('reads raw rows with the tokenizer: a quoted cell with the delimiter stays one value', () => {
    const csv = skippedRowsCsv(
      report([
        { line: 3, reason: 'expected 2 fields, found 3', raw: '"a,=cmd|x",=2+2,"=SUM(""A"")"' },
        { line: 9, reason: 'unterminated quote (opened on line 9)', raw: '1,open' },
      ]),
      ['a', 'b'],
    );
    expect(parse(csv)).toEqual([
      ['line', 'reason', 'a', 'b'],
      ['3', 'expected 2 fields, found 3', 'a,=cmd|x', "'=2+2", `'=SUM("A")`],
      ['9', 'unterminated quote (opened on line 9)', '1', 'open'],
    ]);
  });
  it('writes with the file delimiter', () => {
    const csv = skippedRowsCsv(report([{ line: 2, reason: 'x', raw: '"1;2";@y' }], ';'), ['c']);
    expect(csv).toBe('line;reason;c\r\n2;x;"1;2";\'@y\r\n');
  });
  it('splitCsvLine reads one row, quotes and all', () => {
    expect(splitCsvLine('"a,b",c,"d""e"', ',')).toEqual(['a,b', 'c', 'd"e']);
    expect(splitCsvLine('', ',')).toEqual(['']);
  });
});

describe('skipped rows download from an ingest', () => {
  it('lists line, reason and the raw cells, with formulas neutralised', () => {
    const { table, report } = ingestText('a,b\n1,2\n=cmd,2,3\n4,5\n');
    expect(report.rowsSkipped).toBe(1);
    const csv = skippedRowsCsv(
      report,
      table.columns.map((c) => c.name),
    );
    expect(csv).toBe('line,reason,a,b\r\n3,"expected 2 fields, found 3",\'=cmd,2,3\r\n');
  });
});
