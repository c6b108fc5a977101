import { describe, expect, it } from 'vitest';
import { compileCondition, conditionFields } from '../../src/segment/condition.js';

describe('condition language', () => {
  it('compares numbers with and / or / not and parentheses', () => {
    const c = compileCondition('spend >= 1000 and (orders > 3 or not vip == "no")');
    expect(c({ spend: 1000, orders: 4, vip: 'no' })).toBe(true);
    expect(c({ spend: 1000, orders: 3, vip: 'no' })).toBe(false);
    expect(c({ spend: 1000, orders: 3, vip: 'yes' })).toBe(true);
    expect(c({ spend: 999.99, orders: 9, vip: 'yes' })).toBe(false);
  });

  it('reads 万 / 亿 and thousands separators, ≥ ≤ and symbol operators', () => {
    expect(compileCondition('x >= 500万')({ x: 5_000_000 })).toBe(true);
    expect(compileCondition('x ≥ 1亿')({ x: 99_999_999 })).toBe(false);
    expect(compileCondition('x == 1,000,000 && y <> 2')({ x: 1e6, y: 3 })).toBe(true);
    expect(compileCondition('x < 1_000 || !(y = 2)')({ x: 5000, y: 2 })).toBe(false);
  });

  it('matches text including Chinese', () => {
    const c = compileCondition("province == '广东' and city != \"深圳\"");
    expect(c({ province: '广东', city: '广州' })).toBe(true);
    expect(c({ province: '广东', city: '深圳' })).toBe(false);
  });

  it('treats a comparison with a missing value as false', () => {
    const c = compileCondition('annual_revenue >= 100');
    expect(c({ annual_revenue: null })).toBe(false);
    expect(compileCondition('not annual_revenue >= 100')({})).toBe(true);
  });

  it('names the column of a syntax error and unknown fields', () => {
    expect(() => compileCondition('spend >= ')).toThrow(/column 10: expected a field, number or string but found end of condition/);
    expect(() => compileCondition('spend >= 1 and', ['spend'])).toThrow(/column 15/);
    expect(() => compileCondition('spent >= 1', ['spend', 'orders'])).toThrow(/unknown field spent; known fields: spend, orders/);
    expect(() => compileCondition('spend')).toThrow(/a value on its own is not a condition/);
    expect(() => compileCondition('spend >= 1; drop table')).toThrow(/unexpected ";"/);
  });

  it('lists the fields a condition reads', () => {
    expect(conditionFields('a > 1 and (b < 2 or not c == "x")').sort()).toEqual(['a', 'b', 'c']);
  });
});
