import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { runBin, tempDir } from '../helpers/bin.js';

let dir: string;
let db: string;
const custops = (...args: string[]) => runBin(['--db', db, ...args], { cwd: dir });
const query = <T>(sql: string): T[] => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'store.db');
  // A GBK export from a Chinese CRM, with a title row, a blank line, a ragged row and a duplicate header synonym.
  const gbk = ['2025年客户名单', '客户编号,客户名称,手机号码,电子邮箱,城市,注册日期,备注', 'C001,张伟,138-1234-5678,ZHANGWEI@QQ.COM,深圳市,2025年3月5日,老客户', '', 'C002,王芳,+86 139 0000 1111,wangfang@163.com,北京,2024/12/1,', 'C003,李娜,13700001111', 'C004,"Smith, John",0086 13612345678,john@gmail.com,上海,45356,"VIP, 推荐"'];
  writeFileSync(join(dir, 'crm.csv'), iconv.encode(gbk.join('\r\n') + '\r\n', 'gbk'));
  // Orders: UTF-8 with BOM, semicolons, Chinese money formats, one unreadable amount.
  const orders = ['\uFEFF订单号;客户编号;手机;下单时间;实付金额;订单状态', 'SO1;C001;;2025-03-06;¥1,234.50;已完成', 'SO2;;13900001111;2025/3/7;12.5万;已付款', 'SO3;C003;;2025-03-08;一千元;已完成', 'SO4;C999;;2025-03-09;(100.00);已退款'];
  writeFileSync(join(dir, 'orders.csv'), orders.join('\n'));
  // Feedback in English headers, XLSX with a title row and date cells.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Survey');
  ws.addRow(['Customer survey Q1']);
  ws.addRow(['Submitted', 'Mobile', 'NPS', 'CSAT', 'Comment']);
  const r = ws.addRow([new Date('2025-03-10T00:00:00Z'), '138 1234 5678', 9, 5, 'fast delivery']);
  r.getCell(1).numFmt = 'yyyy-mm-dd';
  ws.addRow([new Date('2025-03-11T00:00:00Z'), '13700001111', 11, 2, 'broken']);
  await wb.xlsx.writeFile(join(dir, 'survey.xlsx'));
});

describe('custops ingest (end to end)', () => {
  it('shows the detected mapping on --dry-run and writes nothing', () => {
    const res = custops('ingest', 'crm.csv', '--dry-run');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/encoding gb18030|encoding gbk/i);
    expect(res.stdout).toMatch(/header on line 2/);
    expect(res.stdout).toContain('customer_code');
    const status = custops('status', '--format', 'json');
    expect(status.code).toBe(2);
  });

  it('imports GBK, BOM+semicolon CSV and XLSX, rejecting bad rows with file, line, column and reason', () => {
    const res = custops('ingest', 'crm.csv', 'orders.csv', 'survey.xlsx', '--format', 'json');
    expect(res.code, res.stderr).toBe(0);
    const reports = JSON.parse(res.stdout) as { file: string; kind: string; rowsRead: number; inserted: number; rejected: number; unlinked: number }[];
    expect(reports.map((r) => [r.file, r.kind, r.rowsRead, r.inserted, r.rejected])).toEqual([
      ['crm.csv', 'customers', 4, 3, 1],
      ['orders.csv', 'orders', 4, 3, 1],
      ['survey.xlsx', 'feedback', 2, 1, 1],
    ]);
    const rejects = query<{ name: string; line: number; column_name: string | null; reason: string }>('SELECT s.name, r.line, r.column_name, r.reason FROM rejects r JOIN sources s ON s.id = r.source_id ORDER BY r.id');
    expect(rejects).toEqual([
      { name: 'crm.csv', line: 6, column_name: null, reason: 'row has 3 fields, header has 7' },
      { name: 'orders.csv', line: 4, column_name: '实付金额', reason: 'cannot read the amount "一千元"' },
      { name: 'survey.xlsx', line: 4, column_name: 'NPS', reason: '"11" is not a valid NPS score' },
    ]);
  });

  it('keeps originals beside normalised values, unknown columns included', () => {
    const rows = query<Record<string, unknown>>("SELECT customer_code, name, phone, phone_e164, email, email_norm, city, registered_at, registered_date, extra FROM customers ORDER BY customer_code");
    expect(rows[0]).toMatchObject({ customer_code: 'C001', name: '张伟', phone: '138-1234-5678', phone_e164: '+8613812345678', email: 'ZHANGWEI@QQ.COM', email_norm: 'zhangwei@qq.com', registered_at: '2025年3月5日', registered_date: '2025-03-05', extra: JSON.stringify({ 备注: '老客户' }) });
    expect(rows[2]).toMatchObject({ customer_code: 'C004', name: 'Smith, John', phone_e164: '+8613612345678', registered_date: '2024-03-05', extra: JSON.stringify({ 备注: 'VIP, 推荐' }) });
  });

  it('parses money into integer cents and links orders by code, then phone', () => {
    const orders = query<{ order_code: string; amount_cents: number; status_norm: string; customer_code: string | null; link_method: string | null }>(
      'SELECT o.order_code, o.amount_cents, o.status_norm, c.customer_code, o.link_method FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.order_code',
    );
    expect(orders).toEqual([
      { order_code: 'SO1', amount_cents: 123450, status_norm: 'paid', customer_code: 'C001', link_method: 'customer_code' },
      { order_code: 'SO2', amount_cents: 12500000, status_norm: 'paid', customer_code: 'C002', link_method: 'phone' },
      { order_code: 'SO4', amount_cents: -10000, status_norm: 'refunded', customer_code: null, link_method: null },
    ]);
    const feedback = query<{ nps_n: number; customer_code: string }>('SELECT f.nps_n, c.customer_code FROM feedback f JOIN customers c ON c.id = f.customer_id');
    expect(feedback).toEqual([{ nps_n: 9, customer_code: 'C001' }]);
  });

  it('re-importing the same file is a no-op; a newer export updates without duplicating', () => {
    const again = custops('ingest', 'crm.csv', '--format', 'json');
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ skipped: 'already-imported', inserted: 0 });
    writeFileSync(join(dir, 'crm-new.csv'), '客户编号,客户名称,手机号码,城市\nC001,张伟,13812345678,广州\nC005,赵敏,13811112222,杭州\n');
    const newer = custops('ingest', 'crm-new.csv', '--format', 'json');
    expect(JSON.parse(newer.stdout)[0]).toMatchObject({ inserted: 1, updated: 1 });
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM customers')[0].n).toBe(4);
    expect(query<{ city: string }>("SELECT city FROM customers WHERE customer_code = 'C001'")[0].city).toBe('广州');
    const version = query<{ data: string }>("SELECT data FROM record_versions WHERE kind = 'customers'");
    expect(JSON.parse(version[0].data)).toMatchObject({ city: '深圳市', email: 'ZHANGWEI@QQ.COM' });
  });

  it('lists rejects and exports records with provenance', () => {
    const rej = custops('rejects', '--format', 'csv');
    expect(rej.stdout.split('\n')[0]).toBe('source,line,column,reason,original');
    expect(rej.stdout).toContain('orders.csv,4,实付金额');
    // the stored English reasons read in the user's language
    const zh = custops('--lang', 'zh', 'rejects', '--format', 'csv');
    expect(zh.stdout).toContain('该行有 3 个字段，表头有 7 个');
    expect(zh.stdout).toContain('无法识别金额“一千元”');
    expect(zh.stdout).toContain('“11”不是有效的 NPS 分数');
    expect(custops('--lang', 'en', 'rejects', '--format', 'csv').stdout).toContain('row has 3 fields, header has 7');
    const out = join(dir, 'customers.json');
    expect(custops('export', 'customers', '--output', out).code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[];
    expect(exported.find((r) => r.customer_code === 'C004')).toMatchObject({ source_file: 'crm.csv', source_line: 7, name: 'Smith, John', phone_e164: '+8613612345678', 备注: 'VIP, 推荐' });
  });

  it('gives one clear line and exit 2 for a binary file or a wrong kind', () => {
    writeFileSync(join(dir, 'image.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    const bin = custops('ingest', 'image.csv');
    expect(bin.code).toBe(2);
    expect(bin.stderr.trim().split('\n')).toHaveLength(1);
    expect(bin.stderr).toContain('image.csv');
    writeFileSync(join(dir, 'weird.csv'), 'foo,bar\n1,2\n');
    const weird = custops('ingest', 'weird.csv');
    expect(weird.code).toBe(2);
    expect(weird.stderr).toMatch(/cannot tell whether it holds customers/);
  });

  it('refuses writes in custops query', () => {
    const res = custops('query', 'DELETE FROM customers');
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toMatch(/read-only/);
    expect(custops('query', 'SELECT COUNT(*) AS n FROM customers', '--format', 'json').stdout).toContain('"n": 4');
  });
});
