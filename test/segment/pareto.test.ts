import { describe, expect, it } from 'vitest';
import { pareto } from '../../src/segment/pareto.js';

// Revenue in cents, total 1000; entity ids shuffled so ordering comes from revenue then id.
const items = [
  { entityId: 7, revenueCents: 100 },
  { entityId: 3, revenueCents: 500 },
  { entityId: 10, revenueCents: 5 },
  { entityId: 1, revenueCents: 200 },
  { entityId: 4, revenueCents: 80 },
  { entityId: 9, revenueCents: 5 },
  { entityId: 2, revenueCents: 50 },
  { entityId: 5, revenueCents: 30 },
  { entityId: 8, revenueCents: 20 },
  { entityId: 6, revenueCents: 10 },
];

describe('pareto / ABC', () => {
  const { result, entities } = pareto(items, { curvePoints: 5 });

  it('orders by revenue then entity id', () => {
    expect(entities.map((e) => e.entityId)).toEqual([3, 1, 7, 4, 2, 5, 8, 6, 9, 10]);
    expect(entities.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('classes by the cumulative share before each entity (70% / 90%)', () => {
    expect(entities.map((e) => e.cls).join('')).toBe('AABBBCCCCC');
    expect(result.classes).toEqual([
      { cls: 'A', customers: 2, customerShare: 0.2, revenueCents: 700, revenueShare: 0.7 },
      { cls: 'B', customers: 3, customerShare: 0.3, revenueCents: 230, revenueShare: 0.23 },
      { cls: 'C', customers: 5, customerShare: 0.5, revenueCents: 70, revenueShare: 0.07 },
    ]);
  });

  it('reports the top-20% share, the 80% point and the curve', () => {
    expect(result.topCustomers).toBe(2);
    expect(result.topRevenueShare).toBeCloseTo(0.7, 12);
    expect(result.customerShareFor80).toBeCloseTo(0.3, 12);
    const curve = result.curve.map((p) => [p.customerShare, Number(p.revenueShare.toFixed(6))]);
    expect(curve).toEqual([[0, 0], [0.2, 0.7], [0.4, 0.88], [0.6, 0.96], [0.8, 0.99], [1, 1]]);
  });

  it('copes with no revenue at all', () => {
    const r = pareto([{ entityId: 1, revenueCents: 0 }]).result;
    expect(r.classes[2].customers).toBe(1);
    expect(r.topRevenueShare).toBe(0);
  });

  it('samples the curve at most once per customer when there are few customers', () => {
    const r = pareto(items.slice(0, 3)).result;
    expect(r.curve.map((p) => p.customerShare)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
});
