import { describe, expect, it } from 'vitest';
import { kpis } from '../../src/rules/kpi.js';
import { addCustomer, addOrder, addTicket, configWith, memoryStore } from './store.js';

describe('KPIs (status --kpi, weekly report)', () => {
  function store() {
    const db = memoryStore();
    const a = addCustomer(db, { code: 'A' });
    addOrder(db, a, '2025-02-01', 10000);
    addOrder(db, a, '2025-05-01', 20000);
    const b = addCustomer(db, { code: 'B' });
    addOrder(db, b, '2025-01-15', 30000);
    const c = addCustomer(db, { code: 'C' });
    addOrder(db, c, '2025-06-01', 40000);
    const d = addCustomer(db, { code: 'D' });
    addOrder(db, d, '2025-03-01', 5000);
    addOrder(db, d, '2025-03-01', 5000);
    const e = addCustomer(db, { code: 'E' });
    addOrder(db, e, '2025-02-10', 10000);
    addOrder(db, e, '2025-05-01', 99000, 'cancelled');
    addTicket(db, a, { code: 'T1', opened: '2025-06-02T10:00:00', firstResponse: '2025-06-02T10:30:00' });
    addTicket(db, c, { code: 'T2', opened: '2025-06-03T10:00:00', firstResponse: '2025-06-03T16:00:00' });
    addTicket(db, c, { code: 'T0', opened: '2025-01-05T10:00:00', firstResponse: '2025-01-09T10:00:00' });
    return db;
  }

  it('retention, churn and repurchase from paid orders', () => {
    const k = kpis(store(), configWith(), '2025-06-30');
    // Bought in Jan–Mar: A, B, D, E; of them only A bought again in Apr–Jun.
    expect(k.retention).toEqual({ rate: 0.25, base: 4, count: 1 });
    expect(k.churn).toEqual({ rate: 0.75, base: 4, count: 3 });
    // Five buyers in 12 months; only A bought on two different days (D's two orders share a day).
    expect(k.repurchase).toEqual({ rate: 0.2, base: 5, count: 1 });
  });

  it('first response and SLA attainment over the period’s tickets', () => {
    const k = kpis(store(), configWith(), '2025-06-30');
    expect(k.firstResponse).toEqual({ averageMinutes: 195, tickets: 2 });
    // T1 answered in 30 min, T2 in 6 working hours (> 4): one of two met.
    expect(k.sla).toEqual({ rate: 0.5, base: 2, count: 1 });
  });

  it('CLV by value tier (historical spend when the models cannot be fitted)', () => {
    const k = kpis(store(), configWith(), '2025-06-30');
    expect(k.clvByTier.map((t) => [t.tier, t.tierEn, t.customers])).toEqual([
      ['战略客户', 'Strategic', 0],
      ['重点客户', 'Key', 0],
      ['普通客户', 'Regular', 5],
    ]);
    // One repeat buyer is too few for BG/NBD: the mean paid spend to date stands in.
    expect(k.clvMethod).toBe('historical');
    expect(k.clvByTier[2].valueCents).toBe((30000 + 30000 + 40000 + 10000 + 10000) / 5);
  });

  it('is empty but defined on an empty store', () => {
    const k = kpis(memoryStore(), configWith(), '2025-06-30');
    expect(k.retention.rate).toBeNull();
    expect(k.sla.rate).toBeNull();
    expect(k.firstResponse.averageMinutes).toBeNull();
    expect(k.clvMethod).toBe('historical');
  });
});
