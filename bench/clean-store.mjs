// Store-level clean benchmark: a child process fills a temporary store with `rows` ingested customers
// (raw values plus the normalised values ingest writes, dirty = 1); this process then runs runClean on it,
// so its peak RSS is the clean's alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { section } from '../dist/clean/config.js';
import { runClean } from '../dist/clean/run.js';
import { normaliseCustomer, defaultNormaliseOptions } from '../dist/clean/index.js';
import { openStore } from '../dist/store/db.js';

const RAW = ['customer_code', 'name', 'phone', 'email', 'company', 'province', 'city', 'registered_at', 'birth_date', 'contract_end', 'annual_revenue'];
const NORM = ['name_norm', 'name_key', 'phone_e164', 'phone_ok', 'email_norm', 'email_ok', 'email_suggest', 'company_key', 'province_norm', 'city_norm', 'registered_date', 'birth_date_norm', 'contract_end_date', 'annual_revenue_cents'];

export function fillStore(path, rows, generateCustomer) {
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
  db.close();
}

export async function runCleanBench(rows, generateCustomer, table, peakMb) {
  if (process.env.CLEAN_BENCH_FILL) {
    fillStore(process.env.CLEAN_BENCH_FILL, rows, generateCustomer);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'custops-clean-bench-'));
  const path = join(dir, 'bench.db');
  try {
    const filled = spawnSync(process.execPath, [fileURLToPath(new URL('./clean.mjs', import.meta.url)), 'clean', String(rows)], {
      env: { ...process.env, CLEAN_BENCH_FILL: path },
      stdio: 'inherit',
    });
    if (filled.status !== 0) throw new Error('filling the bench store failed');
    const db = openStore(path);
    const config = section.parse(undefined);
    const out = [];
    for (const label of ['first clean (all dirty)', 'second clean (nothing changed)']) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const result = runClean(db, config, { kinds: ['customers'] });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu);
      const k = result.kinds[0];
      out.push({
        run: label, rows, processed: k.processed, 'wall s': seconds.toFixed(2), 'rows/s (wall)': Math.round(rows / seconds),
        'cpu s': ((used.user + used.system) / 1e6).toFixed(2), 'rows/s (cpu)': Math.round(rows / ((used.user + used.system) / 1e6)),
        errors: k.score.errors, 'peak RSS MB': peakMb(),
      });
    }
    db.close();
    table(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
