import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openTables, rowsInBatches, type RawRow, type TableSource } from '../../src/ingest/readers/index.js';
import { makeFixtures, type Fixtures } from './make-fixtures.js';

let dir: string;
let fx: Fixtures;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custops-readers-'));
  fx = await makeFixtures(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(table: TableSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

async function one(path: string, options = {}): Promise<TableSource> {
  const tables = await openTables(path, options);
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe('encodings', () => {
  it('reads a GBK export with Chinese headers and CRLF line ends', async () => {
    const t = await one(fx.gbk);
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.encodingConfidence).toBeGreaterThan(0.8);
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['客户编号', '客户名称', '手机号码', '省份', '城市', '注册日期', '备注']);
    expect(t.headerLine).toBe(1);
    const rows = await all(t);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ line: 2, cells: ['C001', '张三', '13800138000', '广东省', '深圳市', '2024-01-05', '老客户'] });
    expect(rows[1].cells[6]).toBe('地址：西湖区文三路,近学院路');
    expect(rows[2].cells).toEqual(['C003', '王五', '13700137000', '北京市', '北京市', '2024-03-20', '']);
    expect(rows[3].line).toBe(5);
  });

  it('honours an --encoding override', async () => {
    const t = await one(fx.gbk, { encoding: 'GBK' });
    expect(t.encoding).toBe('gbk');
    expect(t.encodingConfidence).toBe(1);
    expect(t.headers[1]).toBe('客户名称');
    await expect(openTables(fx.gbk, { encoding: 'klingon' })).rejects.toThrow(/unknown encoding "klingon"/);
  });

  it('tells Big5 (traditional) from GBK', async () => {
    const t = await one(fx.big5);
    expect(t.encoding).toBe('big5');
    expect(t.headers).toEqual(['客戶編號', '姓名', '電話', '地址']);
    expect((await all(t))[0].cells).toEqual(['T001', '陳大文', '0912345678', '臺北市中正區']);
  });

  it('strips a UTF-8 BOM from the first header', async () => {
    const t = await one(fx.utf8Bom);
    expect(t.encoding).toBe('utf8-bom');
    expect(t.headers).toEqual(['Customer ID', 'Name', 'Email']);
    expect(t.headers[0].charCodeAt(0)).toBe('C'.charCodeAt(0));
    expect((await all(t)).map((r) => r.cells[1])).toEqual(['Zoë Smith', 'José Díaz']);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text"), tab separated', async () => {
    const t = await one(fx.utf16);
    expect(t.encoding).toBe('utf16le');
    expect(t.delimiter).toBe('\t');
    expect(t.headers).toEqual(['客户编号', '姓名', '城市']);
    expect(await all(t)).toEqual([
      { line: 2, cells: ['C1', '刘洋', '武汉'] },
      { line: 3, cells: ['C2', '陈晨', '西安'] },
    ]);
  });

  it('finds GBK text that starts only after the first 64 KB', async () => {
    const t = await one(fx.lateChinese);
    expect(t.encoding).toBe('gb18030');
    const rows = await all(t);
    expect(rows).toHaveLength(2502);
    expect(rows.at(-2)!.cells).toEqual(['2501', '欧阳娜娜', '13900000000']);
    expect(rows.at(-1)).toEqual({ line: 2503, cells: ['2502', '司马光', '13700000000'] });
  });
});

describe('delimiters', () => {
  it('sniffs semicolons (decimal commas stay inside fields)', async () => {
    const t = await one(fx.semicolon);
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['id', 'name', 'amount']);
    expect((await all(t)).map((r) => r.cells)).toEqual([
      ['1', 'Anna', '1,50'],
      ['2', 'Jörg', '2,75'],
      ['3', 'Li; Wei', '3,00'],
    ]);
  });

  it('sniffs tabs (commas inside fields)', async () => {
    const t = await one(fx.tab);
    expect(t.delimiter).toBe('\t');
    expect((await all(t))[0].cells).toEqual(['1', 'Anna', 'a, b, c']);
  });

  it('sniffs pipes', async () => {
    const t = await one(fx.pipe);
    expect(t.delimiter).toBe('|');
    expect((await all(t))[1].cells).toEqual(['2', 'Bo', 'Graz']);
  });

  it('accepts a --delimiter override by name', async () => {
    const t = await one(fx.tab, { delimiter: 'tab' });
    expect(t.delimiter).toBe('\t');
    const forced = await one(fx.pipe, { delimiter: ',' });
    expect(forced.headers).toEqual(['id|name|city']);
    await expect(openTables(fx.pipe, { delimiter: '::' })).rejects.toThrow(/unknown delimiter/);
  });
});

describe('records', () => {
  it('keeps quoted newlines, delimiters and "" escapes, and counts physical lines', async () => {
    const t = await one(fx.quoted);
    expect(t.headers).toEqual(['id', 'name', 'comment', 'amount']);
    expect(await all(t)).toEqual([
      { line: 2, cells: ['1', 'Alice', 'plain', '10'] },
      { line: 3, cells: ['2', 'Bob', 'two\nlines, with comma', '20'] },
      { line: 5, cells: ['3', 'Carol "CJ" Jones', 'three\r\nlines\r\nhere', '30'] },
      { line: 8, cells: ['4', 'Dave', '', '40'] },
    ]);
  });

  it('skips blank lines and all-empty rows, keeping true line numbers', async () => {
    const t = await one(fx.blankLines);
    expect(t.headerLine).toBe(2);
    expect(t.preambleLines).toBe(0);
    expect(t.headers).toEqual(['id', 'name']);
    expect(await all(t)).toEqual([
      { line: 4, cells: ['1', 'a'] },
      { line: 7, cells: ['2', 'b'] },
      { line: 10, cells: ['3', 'c'] },
    ]);
  });

  it('returns ragged rows as they are and survives stray quotes', async () => {
    const t = await one(fx.ragged);
    expect(t.headers).toEqual(['id', 'name', 'city']);
    expect(await all(t)).toEqual([
      { line: 2, cells: ['1', 'Ann', 'Paris'] },
      { line: 3, cells: ['2', 'Ben'] },
      { line: 4, cells: ['3', 'Cid', 'Rome', 'extra', 'more'] },
      { line: 5, cells: ['4', 'Di"ana', 'Oslo'] },
      { line: 6, cells: ['5', 'Eve x', 'Bern'] },
      // an unterminated quote is read back as a literal character, so the next line is still a row
      { line: 7, cells: ['6', 'Fay', '"unterminated'] },
      { line: 8, cells: ['7', 'Gus', 'Nice'] },
    ]);
  });

  it('finds the header under title rows', async () => {
    const t = await one(fx.titleRows);
    expect(t.headerLine).toBe(4);
    expect(t.preambleLines).toBe(2);
    expect(t.headers).toEqual(['客户编号', '姓名', '手机', '城市']);
    expect(await all(t)).toEqual([
      { line: 5, cells: ['C101', '周杰', '13511112222', '上海'] },
      { line: 6, cells: ['C102', '吴敏', '13622223333', '南京'] },
    ]);
  });

  it('reads space-aligned headerless text with generated headers', async () => {
    const t = await one(fx.spaceAligned);
    expect(t.delimiter).toBe('whitespace');
    expect(t.headerLine).toBe(0);
    expect(t.headers).toEqual(['col_1', 'col_2', 'col_3', 'col_4']);
    const rows = await all(t);
    expect(rows[0]).toEqual({ line: 1, cells: ['00001', '19970101', '1', '11.77'] });
    expect(rows).toHaveLength(4);
  });

  it('uses a caller-supplied headerScore', async () => {
    const path = join(dir, 'score.csv');
    writeFileSync(path, 'name,city\nAnn,Paris\nBen,Rome\n');
    const t = await one(path, { headerScore: (cells: string[]) => (cells[0] === 'Ann' ? 5 : 1) });
    expect(t.headerLine).toBe(2);
    expect(t.preambleLines).toBe(1);
    expect(t.headers).toEqual(['Ann', 'Paris']);
    expect(await all(t)).toEqual([{ line: 3, cells: ['Ben', 'Rome'] }]);
  });

  it('yields the same rows in batches, and can be read twice', async () => {
    const t = await one(fx.gbk);
    const batches: RawRow[][] = [];
    for await (const batch of rowsInBatches(t.rows)) batches.push(batch);
    expect(batches.flat().map((r) => r.cells[0])).toEqual(['C001', 'C002', 'C003', 'C004']);
    expect((await all(t)).map((r) => r.cells[0])).toEqual(['C001', 'C002', 'C003', 'C004']);
  });
});

describe('unreadable input', () => {
  it('rejects binary content quickly with one clear line', async () => {
    const error = await openTables(fx.binary).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${fx.binary} looks like a binary file, not CSV/XLSX`);
    expect((error as InputError).exitCode).toBe(2);
  });

  it('rejects an HTML page saved as .xls', async () => {
    await expect(openTables(fx.html)).rejects.toThrow(/web page \(HTML\/XML\)/);
  });

  it('names a missing file', async () => {
    await expect(openTables(join(dir, 'nope.csv'))).rejects.toThrow(`cannot read ${join(dir, 'nope.csv')}: no such file`);
    await expect(openTables(dir)).rejects.toThrow(/is a folder/);
  });
});
