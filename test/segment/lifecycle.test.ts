import { describe, expect, it } from 'vitest';
import { lifecycle, noOrderForMonths, valueAtRiskCents } from '../../src/segment/lifecycle.js';
import { computeMetrics, type OrderInput } from '../../src/segment/metrics.js';

const asOf = '2025-06-30';
const o = (entityId: number, day: string, amountCents: number, status: string | null = 'paid'): OrderInput => ({ entityId, day, amountCents, status });
const orders = [
  o(1, '2025-04-02', 1000), // tenure 89 → new
  o(2, '2025-04-01', 1000), // tenure 90 → no longer new …
  o(2, '2025-06-01', 1000), // … last order 29 days ago → active
  o(3, '2024-01-01', 1000),
  o(3, '2025-04-02', 1000), // recency 89 → active
  o(4, '2024-01-01', 1000),
  o(4, '2025-04-01', 1000), // recency 90 → sleeping; +3 months = 07-01 > as-of → no warning yet
  o(5, '2023-03-30', 366000),
  o(5, '2025-03-30', 366000), // +3 months = 06-30 → warning; spread over 732 days
  o(5, '2025-05-01', 500000, 'refunded'), // refund does not make them active
  o(6, '2024-07-01', 50000), // recency 364 → sleeping, warning, one order = one year of value
  o(7, '2024-06-30', 90000), // recency 365 → churned
];

describe('lifecycle', () => {
  const result = lifecycle(computeMetrics(orders, { asOf }), asOf);
  const stageOf = (id: number): string | undefined => result.rows.find((r) => r.entityId === id)?.stage;

  it('assigns stages at the documented boundaries', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(stageOf)).toEqual(['new', 'active', 'active', 'sleeping', 'sleeping', 'sleeping', 'churned']);
    expect(result.stages.map((s) => [s.stage, s.customers])).toEqual([['new', 1], ['active', 2], ['sleeping', 3], ['churned', 1]]);
  });

  it('warns after three calendar months without an order, biggest value at risk first', () => {
    expect(result.warnings.map((w) => [w.entityId, w.valueAtRiskCents])).toEqual([
      [5, 365000],
      [6, 50000],
    ]);
    expect(result.warningValueCents).toBe(415000);
    expect(result.rows.find((r) => r.entityId === 4)?.warning).toBe(false);
  });

  it('can include churned customers in the warning list', () => {
    const withChurned = lifecycle(computeMetrics(orders, { asOf }), asOf, { warnChurned: true, warningMonths: 4 });
    // four months: 5 (last 03-30) is not yet due, 7 is churned but listed, by value at risk
    expect(withChurned.warnings.map((w) => [w.entityId, w.stage])).toEqual([[7, 'churned'], [6, 'sleeping']]);
  });

  it('counts calendar months', () => {
    expect(noOrderForMonths('2025-03-31', '2025-06-30', 3)).toBe(true); // 03-31 + 3 months = 06-30
    expect(noOrderForMonths('2025-04-01', '2025-06-30', 3)).toBe(false);
    expect(valueAtRiskCents({ firstDay: '2025-01-01', lastDay: '2025-01-01', monetaryCents: 123 })).toBe(123);
  });
});
