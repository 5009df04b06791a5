/** Tokenizer, dialect sniffing, accounting and streaming behaviour of the ingest entry points. */
import { describe, expect, it } from 'vitest';
import { cellString, getColumn, type Table } from '../data/table';
import {
  concatTables,
  detectDelimiter,
  ingestBlob,
  ingestBytes,
  ingestText,
  IngestError,
  type IngestProgress,
} from './index';
import { CsvTokenizer, toCsvLine } from './tokenizer';
import { mulberry32, randInt } from '../random';

const enc = (s: string) => new TextEncoder().encode(s);
const rows = (t: Table) =>
  Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellString(c, r)));

describe('tokenizer', () => {
  const tricky = 'a,b,c\r\n1,"x, ""y""\r\nz",3\n"",,\r\n"q"\r4,5,6\n"ab"cd,""""\n"end"';
  const tokenize = (text: string, pieces: number[]) => {
    const out: [string[], number][] = [];
    const tok = new CsvTokenizer(44, {
      row: (view, line) => {
        out.push([view.toArray(), line]);
      },
      badRow: () => {},
    });
    let i = 0;
    for (const p of pieces) {
      tok.push(text.slice(i, i + p));
      i += p;
    }
    tok.push(text.slice(i));
    tok.finish();
    return out;
  };
  const expected: [string[], number][] = [
    [['a', 'b', 'c'], 1],
    [['1', 'x, "y"\r\nz', '3'], 2],
    [['', '', ''], 4],
    [['q'], 5],
    [['4', '5', '6'], 6],
    [['abcd', '"'], 7],
    [['end'], 8],
  ];
  it('quoted delimiters, escaped quotes, quoted CRLF, lone CR, line numbers', () => {
    expect(tokenize(tricky, [])).toEqual(expected);
  });
  it('gives the same rows for every split point (chunk boundaries anywhere)', () => {
    for (let k = 1; k < tricky.length; k++) expect(tokenize(tricky, [k])).toEqual(expected);
    for (let k = 1; k < tricky.length - 3; k++) expect(tokenize(tricky, [k, 3])).toEqual(expected);
    expect(tokenize(tricky, Array(tricky.length).fill(1))).toEqual(expected);
  });
  it('recovers from an unterminated quote whatever the chunking', () => {
    const text = 'a,b\n1,"open\n2,3\n4,5';
    for (let k = 1; k < text.length; k++) {
      const bad: [string[], number][] = [];
      const good: [string[], number][] = [];
      const tok = new CsvTokenizer(44, {
        row: (v, line) => void good.push([v.toArray(), line]),
        badRow: (f, line) => void bad.push([f, line]),
      });
      tok.push(text.slice(0, k));
      tok.push(text.slice(k));
      tok.finish();
      expect(bad).toEqual([[['1', 'open'], 2]]);
      expect(good).toEqual([
        [['a', 'b'], 1],
        [['2', '3'], 3],
        [['4', '5'], 4],
      ]);
    }
  });
});

describe('dialect', () => {
  it('detects comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n"1|x"|2|3\n')).toBe('|');
    expect(detectDelimiter('name,note\n"x; y; z",1\n')).toBe(',');
  });
  it('tab-separated with decimal commas', () => {
    const { table, report } = ingestText('a\tb\n1,5\tx\n2,25\ty\n');
    expect(report).toMatchObject({ delimiter: '\t', decimalComma: true });
    expect(getColumn(table, 'a')).toMatchObject({ kind: 'number', values: Float64Array.from([1.5, 2.25]) });
  });
});

describe('accounting', () => {
  // Lines: 1 header, 2 ok, 3 blank, 4 bad number, 5 short (padded, kept), 6 long, 7 trailing empties
  // (kept), 8 all empty, 9..18 ok: 16 read, 14 kept, 2 skipped.
  const tail = Array.from({ length: 10 }, (_, i) => `${i + 6},${i + 7}`).join('\n');
  const csv = `id,v\n1,2\n\n2,x\n3\n4,5,6\n5,6,,\n,\n${tail}\n`;
  const { table, report } = ingestText(csv);
  it('rowsRead = rowsKept + rowsSkipped, skipped rows carry line, reason and raw text', () => {
    expect(report).toMatchObject({ rowsRead: 16, rowsKept: 14, rowsSkipped: 2, rowsPadded: 1 });
    expect(report.skipped).toEqual([
      { line: 6, reason: 'expected 2 fields, found 3', raw: '4,5,6' },
      { line: 8, reason: 'every cell is empty', raw: ',' },
    ]);
    expect(report.warnings.join(' ')).toMatch(/1 rows had fewer fields than the header \(lines 5\)/);
    expect(report.warnings.join(' ')).toMatch(/1 rows had extra empty fields/);
    expect(report.warnings.join(' ')).toMatch(/1 blank lines/);
  });
  it('an unparseable cell in a numeric column is missing and reported by line', () => {
    expect(rows(table).slice(0, 5)).toEqual([
      ['1', '2'],
      ['2', ''],
      ['3', ''],
      ['5', '6'],
      ['6', '7'],
    ]);
    expect(getColumn(table, 'v')!.kind).toBe('number');
    expect(report.cellIssues).toEqual([
      { line: 4, column: 'v', value: 'x', reason: 'not a number; stored as missing' },
    ]);
    expect(report.cellIssueCount).toBe(1);
  });
  it('a column with many non-numbers stays text (nothing silently NaN)', () => {
    const lines = ['k'];
    for (let i = 0; i < 100; i++) lines.push(i % 3 ? String(i) : `A${i}`);
    const r = ingestText(lines.join('\n'));
    expect(getColumn(r.table, 'k')!.kind).toBe('string');
    expect(r.report.cellIssueCount).toBe(0);
  });
  it('duplicate and empty header names are made unique', () => {
    expect(ingestText('a,a,,b\n1,2,3,4').table.columns.map((c) => c.name)).toEqual([
      'a',
      'a_2',
      'column_3',
      'b',
    ]);
  });
  it('a header-only file gives an empty table; a blank file is an IngestError', () => {
    expect(ingestText('a,b\n').table).toEqual({
      rowCount: 0,
      columns: [
        { name: 'a', kind: 'number', values: new Float64Array(0) },
        { name: 'b', kind: 'number', values: new Float64Array(0) },
      ],
    });
    expect(() => ingestText('\n\n')).toThrow(IngestError);
  });
  it('a ZIP (xlsx) file is refused with advice', () => {
    expect(() => ingestBytes(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(/save as CSV/);
  });
});

describe('streaming', () => {
  const lines = ['n,s,f'];
  for (let i = 0; i < 5000; i++) lines.push(`${i},"tag ${i % 7}",${(i * 0.25).toFixed(2)}`);
  const text = lines.join('\r\n') + '\r\n';
  it('ingestBlob with tiny chunks equals ingestBytes; progress reaches the total', async () => {
    const whole = ingestBytes(enc(text));
    const events: IngestProgress[] = [];
    const streamed = await ingestBlob(new Blob([text]), {
      chunkBytes: 1000,
      onProgress: (p) => events.push(p),
    });
    expect(streamed.table).toEqual(whole.table);
    expect(streamed.report).toEqual(whole.report);
    expect(events.length).toBeGreaterThan(50);
    expect(events.at(-1)).toMatchObject({ bytesRead: text.length, totalBytes: text.length, rows: 5000 });
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.bytesRead).toBeGreaterThanOrEqual(events[i - 1]!.bytesRead);
  });
  it('UTF-16 and multi-byte UTF-8 split across chunk boundaries decode correctly', async () => {
    const s = 'name,v\nZoë,1\nMünchen,2\n日本,3\n';
    const le = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      le[2 + 2 * i] = s.charCodeAt(i) & 255;
      le[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    for (const bytes of [enc(s), le]) {
      const r = await ingestBlob(new Blob([bytes]), { chunkBytes: 3 });
      expect(rows(r.table)).toEqual([
        ['Zoë', '1'],
        ['München', '2'],
        ['日本', '3'],
      ]);
    }
  });
  it('a late invalid UTF-8 byte restarts the read as windows-1252 with a notice', async () => {
    const head = enc('a,b\n' + 'x,1\n'.repeat(3000));
    const bytes = new Uint8Array(head.length + 6);
    bytes.set(head);
    bytes.set([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x32], head.length); // "Café,2" in windows-1252
    const r = await ingestBlob(new Blob([bytes]), { chunkBytes: 4096 });
    expect(r.report.encoding).toBe('windows-1252');
    expect(r.report.encodingNotice).toBeDefined();
    expect(cellString(getColumn(r.table, 'a')!, 3000)).toBe('Café');
  });
  it('stops with an AbortError when the signal aborts', async () => {
    const ctl = new AbortController();
    const p = ingestBlob(new Blob([text]), {
      chunkBytes: 1000,
      onProgress: (e) => e.bytesRead > 5000 && ctl.abort(),
      signal: ctl.signal,
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('concatTables', () => {
  it('stacks by column name; number+text becomes text; source column', () => {
    const a = ingestText('x,y\n1,a\n2,b').table;
    const b = ingestText('y,x,z\nc,q,9').table;
    const t = concatTables([a, b], { sourceColumn: 'file', sourceLabels: ['A', 'B'] });
    expect(t.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'x:string',
      'y:string',
      'z:number',
      'file:string',
    ]);
    expect(rows(t)).toEqual([
      ['1', 'a', '', 'A'],
      ['2', 'b', '', 'A'],
      ['q', 'c', '9', 'B'],
    ]);
  });
});

describe('tokenizer property test', () => {
  it('any well-formed CSV of random fields round-trips under random chunking (seeded)', () => {
    const rng = mulberry32(2024);
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1', ';'];
    for (let trial = 0; trial < 200; trial++) {
      const nRows = 1 + randInt(rng, 6);
      const nCols = 1 + randInt(rng, 4);
      const data: string[][] = [];
      for (let r = 0; r < nRows; r++) {
        const row: string[] = [];
        for (let c = 0; c < nCols; c++) {
          let f = '';
          const len = randInt(rng, 6);
          for (let k = 0; k < len; k++) f += alphabet[randInt(rng, alphabet.length)];
          row.push(f);
        }
        // A lone empty field would be a blank line; keep rows non-blank.
        if (nCols === 1 && row[0] === '') row[0] = 'x';
        data.push(row);
      }
      const eol = rng() < 0.5 ? '\n' : '\r\n';
      const text = data.map((r) => toCsvLine(r, ',')).join(eol) + (rng() < 0.5 ? eol : '');
      const got: string[][] = [];
      const tok = new CsvTokenizer(44, { row: (v) => void got.push(v.toArray()), badRow: () => {} });
      let i = 0;
      while (i < text.length) {
        const step = 1 + randInt(rng, 7);
        tok.push(text.slice(i, i + step));
        i += step;
      }
      tok.finish();
      expect(got).toEqual(data);
    }
  });
});

describe('encodings without a byte-order mark', () => {
  const utf16 = (s: string, be: boolean) => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 * i + (be ? 1 : 0)] = c & 255;
      out[2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  const text = 'artist;price\nZoë;1.234,5\nBjörk;-2,25\n';
  for (const be of [false, true]) {
    it(`UTF-16 ${be ? 'BE' : 'LE'} is detected from the NUL pattern, with a notice`, () => {
      const { table, report } = ingestBytes(utf16(text, be));
      expect(report).toMatchObject({
        encoding: be ? 'utf-16be' : 'utf-16le',
        delimiter: ';',
        decimalComma: true,
      });
      expect(report.encodingNotice).toMatch(/No byte-order mark/);
      expect(rows(table)).toEqual([
        ['Zoë', '1234.5'],
        ['Björk', '-2.25'],
      ]);
    });
  }
});
