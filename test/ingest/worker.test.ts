// Large imports read and normalise rows in a worker thread (src/ingest/parallel.ts); small ones in the
// main thread. Both must leave the same store. CUSTOPS_INGEST_WORKER_MIN_BYTES (internal) forces either
// path on small fixtures. The worker only runs from the compiled dist/, so everything here goes through
// the built bin or a node process importing dist/.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { runBin, tempDir } from '../helpers/bin.js';

const WORKER = { CUSTOPS_INGEST_WORKER_MIN_BYTES: '0' };
const IN_THREAD = { CUSTOPS_INGEST_WORKER_MIN_BYTES: String(2 ** 50) };
/** Columns that hold the time of the run. */
const TIMING = new Set(['updated_at', 'imported_at', 'seconds', 'replaced_at']);
const COMPARED = ['sources', 'customers', 'orders', 'feedback', 'rejects', 'clean_issues', 'record_versions'];

let dir: string;

function customersCsv(rows: number, city = (i: number) => ['深圳市', '北京', '上海'][i % 3]): string {
  const lines = ['2025年客户名单', '客户编号,客户名称,手机号码,电子邮箱,城市,注册日期,备注'];
  for (let i = 1; i <= rows; i++) {
    if (i % 17 === 0) lines.push(`C${i},短行`); // ragged: rejected
    else if (i % 19 === 0) lines.push(`,,,,${city(i)},2024-01-01,`); // nothing identifying: rejected
    else {
      const phone = i % 7 === 0 ? 'N/A' : i % 11 === 0 ? '123' : `138 ${String(1000 + i).padStart(4, '0')} ${String(5000 + i)}`;
      const email = i % 5 === 0 ? '' : i % 13 === 0 ? `user${i}@gmial.com` : `USER${i}@qq.com`;
      const note = i % 9 === 0 ? '"多行\n备注, 含逗号"' : i % 4 === 0 ? '老客户' : '';
      lines.push(`C${i},${i % 23 === 0 ? '无' : `客户${i}`},${phone},${email},${city(i)},${i % 2 ? '2025年3月5日' : '2024/12/1'},${note}`);
    }
    if (i % 50 === 0) lines.push('');
  }
  return lines.join('\r\n') + '\r\n';
}

function ordersCsv(rows: number): string {
  const lines = ['\uFEFF订单号;客户编号;手机;下单时间;实付金额;订单状态'];
  for (let i = 1; i <= rows; i++) {
    const amount = i % 29 === 0 ? '一千元' : i % 3 === 0 ? '¥1,234.50' : `${i}.5`;
    lines.push(`SO${i};${i % 4 === 0 ? '' : `C${i}`};${i % 4 === 0 ? `138${String(1000 + i).padStart(4, '0')}${5000 + i}` : ''};2025-03-${String(1 + (i % 28)).padStart(2, '0')};${amount};${i % 2 ? '已完成' : '已退款'}`);
  }
  return lines.join('\n');
}

async function writeWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('Survey');
  survey.addRow(['Customer survey Q1']);
  survey.addRow(['Submitted', 'Mobile', 'NPS', 'CSAT', 'Comment']);
  for (let i = 1; i <= rows; i++) {
    const row = survey.addRow([new Date(Date.UTC(2025, 2, 1 + (i % 28))), `138${String(1000 + i).padStart(4, '0')}${5000 + i}`, i % 10 === 0 ? 11 : i % 11, 1 + (i % 5), i % 3 ? 'fast delivery' : '']);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
  }
  const orders = wb.addWorksheet('Orders');
  orders.addRow(['Order ID', 'Customer ID', 'Order Date', 'Amount', 'Status']);
  for (let i = 1; i <= rows; i++) orders.addRow([`X${i}`, `C${i}`, '2025-04-01', i % 25 === 0 ? 'n/a' : i * 2.5, 'paid']);
  await wb.xlsx.writeFile(path);
}

function ingest(db: string, env: Record<string, string>, ...files: string[]): { file: string; sheet: string | null; rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number }[] {
  const res = runBin(['--db', db, '--format', 'json', 'ingest', ...files], { cwd: dir, env });
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

/** Rows of each table in `a` and not in `b` or the other way round (every column but the run's timestamps). */
function differences(a: string, b: string): Record<string, number> {
  const db = new Database(a, { readonly: true });
  try {
    db.exec(`ATTACH '${b}' AS other`);
    const diff: Record<string, number> = {};
    for (const table of COMPARED) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !TIMING.has(c));
      const list = columns.map((c) => `"${c}", typeof("${c}")`).join(', ');
      const count = (sql: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get() as { n: number }).n;
      diff[table] = count(`SELECT ${list} FROM main.${table} EXCEPT SELECT ${list} FROM other.${table}`) + count(`SELECT ${list} FROM other.${table} EXCEPT SELECT ${list} FROM main.${table}`);
    }
    return diff;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'crm.csv'), iconv.encode(customersCsv(400), 'gbk'));
  writeFileSync(join(dir, 'orders.csv'), ordersCsv(300));
  await writeWorkbook(join(dir, 'survey.xlsx'), 120);
  // a newer export of the same list: other cities (updates), the same rows (unchanged), new codes (inserts)
  writeFileSync(join(dir, 'crm-new.csv'), customersCsv(450, (i) => (i % 2 ? '杭州' : ['深圳市', '北京', '上海'][i % 3])));
});

describe('ingest in a worker thread', () => {
  it('leaves the same store as reading in the main thread: GBK and BOM CSV, xlsx sheets, rejects, issues, updates', () => {
    const stores = { worker: join(dir, 'worker.db'), inThread: join(dir, 'in-thread.db') };
    const first = ingest(stores.worker, WORKER, 'crm.csv', 'orders.csv', 'survey.xlsx');
    expect(ingest(stores.inThread, IN_THREAD, 'crm.csv', 'orders.csv', 'survey.xlsx')).toEqual(first.map((r) => ({ ...r, seconds: expect.any(Number) })));
    expect(first.map((r) => [r.file, r.sheet, r.rowsRead, r.inserted, r.rejected])).toEqual([
      ['crm.csv', null, 400, 400 - 23 - 21 + 1, 23 + 21 - 1],
      ['orders.csv', null, 300, 290, 10],
      ['survey.xlsx', 'Survey', 120, 108, 12],
      ['survey.xlsx', 'Orders', 120, 116, 4],
    ]);
    const newer = ingest(stores.worker, WORKER, 'crm-new.csv');
    expect(newer[0]).toMatchObject({ inserted: 50 - 3 - 2, updated: 178, unchanged: 179 });
    expect(ingest(stores.inThread, IN_THREAD, 'crm-new.csv')).toEqual(newer.map((r) => ({ ...r, seconds: expect.any(Number) })));

    expect(differences(stores.worker, stores.inThread)).toEqual(Object.fromEntries(COMPARED.map((t) => [t, 0])));
    const db = new Database(stores.worker, { readonly: true });
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    try {
      expect(count("SELECT COUNT(*) AS n FROM clean_issues WHERE problem = 'placeholder_value'")).toBeGreaterThan(0);
      expect(count("SELECT COUNT(*) AS n FROM clean_issues WHERE problem = 'email_typo'")).toBeGreaterThan(0);
      expect(count("SELECT COUNT(*) AS n FROM customers WHERE extra LIKE '%多行\\n备注%'")).toBeGreaterThan(0);
      expect(count('SELECT COUNT(*) AS n FROM record_versions')).toBe(178);
    } finally {
      db.close();
    }
  });
});

/** Runs an ES module in a node process that imports the compiled dist/ (where the worker script exists); returns what it prints as JSON. */
function runWithDist(code: string): unknown {
  const script = join(dir, 'script.mjs');
  writeFileSync(script, code.replaceAll('DIST/', pathToFileURL(resolve(import.meta.dirname, '../../dist')).href + '/'));
  const res = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: dir });
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

const JOB = `
import { openTables } from 'DIST/ingest/readers/index.js';
import { mapHeaders } from 'DIST/ingest/mapping.js';
import { recordLayout } from 'DIST/ingest/records.js';
import { defaultNormaliseOptions } from 'DIST/clean/index.js';
async function jobFor(path) {
  const [table] = await openTables(path, {});
  const mapping = mapHeaders(table.headers, 'customers');
  const layout = recordLayout('customers', mapping.columns.flatMap((c) => (c.field ? [c.field] : [])));
  return { table, job: { rowsSpec: table.rowsSpec, table: { headers: table.headers, format: table.format }, mapping, normalise: defaultNormaliseOptions, layout, batchRows: 64 } };
}
`;

describe('the build worker (compiled)', () => {
  it('sends the batches the main thread would build, a bounded number at a time', () => {
    const result = runWithDist(`${JOB}
      import { BuildWorker, workerAvailable } from 'DIST/ingest/parallel.js';
      import { BatchBuilder, buildBatches } from 'DIST/ingest/build.js';
      const { table, job } = await jobFor('crm.csv');
      const local = [];
      for await (const b of buildBatches(table.rows, new BatchBuilder(job.table, job.mapping, job.normalise, job.layout), 64)) local.push(b);
      const worker = new BuildWorker();
      const remote = [];
      for await (const b of worker.batches(job)) remote.push(b);
      // the worker takes another job; while one batch is being written it sends no more than MAX_BATCHES_IN_FLIGHT - 1 others
      let waiting = -1;
      for await (const b of worker.batches(job)) {
        await new Promise((r) => setTimeout(r, 500));
        waiting = worker.events.filter((e) => e.type === 'batch').length;
        break;
      }
      await worker.close();
      console.log(JSON.stringify({ workerAvailable, same: JSON.stringify(local) === JSON.stringify(remote), batches: remote.length, rows: remote.reduce((n, b) => n + b.rowsRead, 0), waiting }));
    `) as { waiting: number };
    expect(result).toMatchObject({ workerAvailable: true, same: true, batches: Math.ceil(400 / 64), rows: 400 });
    expect(result.waiting).toBeGreaterThanOrEqual(0);
    expect(result.waiting).toBeLessThanOrEqual(3);
  });

  it('raises a reader error at the main thread as the same one-line InputError', () => {
    const result = runWithDist(`${JOB}
      import { copyFileSync, rmSync } from 'node:fs';
      import { BuildWorker } from 'DIST/ingest/parallel.js';
      import { BatchBuilder, buildBatches } from 'DIST/ingest/build.js';
      import { InputError } from 'DIST/errors.js';
      copyFileSync('crm.csv', 'gone.csv');
      const { table, job } = await jobFor('gone.csv');
      rmSync('gone.csv');
      const caught = async (batches) => { try { for await (const _ of batches) {} } catch (e) { return { inputError: e instanceof InputError, message: e.message, key: e.catalogued?.key }; } };
      const worker = new BuildWorker();
      const remote = await caught(worker.batches(job));
      await worker.close();
      const local = await caught(buildBatches(table.rows, new BatchBuilder(job.table, job.mapping, job.normalise, job.layout), 64));
      console.log(JSON.stringify({ remote, local }));
    `) as { remote: unknown; local: unknown };
    expect(result.remote).toEqual(result.local);
    expect(result.remote).toMatchObject({ inputError: true, key: 'csv.stopped', message: expect.stringContaining('gone.csv') });
  });
});
