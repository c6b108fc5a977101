import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerScore } from '../../src/ingest/mapping.js';
import { chooseHeader, defaultHeaderScore, headerBand } from '../../src/ingest/readers/header.js';
import { openTables, type RawRow, type ReadOptions, type TableSource } from '../../src/ingest/readers/index.js';
import { openStreamed } from '../../src/ingest/readers/xlsx.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'custops-two-row-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (...cells: string[][]): RawRow[] => cells.map((c, i) => ({ line: i + 1, cells: c }));

async function all(table: TableSource): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of table.rows) out.push(row.cells);
  return out;
}

describe('headerBand', () => {
  const band = (r: RawRow[]) => headerBand(r, chooseHeader(r, defaultHeaderScore).index, defaultHeaderScore);

  it('joins a group row above the names (single-column headings only above)', () => {
    const r = rows(['客户编号', '基本信息', '', '联系方式', '', '注册日期'], ['', '姓名', '性别', '手机', '邮箱', ''], ['C001', '张三', '男', '13812345678', 'a@qq.com', '2024-01-05']);
    expect(band(r)).toEqual({ first: 0, last: 1 });
  });

  it('joins the row below when the group row is the one chosen', () => {
    const r = rows(['客户编号', '联系方式', '', '注册日期', '城市', '省份'], ['', '手机', '邮箱', '', '', ''], ['C001', '13812345678', 'a@qq.com', '2024-01-01', '深圳', '广东']);
    expect(chooseHeader(r, headerScore).index).toBe(0);
    expect(headerBand(r, 0, headerScore)).toEqual({ first: 0, last: 1 });
  });

  it('leaves a one-row header alone: a data row under a blank header cell, a title above a full header', () => {
    // the data row fills the blank column, but it is not under a group whose first column is named below
    expect(band(rows(['id', 'name', '', 'city'], ['x', '', 'note', 'Paris'], ['y', 'Bo', '', 'Rome']))).toEqual({ first: 0, last: 0 });
    expect(band(rows(['导出时间：2024-04-01', '导出人：张三'], ['编号', '姓名', '城市'], ['C1', '张三', '上海']))).toEqual({ first: 1, last: 1 });
    // rows not adjacent in the file (a blank line between) are not one header
    const apart: RawRow[] = [{ line: 1, cells: ['客户编号', '联系方式', '', '注册日期'] }, { line: 3, cells: ['', '手机', '邮箱', ''] }, { line: 4, cells: ['C1', '13812345678', 'a@qq.com', '2024-01-01'] }];
    expect(headerBand(apart, 1, defaultHeaderScore)).toEqual({ first: 1, last: 1 });
  });
});

describe('two-row headers in files', () => {
  it('reads a GBK CSV with a title, a blank line and a group row over the names', async () => {
    const path = join(dir, 'two-row.csv');
    const text = ['2024年客户名单,,,,,', ',,,,,', '客户编号,基本信息,,联系方式,,注册日期', ',姓名,性别,手机,邮箱,', 'C001,张三,男,13812345678,zhang@qq.com,2024-01-05', 'C002,李四,女,13987654321,li@163.com,2024-02-11'];
    writeFileSync(path, iconv.encode(text.join('\r\n') + '\r\n', 'gbk'));
    const [table] = await openTables(path, { headerScore });
    expect(table.headers).toEqual(['客户编号', '姓名', '性别', '手机', '邮箱', '注册日期']);
    expect(table.headerLine).toBe(4);
    expect(table.preambleLines).toBe(1);
    expect(await all(table)).toEqual([
      ['C001', '张三', '男', '13812345678', 'zhang@qq.com', '2024-01-05'],
      ['C002', '李四', '女', '13987654321', 'li@163.com', '2024-02-11'],
    ]);
  });

  const modes: [string, (path: string, options: ReadOptions) => Promise<TableSource[]>][] = [
    ['loaded', (path, options) => openTables(path, options)],
    ['streamed', (path, options) => openStreamed(path, options)],
  ];

  describe.each(modes)('xlsx (%s)', (_mode, open) => {
    it('reads group cells merged over the names, single columns merged down, under a title and a blank row', async () => {
      const path = join(dir, 'merged.xlsx');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户');
      sheet.getCell('A1').value = '2024年客户名单';
      sheet.mergeCells('A1:F1');
      sheet.getRow(3).values = ['客户编号', '基本信息', '', '联系方式', '', '注册日期'];
      sheet.getRow(4).values = ['', '姓名', '性别', '手机', '邮箱', ''];
      for (const range of ['A3:A4', 'B3:C3', 'D3:E3', 'F3:F4']) sheet.mergeCells(range);
      sheet.getRow(5).values = ['C001', '张三', '男', '13812345678', 'zhang@qq.com', '2024-01-05'];
      await workbook.xlsx.writeFile(path);
      const [table] = await open(path, { headerScore });
      expect(table.headers).toEqual(['客户编号', '姓名', '性别', '手机', '邮箱', '注册日期']);
      expect(table.headerLine).toBe(4);
      expect(await all(table)).toEqual([['C001', '张三', '男', '13812345678', 'zhang@qq.com', '2024-01-05']]);
    });

    it('reads an unmerged group row (single-column headings above an empty cell)', async () => {
      const path = join(dir, 'unmerged.xlsx');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('订单');
      sheet.getRow(1).values = ['订单号', '下单', '', '金额'];
      sheet.getRow(2).values = ['', '下单时间', '客户编号', ''];
      sheet.getRow(3).values = ['SO1', '2024-05-06', 'C001', '¥1,234.50'];
      await workbook.xlsx.writeFile(path);
      const [table] = await open(path, { headerScore });
      expect(table.headers).toEqual(['订单号', '下单时间', '客户编号', '金额']);
      expect(table.headerLine).toBe(2);
      expect(await all(table)).toEqual([['SO1', '2024-05-06', 'C001', '¥1,234.50']]);
    });
  });
});
