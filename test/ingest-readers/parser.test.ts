import { describe, expect, it } from 'vitest';
import { CsvRecordParser, WhitespaceRecordParser, type RecordParser } from '../../src/ingest/readers/csv-parser.js';
import type { RawRow } from '../../src/ingest/readers/index.js';

function parse(parser: RecordParser, chunks: string[]): RawRow[] {
  const out: RawRow[] = [];
  for (const chunk of chunks) parser.push(chunk, out);
  parser.finish(out);
  return out;
}

/** Every way of cutting `text` into two or three chunks must give the same records. */
function expectChunkingInvariant(make: () => RecordParser, text: string, expected: RawRow[]): void {
  expect(parse(make(), [text])).toEqual(expected);
  for (let i = 0; i <= text.length; i++) {
    expect(parse(make(), [text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(expected);
    const j = Math.min(text.length, i + 3);
    expect(parse(make(), [text.slice(0, i), text.slice(i, j), text.slice(j)]), `cuts at ${i}, ${j}`).toEqual(expected);
  }
}

describe('CsvRecordParser', () => {
  it('reads RFC 4180 quoting with exact line numbers, however the text is chunked', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""",3\r\n"multi\r\nline\nfield",,\r\n\r\nlast,row,"end"';
    expectChunkingInvariant(() => new CsvRecordParser(','), text, [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'he said "hi"', '3'] },
      { line: 3, cells: ['multi\r\nline\nfield', '', ''] },
      { line: 7, cells: ['last', 'row', 'end'] },
    ]);
  });

  it('handles old Mac CR line ends and a BOM on the first cell', () => {
    expectChunkingInvariant(() => new CsvRecordParser(';'), '\ufeffid;name\r1;"A\rB"\r2;C\r', [
      { line: 1, cells: ['id', 'name'] },
      { line: 2, cells: ['1', 'A\rB'] },
      { line: 4, cells: ['2', 'C'] },
    ]);
  });

  it('drops spaces before an opening quote but keeps other spaces', () => {
    expectChunkingInvariant(() => new CsvRecordParser(','), ' a , "b, c" ,\t"d"\n', [{ line: 1, cells: [' a ', 'b, c ', 'd'] }]);
  });

  it('keeps a trailing empty field and lines that end with the delimiter', () => {
    expect(parse(new CsvRecordParser(','), ['a,b,\n1,2,'])).toEqual([
      { line: 1, cells: ['a', 'b', ''] },
      { line: 2, cells: ['1', '2', ''] },
    ]);
  });

  it('re-reads an unterminated quote as a literal so the rest of the file survives', () => {
    const text = '1,"oops\n2,fine\n3,also fine\n';
    expectChunkingInvariant(() => new CsvRecordParser(','), text, [
      { line: 1, cells: ['1', '"oops'] },
      { line: 2, cells: ['2', 'fine'] },
      { line: 3, cells: ['3', 'also fine'] },
    ]);
  });

  it('gives up on a quoted field longer than the limit and re-reads it as plain text', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i + 2},row${i + 2}`).join('\n');
    const out = parse(new CsvRecordParser(',', 100), [`1,"stray\n${rows}\n`]);
    expect(out).toHaveLength(51);
    expect(out[0]).toEqual({ line: 1, cells: ['1', '"stray'] });
    expect(out[50]).toEqual({ line: 51, cells: ['51', 'row51'] });
  });

  it('rejects a delimiter that is not one character', () => {
    expect(() => new CsvRecordParser('::')).toThrow(/one character/);
  });
});

describe('WhitespaceRecordParser', () => {
  it('splits on runs of spaces and tabs, skipping blank lines', () => {
    const text = ' 00001 19970101  1   11.77\r\n\r\n00002\t19970112 5 77.00\n  \n 00003 19970102  2   20.76';
    expectChunkingInvariant(() => new WhitespaceRecordParser(), text, [
      { line: 1, cells: ['00001', '19970101', '1', '11.77'] },
      { line: 3, cells: ['00002', '19970112', '5', '77.00'] },
      { line: 5, cells: ['00003', '19970102', '2', '20.76'] },
    ]);
  });
});
