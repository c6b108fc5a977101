import { describe, expect, it } from 'vitest';
import { assignTiers, compileTierSet, DEFAULT_TIER_SETS, tierFields, type EntityProfile } from '../../src/segment/tiers.js';

const asOf = '2025-06-30';
const profile = (entityId: number, p: Partial<EntityProfile>): EntityProfile => ({
  entityId,
  annualRevenueCents: null,
  registeredDay: null,
  firstDay: null,
  lastDay: null,
  orders: 0,
  spendCents: 0,
  orders12m: 0,
  spend12mCents: 0,
  ...p,
});

describe('default B2B value tiers', () => {
  const profiles = [
    profile(1, { annualRevenueCents: 600_000_000, registeredDay: '2021-06-30' }), // 6M yuan, 4 years
    profile(2, { annualRevenueCents: 600_000_000, registeredDay: '2023-01-01' }), // 6M, 2.5 years → not yet strategic
    profile(3, { annualRevenueCents: 500_000_000, registeredDay: '2022-06-30' }), // exactly 5M and 3 years
    profile(4, { annualRevenueCents: 100_000_000 }), // exactly 1M
    profile(5, { annualRevenueCents: 99_999_999 }), // 999,999.99
    profile(6, { spend12mCents: 150_000_000, firstDay: '2024-09-01', lastDay: '2025-06-01', orders: 3, spendCents: 150_000_000, orders12m: 3 }), // no imported revenue: 12-month spend 1.5M
    profile(7, {}),
  ];
  it('assigns the first matching tier', () => {
    const result = assignTiers(profiles, { value: DEFAULT_TIER_SETS.value }, asOf);
    expect(result.map((r) => r.tiers.value)).toEqual(['战略客户', '重点客户', '战略客户', '重点客户', '普通客户', '重点客户', '普通客户']);
  });
  it('measures years from the earlier of registration and first order', () => {
    const f = tierFields(profile(1, { registeredDay: '2022-07-01', firstDay: '2020-06-30', lastDay: '2025-01-01' }), asOf);
    expect(f.years).toBeCloseTo(5, 2);
    expect(f.recency_days).toBe(180);
  });
});

describe('loyalty tiers by 12-month spend', () => {
  it('splits at the documented yuan thresholds', () => {
    const spends = [2_000_000, 1_999_999, 500_000, 100_000, 99_999];
    const result = assignTiers(spends.map((s, i) => profile(i, { spend12mCents: s })), { loyalty: DEFAULT_TIER_SETS.loyalty }, asOf);
    expect(result.map((r) => r.tiers.loyalty)).toEqual(['铂金卡', '金卡', '金卡', '银卡', '普通会员']);
  });
});

describe('custom tier sets', () => {
  it('leave entities unmatched when no rule applies', () => {
    const set = { rules: [{ name: 'GD big', when: 'province == "广东" and spend >= 1万' }] };
    const result = assignTiers([profile(1, { province: '广东', spendCents: 1_000_000 }), profile(2, { province: '广东', spendCents: 999_999 })], { custom: set }, asOf);
    expect(result.map((r) => r.tiers.custom)).toEqual(['GD big', null]);
  });
  it('reject unknown fields with the tier named', () => {
    expect(() => compileTierSet('value', { rules: [{ name: 'A', when: 'revenue > 1' }] })).toThrow(/segment.tiers.value, tier A: .*unknown field revenue/);
  });
});
