/** Where the table is in the file: front matter, preamble, header width fixes, short rows (sniff.ts). */
import { describe, expect, it } from 'vitest';
import { cellString, type Table } from '../data/table';
import { ingestBlob, ingestText } from './index';
import { frontMatter } from './frontMatter';

const rows = (t: Table) =>
  Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellString(c, r)));
const names = (t: Table) => t.columns.map((c) => c.name);
const warned = (w: string[], re: RegExp) => expect(w.join(' | ')).toMatch(re);

describe('preamble above the header', () => {
  it('title and filler lines are skipped with a notice; the header line is recorded', () => {
    const text =
      'Council spend June 2015,,,\n,,,\nDate,Supplier,Amount,Ref\n02/06/2015,Acme,12.5,A1\n03/06/2015,Bolt,7,B2\n';
    const { table, report } = ingestText(text);
    expect(names(table)).toEqual(['Date', 'Supplier', 'Amount', 'Ref']);
    expect(report).toMatchObject({ headerLine: 3, rowsRead: 2, rowsKept: 2, rowsSkipped: 0 });
    warned(report.warnings, /Lines 1 to 2 above the header were skipped.*the header is line 3/);
  });
  it('a run of metadata rows of another width above a header that reads as one', () => {
    const meta = Array.from({ length: 6 }, (_, i) => `#KEY${i}:,value ${i}`).join('\n');
    const data = Array.from({ length: 8 }, (_, i) => `${i},${i * 2},${i * 3}`).join('\n');
    const { table, report } = ingestText(`${meta}\ntemp,force,time\n${data}\n`);
    expect(names(table)).toEqual(['temp', 'force', 'time']);
    expect(report.headerLine).toBe(7);
    expect(table.rowCount).toBe(8);
  });
  it('a wider title row above a narrower header (the "1% nano" file of POLLOCK)', () => {
    const data = Array.from({ length: 10 }, (_, i) => `${4000 - i}.00,0.00${i + 1}`).join('\n');
    const { table, report } = ingestText(
      `Created as New Dataset,Sample 012,January 20 2016\ncm-1,A\n${data}\n`,
    );
    expect(names(table)).toEqual(['cm-1', 'A']);
    expect(report).toMatchObject({ headerLine: 2, rowsKept: 10 });
  });
  it('a header with more names than the data rows is kept (the extra columns are missing)', () => {
    const { table, report } = ingestText('a,b,c,d\n1,x,2\n3,y,4\n5,z,6\n');
    expect(names(table)).toEqual(['a', 'b', 'c', 'd']);
    expect(report).toMatchObject({ headerLine: 1, rowsKept: 3, rowsPadded: 3 });
  });
  it('headerLine forces the header row', () => {
    const { table, report } = ingestText('x,y\n1,2\na,b\n3,4\n', { headerLine: 3 });
    expect(names(table)).toEqual(['a', 'b']);
    expect(rows(table)).toEqual([['3', '4']]);
    expect(report.headerLine).toBe(3);
  });
});

describe('header width', () => {
  it('a trailing delimiter on the header only is dropped', () => {
    const { table, report } = ingestText('a,b,c,\n1,2,3\n4,5,6\n');
    expect(names(table)).toEqual(['a', 'b', 'c']);
    expect(rows(table)).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(report.rowsSkipped).toBe(0);
    warned(report.warnings, /header ends with a delimiter/);
  });
  it('R-style row names: n header fields, n + 1 in every row', () => {
    const { table, report } = ingestText('"x","y"\n"1",0.5,2\n"2",0.25,3\n"3",1,4\n');
    expect(names(table)).toEqual(['row_name', 'x', 'y']);
    expect(rows(table)).toEqual([
      ['1', '0.5', '2'],
      ['2', '0.25', '3'],
      ['3', '1', '4'],
    ]);
    warned(report.warnings, /R-style row names/);
  });
  it('rows with one extra empty field are not row names', () => {
    const { table, report } = ingestText('a,b\n1,2,\n3,4,\n');
    expect(names(table)).toEqual(['a', 'b']);
    expect(report.rowsKept).toBe(2);
  });
  it('a header broken onto fewer fields than the data is widened, the data kept', () => {
    const { table, report } = ingestText('a b c\n1,2,3\n4,5,6\n7,8,9\n');
    expect(names(table)).toEqual(['a b c', 'column_2', 'column_3']);
    expect(report).toMatchObject({ rowsKept: 3, rowsSkipped: 0 });
  });
  it('a single row with numbers is data, a single row of names a header', () => {
    expect(ingestText('1,Orange,145.14\n').table.rowCount).toBe(1);
    expect(names(ingestText('Field1,Field2,Field3\n').table)).toEqual(['Field1', 'Field2', 'Field3']);
  });
});

describe('short rows', () => {
  it('are padded with missing cells, kept and counted, with the same result under any chunking', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6\n7,8,9\n';
    const whole = ingestText(text);
    expect(rows(whole.table)).toEqual([
      ['1', '2', '3'],
      ['4', '5', ''],
      ['6', '', ''],
      ['7', '8', '9'],
    ]);
    expect(whole.report).toMatchObject({ rowsRead: 4, rowsKept: 4, rowsSkipped: 0, rowsPadded: 2 });
    warned(whole.report.warnings, /2 rows had fewer fields than the header \(lines 3, 4\)/);
    const chunked = await ingestBlob(new Blob([text]), { chunkBytes: 3 });
    expect(chunked.table).toEqual(whole.table);
    expect(chunked.report).toEqual(whole.report);
  });
});

describe('YAML front matter (CSVY)', () => {
  const csvy =
    '---\nname: charts\nfields:\n  - {name: "a, b", type: string}\n---\nartist,plays\nAbba,3\nCher,4\n';
  it('is skipped with a notice; line numbers stay those of the file', () => {
    const { table, report } = ingestText(csvy);
    expect(names(table)).toEqual(['artist', 'plays']);
    expect(rows(table)).toEqual([
      ['Abba', '3'],
      ['Cher', '4'],
    ]);
    expect(report).toMatchObject({ delimiter: ',', headerLine: 6 });
    warned(report.warnings, /Lines 1 to 5 are YAML front matter/);
    const bad = ingestText(csvy + 'Bowie,5,extra\n').report;
    expect(bad.skipped[0]!.line).toBe(9);
  });
  it('needs both --- lines at the top', () => {
    expect(frontMatter(csvy)).toEqual({ chars: csvy.indexOf('artist'), lines: 5 });
    expect(frontMatter('---\nno end\n')).toBeNull();
    expect(frontMatter('a,b\n---\n')).toBeNull();
    expect(frontMatter('--- \r\nx: 1\r\n...\r\na\r\n')).toEqual({ chars: 17, lines: 3 });
  });
});

describe('header detection', () => {
  it('a first row of numbers is data (with a warning) unless header: true', () => {
    const r = ingestText('1,2\n3,4\n');
    expect(r.table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(r.table.rowCount).toBe(2);
    expect(r.report.warnings.join(' ')).toMatch(/first row holds only numbers/);
    expect(ingestText('1,2\n3,4\n', { header: true }).table.columns.map((c) => c.name)).toEqual(['1', '2']);
  });
  it('an empty header row is an IngestError; empty filler above the header is skipped', () => {
    expect(() => ingestText(',,\n')).toThrow(/header row is empty/);
    const r = ingestText(',,\na,b,c\n1,2,3\n');
    expect(r.table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(r.report).toMatchObject({ headerLine: 2, rowsKept: 1 });
    expect(r.report.warnings.join(' ')).toMatch(/Lines 1 to 1 above the header were skipped/);
  });
});
