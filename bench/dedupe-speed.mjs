// Dedupe speed on generated Chinese + English customers: 100k and 1M records by default.
// Usage: node bench/dedupe-speed.mjs [--store] [records ...]   (run `npx tsc -p tsconfig.build.json` first)
// --store: customers are written to a temporary SQLite store first and the timed part is what
// `custops dedupe` does (read the store, match, write entities, evidence and undo log).
// Each size runs in a child process so peak RSS is measured per size.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
if (process.env.DEDUPE_SPEED_CHILD) {
  const { generateMessyCustomers } = await import('../dist/dedupe/generate.js');
  const { dedupe } = await import('../dist/dedupe/engine.js');
  const records = Number(process.env.DEDUPE_SPEED_CHILD);
  const g0 = performance.now();
  // about 1.6 records per person
  const { records: list } = generateMessyCustomers({ people: Math.round(records / 1.6), seed: 11 });
  const genSeconds = (performance.now() - g0) / 1000;
  let result;
  let storeSeconds = null;
  let cpuStart = process.cpuUsage();
  if (process.env.DEDUPE_SPEED_STORE) {
    const { applyDedupe, matchStore } = await import('../dist/dedupe/apply.js');
    const { defaultDedupeConfig } = await import('../dist/dedupe/config.js');
    const { openStore } = await import('../dist/store/db.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'custops-speed-'));
    const db = openStore(join(dir, 'store.db'));
    db.prepare("INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES (1, 'g.csv', 'g.csv', 'x', 1, 'customers', 'csv', '2024-01-01')").run();
    const insert = db.prepare('INSERT INTO customers (id, source_id, line, row_hash, name, name_norm, phone_e164, email_norm, company, province_norm, city_norm, address, birth_date_norm, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const r of list) insert.run(r.id, r.id, String(r.id), r.name, r.name, r.phone, r.email, r.company, r.province, r.city, r.address, r.birthDate, r.updatedAt);
    })();
    list.length = 0;
    const s0 = performance.now();
    cpuStart = process.cpuUsage();
    const config = defaultDedupeConfig();
    result = matchStore(db, config);
    applyDedupe(db, result, config);
    storeSeconds = +((performance.now() - s0) / 1000).toFixed(1);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    result = dedupe(list);
  }
  const cpu = process.cpuUsage(cpuStart);
  const s = result.stats;
  console.log(
    JSON.stringify({
      records: s.records,
      seconds: storeSeconds ?? s.seconds.total,
      engineSeconds: s.seconds.total,
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      phases: s.seconds,
      candidatePairs: s.candidatePairs,
      pairsPerSecond: s.comparedPerSecond,
      clusters: result.clusters.length,
      review: result.review.length,
      generateSeconds: +genSeconds.toFixed(1),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else {
  const rows = [];
  for (const n of sizes.length ? sizes : [100_000, 1_000_000]) {
    const out = execFileSync(process.execPath, ['--max-old-space-size=16000', fileURLToPath(import.meta.url)], {
      env: { ...process.env, DEDUPE_SPEED_CHILD: String(n), ...(process.argv.includes('--store') ? { DEDUPE_SPEED_STORE: '1' } : {}) },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const r = JSON.parse(out.trim().split('\n').pop());
    rows.push({ ...r, phases: Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(', ') });
  }
  console.table(rows);
  if (rows.length >= 2) console.log(`time ratio ${rows[rows.length - 1].records}/${rows[0].records}: ${(rows[rows.length - 1].seconds / rows[0].seconds).toFixed(1)}`);
}
