// `npm run bench:accuracy`: the accuracy checks on the real public data in ../shared/data (or
// $CUSTOPS_DATA): dedupe precision/recall/F1 on FEBRL and a generated Chinese+English set, sentiment
// accuracy with confusion matrices on the labelled review corpora, and the BG/NBD and Gamma-Gamma fits
// on CDNOW against the published parameters.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, root } from './lib.mjs';

if (!existsSync(dataDir)) {
  console.error(`bench:accuracy needs the public data sets in ${dataDir} (set CUSTOPS_DATA to their folder)`);
  process.exit(2);
}
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = 0;
for (const script of ['dedupe-accuracy.mjs', 'sentiment-accuracy.mjs', 'clv-cdnow.mjs']) {
  console.log(`\n=== bench/${script}`);
  const res = spawnSync(process.execPath, [join(root, 'bench', script)], { cwd: root, stdio: 'inherit', env: { ...process.env, CUSTOPS_DATA: dataDir } });
  if (res.status !== 0) {
    failed++;
    console.error(`bench/${script} exited with ${res.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
