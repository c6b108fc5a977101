import { describe, expect, it } from 'vitest';
import { computeMetrics, type OrderInput } from '../../src/segment/metrics.js';

const o = (entityId: number, day: string | null, amountCents: number | null, status: string | null = null): OrderInput => ({ entityId, day, amountCents, status });

describe('computeMetrics', () => {
  const orders = [
    o(1, '2025-01-10', 10000, 'paid'),
    o(1, '2025-03-31', 5000), // on the as-of day: counts, recency 0
    o(1, '2025-04-01', 99900, 'paid'), // after as-of: ignored
    o(1, '2025-02-01', 70000, 'refunded'),
    o(2, '2025-03-01', 2000, 'pending'), // pending counts by default
    o(2, '2025-03-02', 3000, 'cancelled'),
    o(2, null, 4000, 'paid'), // no day: cannot be placed in time
    o(3, '2025-03-05', null, 'paid'), // missing amount counts as an order worth 0
    o(4, '2025-03-05', 100, 'refunded'), // only excluded orders: no row
  ];

  it('counts paid, pending and status-less orders up to and including the as-of day', () => {
    expect(computeMetrics(orders, { asOf: '2025-03-31' })).toEqual([
      { entityId: 1, firstDay: '2025-01-10', lastDay: '2025-03-31', recencyDays: 0, frequency: 2, monetaryCents: 15000, tenureDays: 80 },
      { entityId: 2, firstDay: '2025-03-01', lastDay: '2025-03-01', recencyDays: 30, frequency: 1, monetaryCents: 2000, tenureDays: 30 },
      { entityId: 3, firstDay: '2025-03-05', lastDay: '2025-03-05', recencyDays: 26, frequency: 1, monetaryCents: 0, tenureDays: 26 },
    ]);
  });

  it('moves with the as-of day', () => {
    const m = computeMetrics(orders, { asOf: '2025-04-01' });
    expect(m[0]).toMatchObject({ lastDay: '2025-04-01', frequency: 3, monetaryCents: 114900, recencyDays: 0 });
    expect(computeMetrics(orders, { asOf: '2025-01-09' })).toEqual([]);
  });

  it('can count refunds when asked', () => {
    const m = computeMetrics(orders, { asOf: '2025-03-31', excludeStatuses: ['cancelled'] });
    expect(m.find((x) => x.entityId === 1)?.monetaryCents).toBe(85000);
    expect(m.find((x) => x.entityId === 4)?.frequency).toBe(1);
  });
});
