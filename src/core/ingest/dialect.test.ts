/** Dialect detection (dialect.ts, cellTypes.ts) and the tokenizers it picks (quotes, backslash escapes). */
import { describe, expect, it } from 'vitest';
import { cellString, type Table } from '../data/table';
import { mulberry32, randInt } from '../random';
import { candidateDialects, detectDialect, patternScore } from './dialect';
import { isKnownType } from './cellTypes';
import { fastPathSwitch } from './fastRows';
import { ingestText } from './index';
import { makeTokenizer } from './tokenizer';
import type { Dialect } from './types';

const rows = (t: Table) =>
  Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellString(c, r)));
const d = (delimiter: string, quote = '"', escape = ''): Dialect => ({ delimiter, quote, escape });

/** Tokenize `text` with `dialect`, fed in pieces of `step` characters. */
function tokenize(text: string, dialect: Dialect, step = text.length || 1): [string[], number][] {
  const out: [string[], number][] = [];
  const bad: [string[], number][] = [];
  const tok = makeTokenizer(dialect, {
    row: (v, line) => void out.push([v.toArray(), line]),
    badRow: (f, line) => void bad.push([f, line]),
  });
  for (let i = 0; i < text.length; i += step) tok.push(text.slice(i, i + step));
  tok.finish();
  return [...out, ...bad.map(([f, l]) => [['BAD', ...f], l] as [string[], number])];
}

describe('detectDialect', () => {
  it('finds each delimiter on a small table', () => {
    const table = (s: string) =>
      `name${s}year${s}score\nAbba${s}1974${s}3.5\nBowie${s}1977${s}4.25\nCher${s}1998${s}2\n`;
    for (const s of [',', ';', '\t', '|', ' ', ':']) expect(detectDialect(table(s)).delimiter).toBe(s);
  });
  it('prefers the delimiter whose cells have types (times and URLs keep their colons)', () => {
    const text =
      'id,at,url\n1,12:30:00,http://a.example/x\n2,13:45:10,http://b.example/y\n3,09:00:00,http://c.example/z\n';
    expect(detectDialect(text)).toEqual(d(','));
    const euro = 'name;price;qty\nAbba;1,80;3\nBowie;9000,50;4\nCher;2,00;5\n';
    expect(detectDialect(euro).delimiter).toBe(';');
  });
  it('detects single quotes and backslash escapes', () => {
    const single = "id,title,n\n1,'Hey, Soul Sister',3\n2,'Halo, again',4\n3,'One, two',5\n";
    expect(detectDialect(single)).toEqual(d(',', "'"));
    const backslash =
      'id,title,n\n1,"a 12\\" record, blue",3\n2,"plain, text",4\n3,"the \\"best\\", ever",5\n';
    expect(detectDialect(backslash)).toEqual(d(',', '"', '\\'));
  });
  it('a one-column file of prose keeps the default dialect', () => {
    const text =
      '"This comma (,) is text"\nOnly one column\nA semicolon (;) too it says\nand a colon (:) or a pipe (|) for testing\n';
    expect(detectDialect(text)).toEqual(d(','));
  });
  it('forced parts are kept, the rest detected', () => {
    expect(detectDialect('a;b\n1;2\n', { quote: "'" })).toEqual(d(';', "'"));
    expect(candidateDialects('a;b', { delimiter: '|' }).every((c) => c.delimiter === '|')).toBe(true);
  });
  it('pattern score: consistent rows score higher, per row', () => {
    expect(
      patternScore([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBeCloseTo(0.5);
    expect(
      patternScore([
        ['a', 'b', 'c'],
        ['1', '2'],
      ]),
    ).toBeLessThan(0.5);
  });
  it('cell types', () => {
    for (const c of [
      '3.5',
      '1,80',
      '1.234,5',
      '12%',
      '£ 9000,50',
      '$74.69',
      '2019-09-01T19:28:21',
      '28/01/2018',
      '00:15',
      'Abba',
      "Men's Boots",
      'https://x.org/a',
      'a@b.co',
      '',
      'NA',
      '51,47,45',
      '{"a": 1}',
    ])
      expect([c, isKnownType(c)]).toEqual([c, true]);
    for (const c of ['3"', '1894.jpg\t51', "'Neroductions Group'", '"fake": "json"'])
      expect([c, isKnownType(c)]).toEqual([c, false]);
  });
});

describe('tokenizers for the detected dialect', () => {
  const backslash = 'a,b\n"x\\"y",1\n"p\\\\q ""r""",2\n"open\\\nline",3\nC:\\dir,4\n';
  const expected: [string[], number][] = [
    [['a', 'b'], 1],
    [['x"y', '1'], 2],
    [['p\\q "r"', '2'], 3],
    [['open\nline', '3'], 4],
    [['C:\\dir', '4'], 6],
  ];
  it('backslash escapes inside quotes, plain backslashes outside, for every chunking', () => {
    for (let step = 1; step <= backslash.length; step++)
      expect(tokenize(backslash, d(',', '"', '\\'), step)).toEqual(expected);
  });
  it('backslash tokenizer: unterminated quote reported, later rows kept', () => {
    expect(tokenize('a,b\n1,"open\n2,3\n', d(',', '"', '\\'), 3)).toEqual([
      [['a', 'b'], 1],
      [['2', '3'], 3],
      [['BAD', '1', 'open'], 2],
    ]);
  });
  it('single quotes: quoted delimiters, doubled quotes, every chunking', () => {
    const text = "a,b\n'x, y',1\n'it''s',2\n\"dq\",3\n";
    const want: [string[], number][] = [
      [['a', 'b'], 1],
      [['x, y', '1'], 2],
      [["it's", '2'], 3],
      [['"dq"', '3'], 4],
    ];
    for (let step = 1; step <= text.length; step++) expect(tokenize(text, d(',', "'"), step)).toEqual(want);
  });
  it('no quoting: quotes are text', () => {
    expect(tokenize('a,b\n"x,y\n', d(',', ''))).toEqual([
      [['a', 'b'], 1],
      [['"x', 'y'], 2],
    ]);
  });
  it('ingest with single quotes: fast path equals the general path (seeded)', () => {
    const rng = mulberry32(5);
    const lines = ['id,title,score'];
    for (let r = 0; r < 3000; r++) {
      const t = [`'t${randInt(rng, 40)}, x'`, `plain${r % 9}`, `'it''s ${r % 3}'`][randInt(rng, 3)];
      lines.push(`${r},${t},${(randInt(rng, 1000) / 8).toFixed(3)}`);
    }
    const text = lines.join('\n');
    const fast = ingestText(text);
    fastPathSwitch.enabled = false;
    const slow = ingestText(text);
    fastPathSwitch.enabled = true;
    expect(fast.report).toMatchObject({ delimiter: ',', quote: "'", escape: '', rowsKept: 3000 });
    expect(fast.table).toEqual(slow.table);
    expect(fast.report).toEqual(slow.report);
  });
  it('ingest with backslash escapes reads the cells', () => {
    const text = 'id,title\n1,"12\\" vinyl, red"\n2,"plain, text"\n3,"the \\"best\\", ever"\n';
    const { table, report } = ingestText(text);
    expect(report).toMatchObject({ quote: '"', escape: '\\' });
    expect(rows(table)).toEqual([
      ['1', '12" vinyl, red'],
      ['2', 'plain, text'],
      ['3', 'the "best", ever'],
    ]);
  });
});
