// Benchmark of `custops clean` (run `npx tsc -p tsconfig.build.json` first).
//   node bench/clean.mjs [ROWS ...]         clean stores of ROWS ingested customers (default 100000 1000000)
//   node bench/clean.mjs normalise [ROWS]   normaliseCustomer alone over generated ugly rows (no store)
// Stores: ugly generated customers (bench/clean-data.mjs: ~30% of rows with a problem) loaded by the real
// `custops ingest`; with CLEAN_BENCH_SOURCE=ingest, the demo bulk CSV (tidy) instead.
// Each clean runs in a fresh child process: peak RSS is that process's (store open + three passes).
// The machine may be shared: the load average is printed with every size, and cpu s is shown beside wall s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultNormaliseOptions, normaliseCustomer } from '../dist/clean/index.js';
import { generateCustomer } from './clean-data.mjs';

const storeScript = fileURLToPath(new URL('./clean-store.mjs', import.meta.url));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function printTable(title, rows) {
  console.log(`\n${title}`);
  const keys = Object.keys(rows[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(i < 2 ? 0 : widths[i]).padEnd(widths[i])).join('  ');
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(keys.map((k) => r[k])));
}

function child(args) {
  const r = spawnSync(process.execPath, [storeScript, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`node bench/clean-store.mjs ${args.join(' ')} failed (${r.status})`);
  return r.stdout;
}

function benchNormalise(rows) {
  // Fresh rows in chunks (generation is not timed), so caches see a realistic stream, not one batch repeated.
  let problems = 0;
  let wallNs = 0n;
  let cpuUs = 0;
  for (let done = 0; done < rows; ) {
    const chunk = Array.from({ length: Math.min(10_000, rows - done) }, (_, i) => generateCustomer(done + i));
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const row of chunk) problems += normaliseCustomer(row, defaultNormaliseOptions).problems.length;
    wallNs += process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
    done += chunk.length;
  }
  const seconds = Number(wallNs) / 1e9;
  printTable(`normaliseCustomer alone (load average ${load()})`, [{
    bench: 'normaliseCustomer', rows, 'wall s': seconds.toFixed(2), 'rows/s wall': Math.round(rows / seconds),
    'µs/row cpu': (cpuUs / rows).toFixed(2), 'rows/s cpu': Math.round(rows / (cpuUs / 1e6)), problems,
    'peak RSS MB': (process.resourceUsage().maxRSS / 1024).toFixed(0),
  }]);
}

function benchStore(sizes) {
  const source = process.env.CLEAN_BENCH_SOURCE === 'ingest' ? 'ingest' : 'fill';
  const rows = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'custops-clean-bench-'));
    try {
      const db = join(dir, 'bench.db');
      const filled = performance.now();
      child([source, db, String(n)]);
      const fillSeconds = (performance.now() - filled) / 1000;
      const before = load();
      const passes = child(['run', db]).trim().split('\n').map((l) => JSON.parse(l));
      const after = load();
      for (const p of passes) {
        rows.push({
          records: n.toLocaleString('en'), pass: p.pass, processed: p.processed, normalised: p.normalised, updated: p.updated, 'wall s': p.wall.toFixed(2), 'cpu s': p.cpu.toFixed(2),
          'rows/s wall': p.processed ? Math.round(p.processed / p.wall) : '-', 'rows/s cpu': p.processed ? Math.round(p.processed / p.cpu) : '-',
          errors: p.errors, 'peak RSS MB': p.rssMb.toFixed(0), 'load avg 1/5/15 min': p === passes[0] ? `${before} → ${after}` : '',
        });
      }
      console.log(`${n} records: store prepared by '${source}' in ${fillSeconds.toFixed(1)} s (not timed)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(`custops clean over the store (source: ${source}; node ${process.version}; ${cpus().length} cores)`, rows);
  console.log('rows/s = records processed in the pass / seconds; peak RSS is cumulative within each size\'s process.');
}

const args = process.argv.slice(2);
if (args[0] === 'normalise') benchNormalise(Number(args[1] ?? 1_000_000));
else {
  const sizes = args.length > 0 ? args.map(Number) : [100_000, 1_000_000];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error('usage: node bench/clean.mjs [ROWS ...] | node bench/clean.mjs normalise [ROWS]');
    process.exit(2);
  }
  benchStore(sizes);
}
