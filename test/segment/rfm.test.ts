import { describe, expect, it } from 'vitest';
import type { EntityMetrics } from '../../src/segment/metrics.js';
import { eightTypeOf, parseScoreRange, rfm, RFM_PRESETS, segmentOf, summariseBy } from '../../src/segment/rfm.js';

const metric = (entityId: number, recencyDays: number, frequency: number, monetaryCents: number): EntityMetrics => ({
  entityId,
  firstDay: '2024-01-01',
  lastDay: '2024-12-31',
  recencyDays,
  frequency,
  monetaryCents,
  tenureDays: 400,
});

// Ten entities ranked the same way on all three measures; ties on frequency (2, 2) and (1, 1).
const fixture = [
  metric(1, 5, 10, 100000),
  metric(2, 10, 8, 80000),
  metric(3, 20, 6, 60000),
  metric(4, 30, 5, 50000),
  metric(5, 60, 4, 40000),
  metric(6, 90, 3, 30000),
  metric(7, 120, 2, 20000),
  metric(8, 200, 2, 15000),
  metric(9, 300, 1, 5000),
  metric(10, 400, 1, 1000),
];

describe('rfm scores', () => {
  it('scores hand-computed quintiles', () => {
    const { rows } = rfm(fixture);
    expect(rows.map((r) => r.cell)).toEqual(['555', '555', '444', '444', '333', '333', '222', '222', '111', '111']);
    expect(rows.map((r) => r.segment)).toEqual([
      'champions', 'champions', 'loyal', 'loyal', 'need_attention', 'need_attention', 'lost', 'lost', 'lost', 'lost',
    ]);
  });

  it('computes the means the eight-type model uses', () => {
    const { means, rows } = rfm(fixture);
    expect(means).toEqual({ recencyDays: 123.5, frequency: 4.2, monetaryCents: 40100 });
    expect(rows.map((r) => r.type8)).toEqual([
      'important_value', 'important_value', 'important_value', 'important_value',
      'general_develop', 'general_develop', 'general_develop', 'general_retain', 'general_retain', 'general_retain',
    ]);
  });

  it('refuses samples below the minimum', () => {
    expect(() => rfm(fixture, { minSample: 11 })).toThrow(/at least 11 customers with paid orders, found 10/);
  });

  it('summarises segments with shares and averages', () => {
    const summary = summariseBy(rfm(fixture).rows, 'segment');
    expect(summary.map((s) => s.segment)).toEqual(['champions', 'loyal', 'need_attention', 'lost']);
    expect(summary[0]).toEqual({
      segment: 'champions',
      customers: 2,
      share: 0.2,
      revenueCents: 180000,
      revenueShare: 180000 / 401000,
      avgRecencyDays: 7.5,
      avgFrequency: 9,
      avgMonetaryCents: 90000,
    });
    expect(summary[3]).toMatchObject({ customers: 4, share: 0.4, revenueCents: 41000, avgFrequency: 1.5 });
  });
});

describe('standard R×F map (first match wins)', () => {
  const expected: Record<string, string> = {
    '51': 'new', '52': 'potential_loyalist', '53': 'potential_loyalist', '54': 'champions', '55': 'champions',
    '41': 'promising', '42': 'potential_loyalist', '43': 'potential_loyalist', '44': 'loyal', '45': 'loyal',
    '31': 'about_to_sleep', '32': 'about_to_sleep', '33': 'need_attention', '34': 'loyal', '35': 'loyal',
    '21': 'hibernating', '22': 'hibernating', '23': 'at_risk', '24': 'at_risk', '25': 'cant_lose',
    '11': 'hibernating', '12': 'hibernating', '13': 'at_risk', '14': 'at_risk', '15': 'cant_lose',
  };
  for (const [rf, segment] of Object.entries(expected)) {
    it(`R${rf[0]} F${rf[1]} (M 3) → ${segment}`, () => {
      expect(segmentOf(Number(rf[0]), Number(rf[1]), 3, RFM_PRESETS.standard)).toBe(segment);
    });
  }
  it('sends low-spending hibernators to Lost', () => {
    expect(segmentOf(1, 1, 1, RFM_PRESETS.standard)).toBe('lost');
    expect(segmentOf(2, 2, 2, RFM_PRESETS.standard)).toBe('lost');
    expect(segmentOf(2, 1, 3, RFM_PRESETS.standard)).toBe('hibernating');
  });
  it('falls back to Others when custom rules leave a gap', () => {
    const rules = [{ name: 'vip', r: parseScoreRange('4-5'), f: parseScoreRange(5), m: parseScoreRange('5') }];
    expect(segmentOf(5, 5, 5, rules)).toBe('vip');
    expect(segmentOf(5, 4, 5, rules)).toBe('others');
  });
  it('r-rfm preset uses R rfm bounds', () => {
    expect(segmentOf(5, 1, 1, RFM_PRESETS['r-rfm'])).toBe('potential_loyalist');
    expect(segmentOf(1, 5, 5, RFM_PRESETS['r-rfm'])).toBe('at_risk');
    expect(segmentOf(3, 5, 1, RFM_PRESETS['r-rfm'])).toBe('others');
  });
});

describe('eight-type model', () => {
  const means = { recencyDays: 100, frequency: 3, monetaryCents: 1000 };
  const cases: [number, number, number, string][] = [
    [10, 5, 2000, 'important_value'],
    [10, 1, 2000, 'important_develop'],
    [200, 5, 2000, 'important_keep'],
    [200, 1, 2000, 'important_retain'],
    [10, 5, 500, 'general_value'],
    [10, 1, 500, 'general_develop'],
    [200, 5, 500, 'general_keep'],
    [200, 1, 500, 'general_retain'],
    // exactly at the mean counts as below on every axis
    [100, 3, 1000, 'general_retain'],
  ];
  for (const [recencyDays, frequency, monetaryCents, type] of cases) {
    it(`R ${recencyDays} F ${frequency} M ${monetaryCents} → ${type}`, () => {
      expect(eightTypeOf({ recencyDays, frequency, monetaryCents }, means)).toBe(type);
    });
  }
});

describe('parseScoreRange', () => {
  it('reads single scores and ranges', () => {
    expect(parseScoreRange('4-5')).toEqual([4, 5]);
    expect(parseScoreRange(3)).toEqual([3, 3]);
    expect(() => parseScoreRange('5-4')).toThrow(/upper bound below lower/);
    expect(() => parseScoreRange('0-6')).toThrow(/bad score range/);
  });
});
