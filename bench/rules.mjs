// Rules, service levels and KPIs on a generated demo store: ingest once, then time `rules test`
// (evaluate), `rules run` twice (the second creates nothing), SLA evaluation and the KPIs, plus the
// working-time arithmetic alone. Prints seconds per step and peak RSS.
// Usage: npx tsc -p tsconfig.build.json && node bench/rules.mjs [people]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoDataset } from '../dist/demo/dataset.js';
import { openStore } from '../dist/store/db.js';
import { ingestFiles } from '../dist/ingest/import.js';
import { defaultNormaliseOptions } from '../dist/clean/index.js';
import { evaluateRules, runRules } from '../dist/rules/engine.js';
import { kpis } from '../dist/rules/kpi.js';
import { evaluateSla, slaSummary } from '../dist/service/sla.js';
import { defaultServiceConfig, workCalendar } from '../dist/service/config.js';
import { workingMinutesBetween } from '../dist/service/worktime.js';
import { printTable } from './lib.mjs';

const people = Number(process.argv[2] ?? 5000);
const asOf = '2025-06-30';
const dir = mkdtempSync(join(tmpdir(), 'custops-bench-rules-'));
const rows = [];
const time = (step, fn, count = () => '') => {
  const started = performance.now();
  const result = fn();
  rows.push({ step, seconds: ((performance.now() - started) / 1000).toFixed(2), result: count(result) });
  return result;
};

try {
  const started = performance.now();
  const { files } = await writeDemoDataset({ dir, asOf, people });
  const db = openStore(join(dir, 'store.db'));
  await ingestFiles(db, files, { normalise: { ...defaultNormaliseOptions, fixEmails: false } });
  const counts = Object.fromEntries(['customers', 'orders', 'feedback', 'tickets'].map((k) => [k, db.prepare(`SELECT COUNT(*) AS n FROM ${k}`).get().n]));
  rows.push({ step: 'generate + ingest', seconds: ((performance.now() - started) / 1000).toFixed(2), result: Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ') });

  const config = undefined; // all defaults
  time('rules test (evaluate)', () => evaluateRules(db, config, asOf), (e) => `${e.results.reduce((n, r) => n + r.candidates.length, 0)} candidates`);
  time('rules run (first)', () => runRules(db, config, asOf, { now: `${asOf}T09:00:00` }), (r) => `${r.created.length} created`);
  time('rules run (again)', () => runRules(db, config, asOf, { now: `${asOf}T09:05:00` }), (r) => `${r.created.length} created, ${r.existing} existed`);
  const tickets = time('service sla (evaluate)', () => evaluateSla(db, config, { now: `${asOf}T18:00:00` }), (t) => `${t.length} tickets`);
  time('service sla (summary)', () => slaSummary(tickets, 'tier', ['strategic', 'key', 'standard']), (s) => `attainment ${(s.at(-1).attainment * 100).toFixed(1)}%`);
  time('status --kpi', () => kpis(db, config, asOf), (k) => `clv ${k.clvMethod}, retention ${(k.retention.rate * 100).toFixed(1)}%`);

  const calendar = workCalendar(defaultServiceConfig());
  const base = Date.parse('2025-01-06T01:00:00Z');
  const n = 100_000;
  time('working minutes ×100k (spans ≤ 10 days)', () => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const from = base + ((i * 7919) % (300 * 1440)) * 60_000;
      sum += workingMinutesBetween(calendar, from, from + ((i * 104729) % (10 * 1440)) * 60_000);
    }
    return sum;
  }, () => `${n} intervals`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

printTable(`custops rules / service / KPIs — ${people} demo people`, rows);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
