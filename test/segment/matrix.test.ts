import { describe, expect, it } from 'vitest';
import { growthWindows, matrixInputs, valueGrowthMatrix } from '../../src/segment/matrix.js';
import type { OrderInput } from '../../src/segment/metrics.js';

const asOf = '2025-06-30';
const o = (entityId: number, day: string, amountCents: number, status: string | null = null): OrderInput => ({ entityId, day, amountCents, status });

const orders = [
  o(1, '2024-08-01', 1000),
  o(1, '2025-02-01', 3000),
  o(2, '2024-08-01', 5000),
  o(2, '2025-02-01', 1000),
  o(2, '2025-03-01', 7000, 'cancelled'),
  o(3, '2025-01-15', 500),
  o(4, '2023-01-01', 100),
  o(5, '2024-12-30', 200), // last day of the previous window
  o(5, '2024-06-30', 999), // before both windows: value only
  o(6, '2025-07-01', 9999), // after as-of: ignored
];

describe('value × growth matrix', () => {
  it('builds half-open windows from the as-of day', () => {
    expect(growthWindows(asOf, 6)).toEqual({ recentStart: '2024-12-30', previousStart: '2024-06-30' });
  });

  it('sums each window', () => {
    expect(matrixInputs(orders, asOf, 6)).toEqual([
      { entityId: 1, valueCents: 4000, recentCents: 3000, previousCents: 1000 },
      { entityId: 2, valueCents: 6000, recentCents: 1000, previousCents: 5000 },
      { entityId: 3, valueCents: 500, recentCents: 500, previousCents: 0 },
      { entityId: 4, valueCents: 100, recentCents: 0, previousCents: 0 },
      { entityId: 5, valueCents: 1199, recentCents: 0, previousCents: 200 },
    ]);
  });

  it('places entities in quadrants around the median value and zero growth', () => {
    const m = valueGrowthMatrix(matrixInputs(orders, asOf, 6));
    expect(m.valueThresholdCents).toBe(1199);
    expect(m.rows.map((r) => [r.entityId, r.growth, r.quadrant])).toEqual([
      [1, 2, 'high_value'],
      [2, -0.8, 'at_risk'],
      [3, null, 'growing'],
      [4, 0, 'potential'],
      [5, -1, 'at_risk'],
    ]);
    expect(m.quadrants.map((q) => [q.quadrant, q.customers, q.valueCents])).toEqual([
      ['high_value', 1, 4000],
      ['growing', 1, 500],
      ['at_risk', 2, 7199],
      ['potential', 1, 100],
    ]);
  });

  it('accepts a fixed value line in yuan and a growth threshold', () => {
    const m = valueGrowthMatrix(matrixInputs(orders, asOf, 6), { valueThreshold: 50, growthThreshold: 2 });
    expect(m.valueThresholdCents).toBe(5000);
    expect(m.rows.map((r) => r.quadrant)).toEqual(['potential', 'at_risk', 'growing', 'potential', 'potential']);
  });
});
