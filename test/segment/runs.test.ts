import { describe, expect, it } from 'vitest';
import { clv as pureClv, clvInputsFromOrders } from '../../src/segment/clv.js';
import { dayString } from '../../src/segment/dates.js';
import { lifecycle } from '../../src/segment/lifecycle.js';
import { matrixInputs, valueGrowthMatrix } from '../../src/segment/matrix.js';
import { computeMetrics } from '../../src/segment/metrics.js';
import { pareto } from '../../src/segment/pareto.js';
import { Random } from '../../src/segment/random.js';
import { rfm, RFM_PRESETS, summariseBy } from '../../src/segment/rfm.js';
import { runCluster } from '../../src/segment/run-cluster.js';
import { runClv } from '../../src/segment/run-clv.js';
import { runLifecycle } from '../../src/segment/run-lifecycle.js';
import { runMatrix } from '../../src/segment/run-matrix.js';
import { runPareto } from '../../src/segment/run-pareto.js';
import { runRfm } from '../../src/segment/run-rfm.js';
import { runTiers } from '../../src/segment/run-tiers.js';
import { DEFAULT_TIER_SETS } from '../../src/segment/tiers.js';
import { addCustomers, addOrders, asOrderInputs, memoryStore, type CustomerFixture, type OrderFixture } from './store-fixture.js';

const asOf = '2025-06-30';
const excludeStatuses = ['cancelled', 'refunded'];

// 300 customers; every fifth pair shares an entity; orders over 2.5 years with mixed statuses.
const rng = new Random(17);
const provinces = ['广东', '北京', '上海', null];
const customers: CustomerFixture[] = Array.from({ length: 300 }, (_, k) => {
  const id = k + 1;
  return { id, entityId: id % 10 < 2 ? 1000 + Math.floor(k / 10) : null, province: provinces[k % 4], annualRevenueCents: k % 7 === 0 ? rng.int(800) * 1_000_000 : null, registered: k % 3 === 0 ? '2021-03-01' : null };
});
const orders: OrderFixture[] = [];
for (const c of customers) {
  const n = rng.int(8);
  for (let j = 0; j < n; j++) {
    const u = rng.uniform();
    orders.push({
      customerId: c.id,
      day: dayString(20089 + rng.int(900)), // 2025-01-01 − ~3 months … after as-of
      cents: 100 * (1 + rng.int(2000)),
      status: u < 0.08 ? 'refunded' : u < 0.12 ? 'cancelled' : u < 0.3 ? null : 'paid',
    });
  }
}
const db = memoryStore();
addCustomers(db, customers);
addOrders(db, orders);
const inputs = asOrderInputs(orders, customers);
const metrics = computeMetrics(inputs, { asOf });

describe('store runs agree with the pure models', () => {
  it('rfm', () => {
    const run = runRfm(db, { asOf, excludeStatuses, rules: RFM_PRESETS.standard, minSample: 10 });
    const pure = rfm(metrics, { rules: RFM_PRESETS.standard });
    const rows = [...run.rows()];
    expect(rows.length).toBe(pure.rows.length);
    expect(rows.map((r) => [r.entity_id, r.cell, r.segment, r.type8, r.monetary_cents])).toEqual(pure.rows.map((r) => [r.entityId, r.cell, r.segment, r.type8, r.monetaryCents]));
    expect(run.segments).toEqual(summariseBy(pure.rows, 'segment', [...RFM_PRESETS.standard.map((r) => r.name), 'others']));
    expect(run.means).toEqual(pure.means);
  });

  it('rfm quintiles equal the SQL RANK() formula', () => {
    const run = runRfm(db, { asOf, excludeStatuses, rules: RFM_PRESETS.standard, minSample: 10 });
    const byEntity = new Map([...run.rows()].map((r) => [r.entity_id, r]));
    db.exec('CREATE TEMP TABLE v (e INTEGER, rec INTEGER, f INTEGER, m INTEGER)');
    const ins = db.prepare('INSERT INTO v VALUES (?, ?, ?, ?)');
    for (const r of byEntity.values()) ins.run(r.entity_id, r.recency_days, r.frequency, r.monetary_cents);
    const sql = db.prepare(`SELECT e,
        (RANK() OVER (ORDER BY rec DESC) - 1) * 5 / COUNT(*) OVER () + 1 AS r,
        (RANK() OVER (ORDER BY f) - 1) * 5 / COUNT(*) OVER () + 1 AS f,
        (RANK() OVER (ORDER BY m) - 1) * 5 / COUNT(*) OVER () + 1 AS m FROM v`).all() as { e: number; r: number; f: number; m: number }[];
    for (const s of sql) expect(`${s.r}${s.f}${s.m}`).toBe(byEntity.get(s.e)!.cell);
  });

  it('rfm refuses a too small sample and breaks down by province', () => {
    expect(() => runRfm(db, { asOf, excludeStatuses, rules: RFM_PRESETS.standard, minSample: 100000 })).toThrow(/at least 100000/);
    const run = runRfm(db, { asOf, excludeStatuses, rules: RFM_PRESETS.standard, minSample: 10, by: 'province' });
    expect([...new Set(run.segments.map((s) => s.group))]).toEqual(['上海', '北京', '广东', '']);
    expect(run.segments.reduce((s, x) => s + x.customers, 0)).toBe(metrics.length);
    for (const g of ['上海', '北京', '广东', '']) {
      const shares = run.segments.filter((s) => s.group === g).reduce((s, x) => s + x.share, 0);
      expect(shares).toBeCloseTo(1, 12);
    }
  });

  it('lifecycle', () => {
    const run = runLifecycle(db, { asOf, excludeStatuses });
    const pure = lifecycle(metrics, asOf);
    expect(run.stages).toEqual(pure.stages);
    expect([...run.warnings()].map((w) => [w.entity_id, w.value_at_risk_cents])).toEqual(pure.warnings.map((w) => [w.entityId, w.valueAtRiskCents]));
    expect(run.warningValueCents).toBe(pure.warningValueCents);
  });

  it('pareto', () => {
    const run = runPareto(db, { asOf, excludeStatuses });
    const pure = pareto(metrics.map((m) => ({ entityId: m.entityId, revenueCents: m.monetaryCents })));
    expect(run.results[0].result).toEqual(pure.result);
    expect([...run.rows()].map((r) => [r.entity_id, r.abc, r.rank])).toEqual(pure.entities.map((e) => [e.entityId, e.cls, e.rank]));
  });

  it('matrix', () => {
    const run = runMatrix(db, { asOf, excludeStatuses, windowMonths: 6 });
    const pure = valueGrowthMatrix(matrixInputs(inputs, asOf, 6));
    expect(run.valueThresholdCents).toBe(pure.valueThresholdCents);
    expect(run.quadrants).toEqual(pure.quadrants);
    expect([...run.rows()].map((r) => [r.entity_id, r.quadrant, r.growth])).toEqual(pure.rows.map((r) => [r.entityId, r.quadrant, r.growth]));
  });

  it('clv', () => {
    const run = runClv(db, { asOf, excludeStatuses, unit: 'week' });
    const pure = pureClv(clvInputsFromOrders(inputs, asOf), asOf, { unit: 'week' });
    expect(run.model.bgnbd.params.r).toBeCloseTo(pure.model.bgnbd.params.r, 6);
    expect(run.totals.historicalCents).toBe(pure.totals.historicalCents);
    expect(run.totals.clvCents).toBe(pure.totals.clvCents);
    const top = run.top(3);
    expect(top[0].clv_cents).toBeGreaterThanOrEqual(top[1].clv_cents);
    expect([...run.rows()].map((r) => r.entity_id)).toEqual(pure.rows.map((r) => r.entityId));
  });

  it('cluster', () => {
    const run = runCluster(db, { asOf, excludeStatuses, seed: 1, extraFeatures: ['tenure_days', 'aov'] });
    expect(run.entities).toBe(metrics.length);
    expect(run.profiles.reduce((s, p) => s + p.customers, 0)).toBe(metrics.length);
    expect(Object.keys(run.profiles[0].extra)).toEqual(['aov', 'tenure_days']);
    const again = runCluster(db, { asOf, excludeStatuses, seed: 1, extraFeatures: ['tenure_days', 'aov'] });
    expect([...again.rows()].map((r) => r.cluster)).toEqual([...run.rows()].map((r) => r.cluster));
  });
});

describe('tiers over the store', () => {
  it('cover entities without orders and use the largest member revenue', () => {
    const small = memoryStore();
    addCustomers(small, [
      { id: 1, entityId: 7, annualRevenueCents: 200_000_000, registered: '2020-01-01' },
      { id: 2, entityId: 7, annualRevenueCents: 600_000_000 }, // the entity's revenue is 6M, registered 5 years
      { id: 3, annualRevenueCents: 600_000_000, registered: '2024-01-01' }, // 6M but 1.5 years
      { id: 4 }, // nothing known, no orders
      { id: 5 }, // revenue from 12 months of orders
    ]);
    addOrders(small, [
      { customerId: 5, day: '2025-01-01', cents: 150_000_000 },
      { customerId: 5, day: '2024-06-30', cents: 900_000_000 }, // 12 months ago exactly: outside the window
      { customerId: 5, day: '2025-02-01', cents: 10_000_000, status: 'refunded' },
    ]);
    const run = runTiers(small, { asOf, excludeStatuses, sets: DEFAULT_TIER_SETS });
    const rows = [...run.rows()];
    expect(rows.map((r) => [r.entity_id, r.tiers.value, r.tiers.loyalty])).toEqual([
      [-5, '重点客户', '铂金卡'],
      [-4, '普通客户', '普通会员'],
      [-3, '重点客户', '普通会员'],
      [7, '战略客户', '普通会员'],
    ]);
    expect(rows[0]).toMatchObject({ spend_cents: 1_050_000_000, spend_12m_cents: 150_000_000, orders: 2, orders_12m: 1 });
    const value = run.summary.filter((s) => s.set === 'value');
    expect(value.map((s) => [s.tier, s.customers, s.revenueCents])).toEqual([['战略客户', 1, 0], ['重点客户', 2, 1_050_000_000], ['普通客户', 1, 0]]);
    expect(run.entities).toBe(4);
  });
});

describe('order-only entities in tiers and CLV', () => {
  it('are tiered by their spend and get a CLV', () => {
    const small = memoryStore();
    const rows = [];
    for (let i = 0; i < 60; i++) {
      const code = `C${i % 20}`;
      rows.push({ customerId: null, code, day: dayString(20089 + ((i * 37) % 170)), cents: 1000 * (1 + (i % 7)) });
    }
    addOrders(small, rows);
    const tiers = [...runTiers(small, { asOf, excludeStatuses, sets: DEFAULT_TIER_SETS }).rows()];
    expect(tiers).toHaveLength(20);
    expect(tiers.every((r) => r.entity_id <= -1e12 && r.tiers.value === '普通客户')).toBe(true);
    const clvRun = runClv(small, { asOf, excludeStatuses });
    expect(clvRun.totals.customers).toBe(20);
    expect(clvRun.totals.historicalCents).toBe(rows.reduce((s, r) => s + r.cents, 0));
  });
});

describe('store tiers agree with the pure tier fields', () => {
  it('on the 300-customer fixture', async () => {
    const { assignTiers } = await import('../../src/segment/tiers.js');
    const run = runTiers(db, { asOf, excludeStatuses, sets: DEFAULT_TIER_SETS });
    const last12 = computeMetrics(inputs.filter((o) => o.day !== null && o.day > '2024-06-30'), { asOf });
    const byId = new Map(metrics.map((m) => [m.entityId, m]));
    const byId12 = new Map(last12.map((m) => [m.entityId, m]));
    const entities = new Map<number, CustomerFixture[]>();
    for (const c of customers) entities.set(c.entityId ?? -c.id, [...(entities.get(c.entityId ?? -c.id) ?? []), c]);
    const profiles = [...entities.entries()].sort((a, b) => a[0] - b[0]).map(([id, members]) => {
      const revenue = members.map((c) => c.annualRevenueCents).filter((v): v is number => v !== null && v !== undefined);
      const registered = members.map((c) => c.registered).filter((v): v is string => Boolean(v)).sort();
      const m = byId.get(id);
      const m12 = byId12.get(id);
      return {
        entityId: id,
        annualRevenueCents: revenue.length ? Math.max(...revenue) : null,
        registeredDay: registered[0] ?? null,
        firstDay: m?.firstDay ?? null,
        lastDay: m?.lastDay ?? null,
        orders: m?.frequency ?? 0,
        spendCents: m?.monetaryCents ?? 0,
        orders12m: m12?.frequency ?? 0,
        spend12mCents: m12?.monetaryCents ?? 0,
      };
    });
    const pure = assignTiers(profiles, DEFAULT_TIER_SETS, asOf);
    expect([...run.rows()].map((r) => [r.entity_id, r.tiers])).toEqual(pure.map((p) => [p.entityId, p.tiers]));
    expect(new Set(pure.map((p) => p.tiers.value)).size).toBe(3);
  });
});
