// `npm run bench`: every speed benchmark, one after the other (each is also runnable alone).
// Builds dist/ first. Nothing here runs in `npm test`: timings belong on a quiet machine, not in CI.
//   npm run bench                 the full sizes the issues set (about 30–40 minutes on 2 cores)
//   BENCH_QUICK=1 npm run bench   a smaller run to check the scripts work (a few minutes)
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from './lib.mjs';

const quick = process.env.BENCH_QUICK === '1';
const runs = [
  ['ingest.mjs', [], { BENCH_SIZES: quick ? '20000,100000' : '100000,1000000' }],
  ['readers.mjs', [], { BENCH_ROWS: quick ? '100000' : '1000000' }],
  ['clean.mjs', ['clean', quick ? '100000' : '1000000'], {}],
  ['dedupe-speed.mjs', quick ? ['10000', '100000'] : ['100000', '1000000'], {}],
  ['segment.mjs', [], quick ? { SEGMENT_BENCH_ORDERS: '1000000', SEGMENT_BENCH_CUSTOMERS: '100000' } : {}],
  ['feedback.mjs', [quick ? '50000' : '200000'], {}],
  ['rules.mjs', [], {}],
];

const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = 0;
for (const [script, args, env] of runs) {
  console.log(`\n=== bench/${script} ${args.join(' ')} (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  const res = spawnSync(process.execPath, [join(root, 'bench', script), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    failed++;
    console.error(`bench/${script} exited with ${res.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
