// Store-level parts of bench/clean.mjs. Each step runs in its own child process so that the peak RSS
// reported for a clean is the clean's alone:
//   node bench/clean-store.mjs fill DB ROWS       ugly generated customers (bench/clean-data.mjs) written to a
//                                                 CSV and loaded by the real `custops ingest`
//   node bench/clean-store.mjs ingest DB ROWS     the demo bulk CSV (dist/demo/bulk.js) through `custops ingest`
//   node bench/clean-store.mjs run DB             timed runClean passes; prints one JSON line per pass
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { section } from '../dist/clean/config.js';
import { runClean } from '../dist/clean/run.js';
import { openStore } from '../dist/store/db.js';
import { generateCustomer } from './clean-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RAW = ['customer_code', 'name', 'phone', 'email', 'company', 'province', 'city', 'registered_at', 'birth_date', 'contract_end', 'annual_revenue'];

function ingest(db, csv) {
  const r = spawnSync(process.execPath, [join(root, 'bin/custops.js'), '--db', db, '--quiet', 'ingest', csv, '--kind', 'customers'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`custops ingest failed (${r.status})`);
}

async function fillStore(path, rows) {
  const dir = mkdtempSync(join(tmpdir(), 'custops-clean-csv-'));
  try {
    const csv = join(dir, 'customers.csv');
    const out = createWriteStream(csv);
    const cell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    let buffer = RAW.join(',') + '\n';
    for (let i = 0; i < rows; i++) {
      const c = generateCustomer(i);
      buffer += RAW.map((f) => cell(c[f] ?? '')).join(',') + '\n';
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    ingest(path, csv);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ingestStore(path, rows) {
  const { writeCustomerCsv } = await import('../dist/demo/bulk.js');
  const dir = join(root, 'bench/out');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `customers-${rows}.csv`);
  if (!existsSync(csv)) await writeCustomerCsv(csv, rows, 42);
  ingest(path, csv);
}

function cpuSeconds(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

/** Four passes over one store: the first clean after the import, nothing changed, 1% of the records changed, --all. */
function runPasses(path) {
  const db = openStore(path);
  const config = section.parse(undefined);
  const records = db.prepare('SELECT COUNT(*) AS n FROM customers').get().n;
  const pass = (label, all = false) => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const k = runClean(db, config, { kinds: ['customers'], all }).kinds[0];
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(JSON.stringify({
      pass: label, records, processed: k.processed, normalised: k.normalised, updated: k.updated, wall, cpu: cpuSeconds(cpu), errors: k.score.errors,
      rssMb: process.resourceUsage().maxRSS / 1024,
    }));
  };
  pass('first clean after ingest');
  pass('re-run, nothing changed');
  // What a re-import of an edited export does: new raw values, dirty = 1 (not timed).
  db.prepare(`UPDATE customers SET phone = '0755-8888' || substr('0000' || id, -4), dirty = 1 WHERE id % 100 = 0`).run();
  pass('re-run, 1% changed');
  pass('--all (normalise everything again)', true);
  db.close();
}

const [step, path, rows] = process.argv.slice(2);
if (step === 'fill') await fillStore(path, Number(rows));
else if (step === 'ingest') await ingestStore(path, Number(rows));
else if (step === 'run') runPasses(path);
else if (step !== undefined) {
  console.error('usage: node bench/clean-store.mjs fill|ingest DB ROWS | run DB');
  process.exit(2);
}
