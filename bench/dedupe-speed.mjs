// Dedupe speed on generated messy Chinese + English customers (about 1.6 records per person),
// 100k and 1M records by default, through the real pipeline: a CSV is written, `custops ingest`
// loads it into a temporary store, then `custops dedupe` is timed. Each step runs as its own
// process under /usr/bin/time, so seconds and peak RSS are per step.
// Usage: node bench/dedupe-speed.mjs [records ...] [--direct]
//   --direct: records straight into the engine in one process (no CSV, no store): the matching
//   engine alone.   Run `npx tsc -p tsconfig.build.json` first.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/custops.js');
const self = fileURLToPath(import.meta.url);
const direct = process.argv.includes('--direct');
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

async function writeCsv(path, records) {
  const { generateMessyCustomers } = await import('../dist/dedupe/generate.js');
  const { customers } = generateMessyCustomers({ people: Math.round(records / 1.6), seed: 11 });
  const out = createWriteStream(path);
  const cell = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  let buffer = '客户编号,姓名,手机,邮箱,公司,省份,城市,地址,生日\n';
  for (const c of customers) {
    buffer += [`G${c.person}-${c.id}`, c.name, c.phone, c.email, c.company, c.province, c.city, c.address, c.birthDate].map(cell).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return customers.length;
}

/** Runs a command under /usr/bin/time; returns seconds (wall and CPU), peak RSS and stdout. */
function timed(args, label, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, '--max-old-space-size=16000', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const lines = r.stderr.trim().split('\n');
  const [seconds, user, system, kb] = lines.pop().split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${lines.slice(-5).join('\n')}`);
  return { seconds, cpuSeconds: Math.round((user + system) * 10) / 10, rssMiB: Math.round(kb / 1024), stdout: r.stdout };
}

if (process.env.DEDUPE_SPEED_CSV) {
  // child: write the CSV (keeps the generator's memory out of the measured processes)
  await writeCsv(process.env.DEDUPE_SPEED_CSV, Number(process.env.DEDUPE_SPEED_RECORDS));
} else if (process.env.DEDUPE_SPEED_DIRECT) {
  // child: the engine alone on records in memory
  const { generateMessyCustomers } = await import('../dist/dedupe/generate.js');
  const { dedupe } = await import('../dist/dedupe/engine.js');
  const { records } = generateMessyCustomers({ people: Math.round(Number(process.env.DEDUPE_SPEED_DIRECT) / 1.6), seed: 11 });
  const result = dedupe(records);
  console.log(JSON.stringify({ stats: result.stats, clusters: result.clusters.length, review: result.review.length }));
} else {
  const rows = [];
  for (const n of sizes.length ? sizes : [100_000, 1_000_000]) {
    const loadBefore = load();
    if (direct) {
      const r = timed([self], `engine ${n}`, { DEDUPE_SPEED_DIRECT: String(n) });
      rows.push({ records: n, ...fromStats(JSON.parse(r.stdout.trim().split('\n').pop()).stats), dedupeSeconds: r.seconds, dedupeCpuSeconds: r.cpuSeconds, dedupeRssMiB: r.rssMiB, load: loadBefore });
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), 'custops-speed-'));
    try {
      const csv = join(dir, 'customers.csv');
      const db = join(dir, 'store.db');
      const gen = spawnSync(process.execPath, ['--max-old-space-size=16000', self], { env: { ...process.env, DEDUPE_SPEED_CSV: csv, DEDUPE_SPEED_RECORDS: String(n) }, encoding: 'utf8' });
      if (gen.status !== 0) throw new Error(`generate: ${gen.stderr}`);
      const ingest = timed([bin, '--db', db, '--quiet', 'ingest', csv], `ingest ${n}`);
      const run = timed([bin, '--db', db, '--format', 'json', 'dedupe'], `dedupe ${n}`);
      const summary = JSON.parse(run.stdout);
      const { default: Database } = await import('better-sqlite3');
      const store = new Database(db, { readonly: true });
      const stats = JSON.parse(store.prepare('SELECT stats FROM dedupe_runs WHERE id = ?').pluck().get(summary.dedupeRun));
      store.close();
      rows.push({
        records: summary.records,
        ingestSeconds: ingest.seconds,
        ingestRssMiB: ingest.rssMiB,
        ...fromStats(stats),
        clusters: summary.clusters,
        reviewPairs: summary.reviewPairs,
        dedupeSeconds: run.seconds,
        dedupeCpuSeconds: run.cpuSeconds,
        dedupeRssMiB: run.rssMiB,
        load: `${loadBefore} → ${load()}`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.table(rows);
  if (rows.length >= 2) {
    const [a, b] = [rows[0], rows[rows.length - 1]];
    console.log(`dedupe time ratio ${b.records}/${a.records} records: ${(b.dedupeSeconds / a.dedupeSeconds).toFixed(1)} (target ≤ 15 for 10× records); RSS ratio ${(b.dedupeRssMiB / a.dedupeRssMiB).toFixed(1)}`);
  }
  console.log('dedupeSeconds: wall time of the whole `custops dedupe` process (read store, match, write entities, evidence and undo log); dedupeCpuSeconds: its user + system CPU time (close to wall time on a quiet machine: matching is single-threaded); phases: engine seconds; load average (1 5 15 min) before → after per row.');
}

function fromStats(s) {
  return {
    candidatePairs: s.candidatePairs,
    pairsPerSecond: s.comparedPerSecond,
    phases: Object.entries(s.seconds).map(([k, v]) => `${k} ${v}`).join(', '),
  };
}
