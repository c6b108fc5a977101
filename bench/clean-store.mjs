// Store-level parts of bench/clean.mjs. Each step runs in its own child process so that the peak RSS
// reported for a clean is the clean's alone:
//   node bench/clean-store.mjs fill DB ROWS       ugly generated customers written as ingest writes them
//                                                 (raw values + the normalised values ingest computes, dirty = 1)
//   node bench/clean-store.mjs ingest DB ROWS     the demo bulk CSV (dist/demo/bulk.js) through `custops ingest`
//   node bench/clean-store.mjs run DB             timed runClean passes; prints one JSON line per pass
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { section } from '../dist/clean/config.js';
import { normaliseCustomer, defaultNormaliseOptions } from '../dist/clean/index.js';
import { runClean } from '../dist/clean/run.js';
import { openStore } from '../dist/store/db.js';
import { generateCustomer } from './clean-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RAW = ['customer_code', 'name', 'phone', 'email', 'company', 'province', 'city', 'registered_at', 'birth_date', 'contract_end', 'annual_revenue'];
const NORM = ['name_norm', 'name_key', 'phone_e164', 'phone_ok', 'email_norm', 'email_ok', 'email_suggest', 'company_key', 'province_norm', 'city_norm', 'registered_date', 'birth_date_norm', 'contract_end_date', 'annual_revenue_cents'];

export function fillStore(path, rows) {
  const db = openStore(path);
  const source = db.prepare(`INSERT INTO sources (path, name, sha256, size, kind, format, imported_at) VALUES ('bench.csv', 'bench.csv', 'x', 0, 'customers', 'csv', '2025-01-01')`).run().lastInsertRowid;
  const cols = ['source_id', 'line', 'row_hash', ...RAW, ...NORM, 'dirty', 'updated_at'];
  const insert = db.prepare(`INSERT INTO customers (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const raw = generateCustomer(i);
      const { values } = normaliseCustomer(raw, defaultNormaliseOptions);
      insert.run(source, i + 2, `h${i}`, ...RAW.map((c) => raw[c] ?? null), ...NORM.map((c) => values[c] ?? null), 1, '2025-01-01');
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function ingestStore(path, rows) {
  const { writeCustomerCsv } = await import('../dist/demo/bulk.js');
  const dir = join(root, 'bench/out');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `customers-${rows}.csv`);
  if (!existsSync(csv)) await writeCustomerCsv(csv, rows, 42);
  const r = spawnSync(process.execPath, [join(root, 'bin/custops.js'), '--db', path, '--quiet', 'ingest', csv, '--kind', 'customers'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`custops ingest failed (${r.status})`);
}

function cpuSeconds(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

/** Three passes over one store: everything dirty, nothing changed, 1% of the records changed. */
function runPasses(path) {
  const db = openStore(path);
  const config = section.parse(undefined);
  const records = db.prepare('SELECT COUNT(*) AS n FROM customers').get().n;
  const pass = (label) => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const k = runClean(db, config, { kinds: ['customers'] }).kinds[0];
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(JSON.stringify({
      pass: label, records, processed: k.processed, updated: k.updated, wall, cpu: cpuSeconds(cpu), errors: k.score.errors,
      rssMb: process.resourceUsage().maxRSS / 1024,
    }));
  };
  pass('first clean (all dirty)');
  pass('re-run, nothing changed');
  // What a re-import of an edited export does: new raw values, dirty = 1 (not timed).
  db.prepare(`UPDATE customers SET phone = '0755-8888' || substr('0000' || id, -4), dirty = 1 WHERE id % 100 = 0`).run();
  pass('re-run, 1% changed');
  db.close();
}

const [step, path, rows] = process.argv.slice(2);
if (step === 'fill') fillStore(path, Number(rows));
else if (step === 'ingest') await ingestStore(path, Number(rows));
else if (step === 'run') runPasses(path);
else if (step !== undefined) {
  console.error('usage: node bench/clean-store.mjs fill|ingest DB ROWS | run DB');
  process.exit(2);
}
