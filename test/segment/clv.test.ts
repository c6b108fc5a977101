import { describe, expect, it } from 'vitest';
import { clv, clvInputsFromOrders, predictClv, summaryOf, type ClvModel } from '../../src/segment/clv.js';
import { conditionalExpectedPurchases, probabilityAlive } from '../../src/segment/bgnbd.js';
import type { OrderInput } from '../../src/segment/metrics.js';
import { Random } from '../../src/segment/random.js';
import { dayString, dayNumber } from '../../src/segment/dates.js';

const o = (entityId: number, day: string, amountCents: number, status: string | null = null): OrderInput => ({ entityId, day, amountCents, status });

describe('CLV summaries (lifetimes semantics)', () => {
  const orders = [
    o(1, '2025-01-01', 1000),
    o(1, '2025-01-01', 500), // same day: one purchase of 15.00
    o(1, '2025-01-15', 2000),
    o(1, '2025-02-12', 4000),
    o(1, '2025-02-20', 9999, 'refunded'),
    o(2, '2025-03-01', 700),
    o(3, '2025-04-01', 100), // after as-of
  ];
  const inputs = clvInputsFromOrders(orders, '2025-03-26');

  it('counts purchase days and keeps the first day apart', () => {
    expect(inputs).toEqual([
      { entityId: 1, firstDay: '2025-01-01', lastDay: '2025-02-12', purchaseDays: 3, totalCents: 7500, firstDayCents: 1500 },
      { entityId: 2, firstDay: '2025-03-01', lastDay: '2025-03-01', purchaseDays: 1, totalCents: 700, firstDayCents: 700 },
    ]);
  });

  it('converts to frequency, recency, T (weeks) and mean repeat value', () => {
    expect(summaryOf(inputs[0], '2025-03-26', 'week')).toEqual({ x: 2, tx: 6, T: 12, m: 30 });
    expect(summaryOf(inputs[1], '2025-03-26', 'day')).toEqual({ x: 0, tx: 0, T: 25, m: 0 });
  });
});

describe('CLV prediction', () => {
  const model: ClvModel = {
    unit: 'week',
    bgnbd: { params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: 0, customers: 0, converged: true },
    gammaGamma: { params: { p: 6.25, q: 3.74, v: 15.45 }, logLikelihood: 0, customers: 0, converged: true },
  };
  const s = { x: 2, tx: 30.43, T: 38.86, m: 22.35 };

  it('without discounting is expected purchases × expected spend', () => {
    const p = predictClv(model, s, { horizonMonths: 12, annualDiscountRate: 0 });
    const weeks = (365.2425 / 7);
    const purchases = conditionalExpectedPurchases(model.bgnbd.params, weeks, s.x, s.tx, s.T);
    const average = (6.25 * (15.45 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1);
    expect(p.expectedPurchases).toBeCloseTo(purchases, 10);
    expect(p.clvCents).toBe(Math.round(purchases * average * 100));
    expect(p.expectedAverageCents).toBe(Math.round(average * 100));
    expect(p.probabilityAlive).toBeCloseTo(probabilityAlive(model.bgnbd.params, s.x, s.tx, s.T), 12);
  });

  it('discounts later months and scales by margin', () => {
    const plain = predictClv(model, s, { annualDiscountRate: 0 }).clvCents;
    const discounted = predictClv(model, s, { annualDiscountRate: 0.1 }).clvCents;
    expect(discounted).toBeLessThan(plain);
    expect(discounted).toBeGreaterThan(plain / 1.1);
    expect(predictClv(model, s, { annualDiscountRate: 0, margin: 0.3 }).clvCents).toBeCloseTo(plain * 0.3, -1);
  });
});

describe('CLV end to end on simulated orders', () => {
  it('fits from orders and totals the predictions', () => {
    const rng = new Random(21);
    const orders: OrderInput[] = [];
    const start = dayNumber('2024-01-01');
    for (let id = 1; id <= 800; id++) {
      const first = start + rng.int(180);
      const lambda = rng.gamma(0.8, 20); // purchases per day
      const p = rng.beta(1, 3);
      let day = first;
      orders.push(o(id, dayString(day), 1000 + rng.int(5000)));
      for (;;) {
        day += Math.ceil(rng.exponential(lambda));
        if (day > start + 364) break;
        orders.push(o(id, dayString(day), 1000 + rng.int(5000)));
        if (rng.uniform() < p) break;
      }
    }
    const result = clv(clvInputsFromOrders(orders, '2024-12-30'), '2024-12-30', { unit: 'week' });
    expect(result.rows).toHaveLength(800);
    expect(result.model.bgnbd.converged).toBe(true);
    expect(result.totals.customers).toBe(800);
    expect(result.totals.clvCents).toBe(result.rows.reduce((s, r) => s + r.clvCents, 0));
    expect(result.totals.historicalCents).toBe(orders.reduce((s, x) => s + (x.amountCents ?? 0), 0));
    const expectedMean = 35; // uniform 10–60 yuan per order
    const gg = result.model.gammaGamma.params;
    expect((gg.p * gg.v) / (gg.q - 1)).toBeGreaterThan(expectedMean * 0.8);
    expect((gg.p * gg.v) / (gg.q - 1)).toBeLessThan(expectedMean * 1.2);
    for (const r of result.rows) {
      expect(r.probabilityAlive).toBeGreaterThanOrEqual(0);
      expect(r.probabilityAlive).toBeLessThanOrEqual(1);
      expect(r.clvCents).toBeGreaterThanOrEqual(0);
    }
  });
});
