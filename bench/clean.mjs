// Benchmark of the clean stage.
//   node bench/clean.mjs normalise [rows]   normaliseCustomer over generated ugly rows (no store)
//   node bench/clean.mjs clean [rows]       ingest-like insert of generated rows, then runClean over the store
// Run `npx tsc -p tsconfig.build.json` first. Prints rows/s and peak RSS.
import { normaliseCustomer, defaultNormaliseOptions } from '../dist/clean/index.js';

const mode = process.argv[2] ?? 'normalise';
const rows = Number(process.argv[3] ?? 1_000_000);

import { generateCustomer } from './clean-data.mjs';

function peakMb() {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0);
}

function table(rowsOut) {
  const keys = Object.keys(rowsOut[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rowsOut.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(keys));
  for (const r of rowsOut) console.log(line(keys.map((k) => r[k])));
}

if (mode === 'normalise') {
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
  table([{
    bench: 'normaliseCustomer', rows, 'wall s': seconds.toFixed(2), 'rows/s (wall)': Math.round(rows / seconds),
    'µs/row (cpu)': (cpuUs / rows).toFixed(2), 'rows/s (cpu)': Math.round(rows / (cpuUs / 1e6)), problems, 'peak RSS MB': peakMb(),
  }]);
} else if (mode === 'clean') {
  const { runCleanBench } = await import('./clean-store.mjs');
  await runCleanBench(rows, generateCustomer, table, peakMb);
} else {
  console.error('usage: node bench/clean.mjs normalise|clean [rows]');
  process.exit(2);
}
