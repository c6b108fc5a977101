import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDataset } from '../../src/demo/dataset.js';
import { makePerson, type Person } from '../../src/demo/people.js';
import { Random } from '../../src/demo/random.js';
import { ingestFiles } from '../../src/ingest/import.js';
import { defaultNormaliseOptions } from '../../src/clean/index.js';
import type { Db } from '../../src/store/db.js';
import { demoContractEnd, demoLevel } from '../../src/demo/tickets.js';
import { evaluateRules, runRules } from '../../src/rules/engine.js';
import { kpis } from '../../src/rules/kpi.js';
import { breaches, evaluateSla, slaSummary } from '../../src/service/sla.js';
import { tempDir } from '../helpers/bin.js';
import { configWith, memoryStore, taskCount } from './store.js';

const asOf = '2025-06-30';

/** The demo's people: writeDemoDataset draws them first from its seeded generator. */
function demoPersons(count: number, seed = 20251123): Person[] {
  const r = new Random(seed);
  const start = new Date(Date.parse(`${asOf}T00:00:00Z`) - 1100 * 86_400_000);
  return Array.from({ length: count }, (_, i) => makePerson(r, i, start));
}

let db: Db;
let ticketLines: string[];
let ticketBytes: Buffer;

beforeAll(async () => {
  const dir = tempDir('custops-rules-demo-');
  const { files } = await writeDemoDataset({ dir, asOf });
  const tickets = files.find((f) => f.endsWith('tickets.csv'));
  if (!tickets) throw new Error('the demo data set has no tickets.csv');
  ticketBytes = readFileSync(tickets);
  ticketLines = ticketBytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
  db = memoryStore();
  await ingestFiles(db, files, { normalise: { ...defaultNormaliseOptions, fixEmails: false } });
}, 60_000);

describe('demo tickets', () => {
  it('import as tickets with parsed times, linked to the demo customers', () => {
    expect([...ticketBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ticketLines[0]).toBe('工单号,客户编号,手机,创建时间,首次响应时间,解决时间,渠道,优先级,问题描述');
    const row = db.prepare(`SELECT COUNT(*) AS n, SUM(opened_ts IS NOT NULL) AS opened, SUM(customer_id IS NOT NULL) AS linked FROM tickets`).get() as Record<string, number>;
    expect(row.n).toBe(ticketLines.length - 1);
    expect(row.opened).toBe(row.n);
    expect(row.linked / row.n).toBeGreaterThan(0.9);
    expect(row.n).toBeGreaterThan(100);
  });

  it('give contract dates and levels that are stable per customer', () => {
    const people = demoPersons(240);
    const ends = people.map((p) => demoContractEnd(p, asOf));
    expect(ends).toEqual(people.map((p) => demoContractEnd(p, asOf)));
    const dated = ends.filter((d): d is string => d !== null);
    expect(dated.length / people.length).toBeGreaterThan(0.15);
    expect(dated.length / people.length).toBeLessThan(0.35);
    expect(dated.some((d) => d > asOf && d < '2025-07-30')).toBe(true);
    const levels = people.map(demoLevel);
    expect(new Set(levels)).toEqual(new Set(['黄金', '白银', '普通']));
  });
});

describe('rules, service levels and KPIs on the demo data', () => {
  it('fire the default rules and run idempotently', () => {
    const config = configWith();
    const fired = Object.fromEntries(evaluateRules(db, config, asOf).results.map((r) => [r.rule.id, r.candidates.length]));
    expect(fired['win-back']).toBeGreaterThan(5);
    expect(fired.complaint).toBeGreaterThan(5);
    const first = runRules(db, config, asOf, { now: `${asOf}T09:00:00` });
    expect(first.created.length).toBe(Object.values(fired).reduce((a, b) => a + b, 0));
    const second = runRules(db, config, asOf, { now: `${asOf}T09:01:00` });
    expect(second.created).toEqual([]);
    expect(taskCount(db)).toBe(first.created.length);
  });

  it('report SLA attainment by level and channel with some breaches', () => {
    const tickets = evaluateSla(db, configWith(), { now: `${asOf}T18:00:00` });
    const all = slaSummary(tickets, 'tier', ['strategic', 'key', 'standard']).at(-1)!;
    expect(all.tickets).toBe(tickets.length);
    expect(all.attainment).toBeGreaterThan(0.3);
    expect(all.attainment).toBeLessThan(1);
    expect(breaches(tickets).length).toBeGreaterThan(0);
    expect(slaSummary(tickets, 'channel').length).toBeGreaterThan(3);
  });

  it('compute the KPIs', () => {
    const k = kpis(db, configWith(), asOf);
    for (const r of [k.retention, k.churn, k.repurchase, k.sla]) {
      expect(r.base).toBeGreaterThan(0);
      expect(r.rate).toBeGreaterThan(0);
      expect(r.rate).toBeLessThan(1);
    }
    expect(k.retention.rate! + k.churn.rate!).toBeCloseTo(1);
    expect(k.firstResponse.averageMinutes).toBeGreaterThan(0);
    expect(k.clvByTier.reduce((n, t) => n + t.customers, 0)).toBeGreaterThan(100);
  });
});
