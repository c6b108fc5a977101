// Segmentation at scale: RFM + tiers + lifecycle over 10,000,000 orders of 1,000,000 customers,
// generated straight into a custops store, against the same RFM query in the sqlite3 CLI.
//
//   npx tsc -p tsconfig.build.json && node bench/segment.mjs
//   SEGMENT_BENCH_ORDERS=1000000 SEGMENT_BENCH_CUSTOMERS=100000 node bench/segment.mjs   (a quick run)
//
// The store is built once and kept in $SEGMENT_BENCH_DIR (default the OS temp dir); delete it to
// rebuild. Every measured run is a child process under /usr/bin/time -v, so seconds and peak RSS
// are per run. 20% of the customers are merged in pairs into entities (1M customers → 900,000
// entities), as after `custops dedupe`, so the entity join path is the one measured.
//
// The peer is the sqlite3 CLI running the same RFM (entity join, status and as-of filters,
// quintiles by RANK()) on the same file. DuckDB (@duckdb/node-api) was not used: reading a SQLite
// file needs DuckDB's sqlite extension, which it downloads at run time, and copying 10M rows into
// DuckDB first would time the copy rather than the query.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has, measure, printTable, root } from './lib.mjs';

/** The JSON document a command printed (pretty-printed, so it ends at the first "}" line); tolerates stray lines after it. */
function firstJson(text) {
  const end = text.indexOf('\n}\n');
  return JSON.parse(end < 0 ? text : text.slice(0, end + 2));
}

const ORDERS = Number(process.env.SEGMENT_BENCH_ORDERS ?? 10_000_000);
const CUSTOMERS = Number(process.env.SEGMENT_BENCH_CUSTOMERS ?? 1_000_000);
const AS_OF = '2025-06-30';
const dir = process.env.SEGMENT_BENCH_DIR ?? tmpdir();
const dbPath = join(dir, `custops-segment-bench-${CUSTOMERS}-${ORDERS}.db`);
const self = fileURLToPath(import.meta.url);

/** Deterministic pseudo-random integers from a row number (multiplicative hashing), usable in SQL. */
const hash = (i, mul, mod) => `((${i} * ${mul}) % ${mod})`;

/** Builds the store under a temporary name and renames it when complete, so an interrupted build is never reused. */
async function generate() {
  const { openStore } = await import('../dist/store/db.js');
  const partial = `${dbPath}.partial`;
  for (const s of ['', '-wal', '-shm']) if (existsSync(partial + s)) rmSync(partial + s);
  const db = openStore(partial);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  // Indexes are dropped during the bulk insert and rebuilt with their own definitions afterwards.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('customers', 'orders') AND sql IS NOT NULL").all();
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  db.exec(`INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES
    (1, 'bench', 'customers', '-', 0, 'customers', 'csv', '2025-07-01'), (2, 'bench', 'orders', '-', 0, 'orders', 'csv', '2025-07-01')`);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CUSTOMERS})
    INSERT INTO customers (id, source_id, line, row_hash, name, province_norm, industry, channel, registered_date, annual_revenue_cents, entity_id, updated_at)
    SELECT i, 1, i, '', '客户' || i,
      substr('北京上海广东浙江江苏四川湖北山东河南福建', ${hash('i', 2654435761, 4294967291)} % 10 * 2 + 1, 2),
      substr('制造零售金融教育医疗物流', ${hash('i', 2246822519, 4294967279)} % 6 * 2 + 1, 2),
      substr('线上线下渠道直销', ${hash('i', 3266489917, 4294967231)} % 4 * 2 + 1, 2),
      date('2016-01-01', '+' || (${hash('i', 668265263, 4294967197)} % 3000) || ' days'),
      CASE WHEN i % 3 = 0 THEN (${hash('i', 374761393, 4294967161)} % 1000) * 1000000 END,
      CASE WHEN i % 10 IN (1, 2) THEN ${CUSTOMERS} + i / 10 END, ''
    FROM n`);
  db.exec(`CREATE TEMP TABLE days (k INTEGER PRIMARY KEY, d TEXT);
    WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 2369)
    INSERT INTO days SELECT k, date('2019-01-01', '+' || k || ' days') FROM n`);
  // Customer ids are skewed (u² of a uniform): a long tail of heavy buyers and many light ones.
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ORDERS}),
    h AS (SELECT i, ${hash('i', 2654435761, 4294967291)} AS h1, ${hash('i', 2246822519, 4294967279)} AS h2, ${hash('i', 3266489917, 4294967231)} AS h3 FROM n)
    INSERT INTO orders (id, source_id, line, row_hash, order_day, amount_cents, status_norm, customer_id, updated_at)
    SELECT i, 2, i, '', (SELECT d FROM days WHERE k = h2 % 2370), 1000 + h3 % 300000,
      CASE WHEN h1 % 100 < 2 THEN 'cancelled' WHEN h1 % 100 < 5 THEN 'refunded' WHEN h1 % 100 < 6 THEN 'pending' WHEN h1 % 100 < 16 THEN NULL ELSE 'paid' END,
      1 + CAST(${CUSTOMERS} * ((h1 % 1000003) / 1000003.0) * ((h1 % 1000003) / 1000003.0) AS INTEGER), ''
    FROM h`);
  for (const i of indexes) db.exec(i.sql);
  db.exec('ANALYZE');
  db.close();
  for (const s of ['-wal', '-shm']) if (existsSync(partial + s)) rmSync(partial + s);
  renameSync(partial, dbPath);
  return (performance.now() - started) / 1000;
}

/** Child: run the stages as the commands would and report per-stage seconds and the RFM cell counts. */
async function child(mode) {
  const { openStore } = await import('../dist/store/db.js');
  const { runRfm, rfmOverFacts } = await import('../dist/segment/run-rfm.js');
  const { tiersOverFacts } = await import('../dist/segment/run-tiers.js');
  const { lifecycleOverFacts } = await import('../dist/segment/run-lifecycle.js');
  const { loadFacts } = await import('../dist/segment/facts.js');
  const { defaultSegmentConfig, rfmRules, tierSets } = await import('../dist/segment/config.js');
  const cfg = defaultSegmentConfig();
  const db = openStore(dbPath, { readonly: true });
  const base = { asOf: AS_OF, excludeStatuses: cfg.exclude_status };
  const l = cfg.lifecycle;
  const lifecycleOptions = { newDays: l.new_days, activeDays: l.active_days, churnDays: l.churn_days, warningMonths: l.warning_months };
  const seconds = {};
  const time = (name, fn) => {
    const t = performance.now();
    const out = fn();
    seconds[name] = (performance.now() - t) / 1000;
    return out;
  };
  let rfm;
  let tiers;
  let life;
  if (mode === 'rfm') {
    rfm = time('rfm', () => runRfm(db, { ...base, rules: rfmRules(cfg), minSample: cfg.rfm.min_sample }));
  } else {
    const facts = time('facts', () => loadFacts(db, { ...base, last12m: true }));
    rfm = time('rfm', () => rfmOverFacts(facts, { rules: rfmRules(cfg), minSample: cfg.rfm.min_sample }));
    tiers = time('tiers', () => tiersOverFacts(db, facts, { asOf: AS_OF, sets: tierSets(cfg) }));
    life = time('lifecycle', () => lifecycleOverFacts(facts, lifecycleOptions));
  }
  // Outside the timings: the cell distribution, to check the peer computed the same thing.
  const cells = {};
  for (const r of rfm.rows()) cells[r.cell] = (cells[r.cell] ?? 0) + 1;
  const top = tiers?.summary.filter((s) => s.set === 'value').map((s) => `${s.tierEn}:${s.customers}`).join(' ');
  process.stdout.write(JSON.stringify({ seconds, entities: rfm.entities, cells, tiers: top, tierEntities: tiers?.entities, warnings: life?.warningCount }));
}

const peerSql = `PRAGMA cache_size = -65536;
WITH m AS (
  SELECT COALESCE(c.entity_id, -c.id) AS e, MAX(o.order_day) AS last_day, COUNT(*) AS f, SUM(COALESCE(o.amount_cents, 0)) AS m
  FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE o.order_day IS NOT NULL AND +o.order_day <= '${AS_OF}' AND (o.status_norm IS NULL OR o.status_norm NOT IN ('cancelled', 'refunded'))
  GROUP BY 1),
s AS (SELECT e, CAST(julianday('${AS_OF}') - julianday(last_day) AS INTEGER) AS rec, f, m FROM m),
q AS (SELECT (RANK() OVER (ORDER BY rec DESC) - 1) * 5 / COUNT(*) OVER () + 1 AS r,
             (RANK() OVER (ORDER BY f) - 1) * 5 / COUNT(*) OVER () + 1 AS fs,
             (RANK() OVER (ORDER BY m) - 1) * 5 / COUNT(*) OVER () + 1 AS ms FROM s)
SELECT r || fs || ms, COUNT(*) FROM q GROUP BY 1 ORDER BY 1;`;

const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');

/**
 * The commands exactly as a user runs them: rfm as JSON (parsed, to check its customer count),
 * tiers and lifecycle as the tables people read (the churn list shows its first 20 rows; the full
 * list is `custops export lifecycle`).
 */
function cliRun(sub) {
  const format = sub === 'rfm' ? ['--format', 'json'] : [];
  const m = measure(process.execPath, [join(root, 'bin/custops.js'), '--db', dbPath, '--lang', 'en', ...format, 'segment', sub, '--as-of', AS_OF], { cwd: root });
  return { ...m, json: sub === 'rfm' ? firstJson(m.stdout) : null, format: format.length ? 'json' : 'table' };
}

async function main() {
  if (!existsSync(join(root, 'dist/segment/run-rfm.js'))) throw new Error('build first: npx tsc -p tsconfig.build.json');
  let genSeconds = null;
  if (!existsSync(dbPath)) {
    console.log(`building ${dbPath} (${CUSTOMERS.toLocaleString()} customers, ${ORDERS.toLocaleString()} orders; kept for later runs)…`);
    genSeconds = await generate();
  }
  const loadBefore = load();
  const results = [];
  const runs = {};
  for (const mode of ['rfm', 'shared']) {
    const m = measure(process.execPath, [self, '--child', mode], { cwd: root });
    const out = JSON.parse(m.stdout);
    runs[mode] = out;
    const stages = Object.entries(out.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    results.push({ run: `stages: ${mode === 'rfm' ? 'rfm alone' : 'rfm+tiers+lifecycle (one facts pass)'}`, seconds: m.seconds.toFixed(1), 'peak RSS MB': m.rssMb.toFixed(0), detail: `in-process ${stages}` });
  }
  const cli = {};
  for (const sub of ['rfm', 'tiers', 'lifecycle']) {
    const m = cliRun(sub);
    cli[sub] = m;
    results.push({ run: `custops segment ${sub}${m.format === 'json' ? ' --format json' : ''}`, seconds: m.seconds.toFixed(1), 'peak RSS MB': m.rssMb.toFixed(0), detail: 'whole process: node start, query, render' });
  }
  let peer = null;
  if (has('sqlite3')) {
    const m = measure('sqlite3', ['-readonly', dbPath], { input: peerSql });
    peer = m;
    results.push({ run: 'sqlite3 CLI: same RFM query', seconds: m.seconds.toFixed(1), 'peak RSS MB': m.rssMb.toFixed(0), detail: 'one SQL statement, window RANK()' });
    const peerCells = Object.fromEntries(m.stdout.trim().split('\n').map((l) => l.split('|')).map(([c, n]) => [c, Number(n)]));
    const same = JSON.stringify(Object.entries(peerCells).sort()) === JSON.stringify(Object.entries(runs.rfm.cells).sort());
    results.push({ run: 'RFM cells identical to the peer', seconds: '', 'peak RSS MB': '', detail: same ? 'yes' : 'NO — results differ' });
    if (!same) process.exitCode = 1;
  } else {
    results.push({ run: 'sqlite3 CLI', seconds: 'n/a', 'peak RSS MB': 'n/a', detail: 'install with apt-get install sqlite3' });
  }
  if (cli.rfm.json.customers !== runs.rfm.entities) {
    console.error(`custops segment rfm counted ${cli.rfm.json.customers} customers, the stage ${runs.rfm.entities}`);
    process.exitCode = 1;
  }
  console.log(`\nSegmentation over ${ORDERS.toLocaleString()} orders / ${CUSTOMERS.toLocaleString()} customers (${runs.rfm.entities.toLocaleString()} entities with paid orders, as of ${AS_OF})${genSeconds ? `; store built in ${genSeconds.toFixed(0)} s` : ''}`);
  printTable('runs (each a separate process; peak RSS from /usr/bin/time -v)', results);
  if (peer) {
    console.log(`\nRFM vs the sqlite3 CLI (target ≤ 2×): stage ${(runs.rfm.seconds.rfm / peer.seconds).toFixed(2)}×, whole \`custops segment rfm\` process ${(cli.rfm.seconds / peer.seconds).toFixed(2)}×`);
    const all = cli.rfm.seconds + cli.tiers.seconds + cli.lifecycle.seconds;
    console.log(`rfm + tiers + lifecycle: three commands ${all.toFixed(1)} s, one facts pass ${Number(runs.shared.seconds.facts + runs.shared.seconds.rfm + runs.shared.seconds.tiers + runs.shared.seconds.lifecycle).toFixed(1)} s`);
  }
  console.log(`value tiers: ${runs.shared.tiers} (${runs.shared.tierEntities.toLocaleString()} entities); churn warnings: ${runs.shared.warnings.toLocaleString()}`);
  console.log(`load average (1/5/15 min) before ${loadBefore}, after ${load()} on ${(await import('node:os')).cpus().length} cores — a shared machine inflates all timings alike`);
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await main();
