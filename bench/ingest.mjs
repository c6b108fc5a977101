// Ingest benchmark: custops ingest vs sqlite3 .import vs sqlite-utils insert on the same generated
// customer CSV (100k and 1M rows). Prints rows/s, seconds, peak RSS, and the ratios the issue targets.
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure, has, printTable, root } from './lib.mjs';
import { writeCustomerCsv } from '../dist/demo/bulk.js';

const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const bin = join(root, 'bin/custops.js');
const rows = [];
for (const n of sizes) {
  const csv = join(out, `customers-${n}.csv`);
  if (!existsSync(csv)) await writeCustomerCsv(csv, n, 42);
  const db = join(out, `ingest-${n}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  const custops = measure(process.execPath, [bin, '--db', db, '--quiet', 'ingest', csv, '--kind', 'customers']);
  rows.push({ tool: 'custops ingest', rows: n, seconds: custops.seconds.toFixed(2), 'rows/s': Math.round(n / custops.seconds), 'peak RSS MB': custops.rssMb.toFixed(0) });
  if (has('sqlite3')) {
    const s = measure('sqlite3', [':memory:', '.mode csv', `.import ${csv} customers`, 'SELECT COUNT(*) FROM customers;']);
    rows.push({ tool: 'sqlite3 .import', rows: n, seconds: s.seconds.toFixed(2), 'rows/s': Math.round(n / s.seconds), 'peak RSS MB': s.rssMb.toFixed(0) });
    rows.at(-2).ratio = (custops.seconds / s.seconds).toFixed(2) + '× sqlite3';
  }
  if (has('sqlite-utils')) {
    const sdb = join(out, `su-${n}.db`);
    rmSync(sdb, { force: true });
    const s = measure('sqlite-utils', ['insert', sdb, 'customers', csv, '--csv', '--detect-types']);
    rows.push({ tool: 'sqlite-utils insert', rows: n, seconds: s.seconds.toFixed(2), 'rows/s': Math.round(n / s.seconds), 'peak RSS MB': s.rssMb.toFixed(0) });
  }
}
for (const r of rows) r.ratio ??= '';
printTable('Ingest benchmark (same CSV for every tool)', rows);
const custopsRows = rows.filter((r) => r.tool === 'custops ingest');
if (custopsRows.length === 2) {
  console.log(`\ncustops peak RSS 1M / 100k: ${(custopsRows[1]['peak RSS MB'] / custopsRows[0]['peak RSS MB']).toFixed(2)}×`);
}
