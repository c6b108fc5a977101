import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/bin.js';

// Exports as people send them: a title, a group row over the column names, sums and notes under the
// records, phones and e-mails typed every way, amounts and dates in local formats. Run through the built bin.

let dir: string;
let db: string;
const custops = (...args: string[]) => runBin(['--db', db, ...args], { cwd: dir });
const query = <T>(sql: string): T[] => {
  const res = custops('query', sql, '--format', 'json');
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as T[];
};

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'store.db');

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员');
  sheet.getCell('A1').value = '2024年会员名单';
  sheet.mergeCells('A1:F1');
  sheet.getRow(3).values = ['会员编号', '基本信息', '', '联系方式', '', '注册日期'];
  sheet.getRow(4).values = ['', '姓名', '性别', '手机', '邮箱', ''];
  for (const range of ['A3:A4', 'B3:C3', 'D3:E3', 'F3:F4']) sheet.mergeCells(range);
  const members: (string | number)[][] = [
    ['M01', '张三', '男', '１３８１２３４５６７８', 'zhang@qq。com', '2024年5月6日'],
    ['M02', '李四', '女', '+86-139-8765-4321', 'LISI@163.COM ', 45418],
    ['M03', '王五', '男', '13700001111/13600002222', 'wangwu@qq,com', '2024.5.6'],
    ['M04', '赵六', '女', '1.38123E+10', 'mailto:zhaoliu@126.com', '20240506'],
    ['M05', '钱七', '男', '0755-12345678转123', '', '2024/05/06 14:03'],
  ];
  members.forEach((values, i) => (sheet.getRow(5 + i).values = values));
  sheet.getRow(10).values = ['合计', '5人'];
  sheet.getRow(12).values = ['制表人：张三  日期：2024-05-01'];
  sheet.getRow(13).values = ['注：手机号以系统为准'];
  await workbook.xlsx.writeFile(join(dir, 'members.xlsx'));

  // The same shapes from a Chinese Windows export: GBK CSV, group row, sums and a note.
  const orders = [
    '2024年5月订单,,,,',
    '订单号,会员编号,下单,,金额',
    ',,下单时间,渠道,',
    'SO1,M01,2024年5月6日,天猫,"￥1,234.50"',
    'SO2,M02,2024/05/06 14:03,京东,"1,234.50元"',
    'SO3,M03,20240506,天猫,1.2万',
    'SO4,M01,45418,天猫,(123.00)',
    'SO5,M02,2024-05-06,天猫,RMB 88',
    'SO6,M04,2024-05-06,天猫,"$1,234.50"',
    'SO7,M05,2024-05-06,天猫,１２３',
    'SO8,M05,2024-05-06,天猫,-',
    '合计,,,,"4,567.00"',
    '共 8 条记录,,,,',
    '制表人：李四',
  ];
  writeFileSync(join(dir, 'orders.csv'), iconv.encode(orders.join('\r\n') + '\r\n', 'gbk'));
});

describe('ugly exports (end to end)', () => {
  it('finds the two-row headers and keeps sums and notes out of the records', () => {
    const res = custops('ingest', 'members.xlsx', 'orders.csv', '--format', 'json');
    expect(res.code, res.stderr).toBe(0);
    const reports = JSON.parse(res.stdout) as { file: string; kind: string; headerLine: number; rowsRead: number; inserted: number; rejected: number }[];
    expect(reports.map((r) => [r.file, r.kind, r.headerLine, r.rowsRead, r.inserted, r.rejected])).toEqual([
      ['members.xlsx', 'customers', 4, 8, 5, 3],
      ['orders.csv', 'orders', 3, 11, 7, 4],
    ]);
    const rejects = custops('rejects', '--format', 'json');
    const reasons = (JSON.parse(rejects.stdout) as { file: string; line: number; column_name: string; reason: string }[]).map((r) => [r.file, r.line, r.column_name, r.reason]);
    expect(reasons).toEqual([
      ['members.xlsx', 10, '会员编号', 'summary row "合计", not a record'],
      ['members.xlsx', 12, '会员编号', 'note below the table "制表人：张三  日期：2024-05-01", not a record'],
      ['members.xlsx', 13, '会员编号', 'note below the table "注：手机号以系统为准", not a record'],
      ['orders.csv', 11, '金额', 'amount is missing'],
      ['orders.csv', 12, '订单号', 'summary row "合计", not a record'],
      ['orders.csv', 13, '订单号', 'summary row "共 8 条记录", not a record'],
      ['orders.csv', 14, '订单号', 'note below the table "制表人：李四", not a record'],
    ]);
  });

  it('normalises the phones, e-mails and dates of the records', () => {
    const rows = query<Record<string, unknown>>(
      'SELECT customer_code, name, gender, phone_e164, phone_ok, email_norm, email_ok, email_suggest, registered_date FROM customers ORDER BY customer_code',
    );
    expect(rows).toEqual([
      { customer_code: 'M01', name: '张三', gender: '男', phone_e164: '+8613812345678', phone_ok: 1, email_norm: 'zhang@qq.com', email_ok: 1, email_suggest: null, registered_date: '2024-05-06' },
      { customer_code: 'M02', name: '李四', gender: '女', phone_e164: '+8613987654321', phone_ok: 1, email_norm: 'lisi@163.com', email_ok: 1, email_suggest: null, registered_date: '2024-05-06' },
      { customer_code: 'M03', name: '王五', gender: '男', phone_e164: '+8613700001111', phone_ok: 1, email_norm: 'wangwu@qq,com', email_ok: 0, email_suggest: 'wangwu@qq.com', registered_date: '2024-05-06' },
      // Excel's scientific notation destroyed the number: flagged, never turned into a wrong one
      { customer_code: 'M04', name: '赵六', gender: '女', phone_e164: null, phone_ok: 0, email_norm: 'zhaoliu@126.com', email_ok: 1, email_suggest: null, registered_date: '2024-05-06' },
      { customer_code: 'M05', name: '钱七', gender: '男', phone_e164: '+8675512345678', phone_ok: 1, email_norm: null, email_ok: null, email_suggest: null, registered_date: '2024-05-06' },
    ]);
    const issues = query<{ value: string; problem: string }>("SELECT value, problem FROM clean_issues WHERE field = 'phone' ORDER BY value");
    expect(issues).toEqual([
      { value: '1.38123E+10', problem: 'phone_invalid' },
      { value: '13700001111/13600002222', problem: 'phone_multiple' },
    ]);
  });

  it('reads local amounts and dates into cents and days, linked to their customers', () => {
    const orders = query<{ order_code: string; order_day: string; amount_cents: number; customer_code: string }>(
      'SELECT o.order_code, o.order_day, o.amount_cents, c.customer_code FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_code',
    );
    expect(orders).toEqual([
      { order_code: 'SO1', order_day: '2024-05-06', amount_cents: 123450, customer_code: 'M01' },
      { order_code: 'SO2', order_day: '2024-05-06', amount_cents: 123450, customer_code: 'M02' },
      { order_code: 'SO3', order_day: '2024-05-06', amount_cents: 1200000, customer_code: 'M03' },
      { order_code: 'SO4', order_day: '2024-05-06', amount_cents: -12300, customer_code: 'M01' },
      { order_code: 'SO5', order_day: '2024-05-06', amount_cents: 8800, customer_code: 'M02' },
      { order_code: 'SO6', order_day: '2024-05-06', amount_cents: 123450, customer_code: 'M04' },
      { order_code: 'SO7', order_day: '2024-05-06', amount_cents: 12300, customer_code: 'M05' },
    ]);
  });

  it('exports the customers with the originals as typed', () => {
    const out = join(dir, 'customers.csv');
    const res = custops('export', 'customers', '--output', out);
    expect(res.code, res.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(6);
    const header = lines[0].split(',');
    const m04 = lines.find((l) => l.includes('M04'))!.split(',');
    expect(m04[header.indexOf('phone')]).toBe('1.38123E+10');
    expect(m04[header.indexOf('source_line')]).toBe('8');
    expect(lines.some((l) => l.includes('合计') || l.includes('制表人'))).toBe(false);
  });
});
