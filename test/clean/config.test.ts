import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { section, yamlDoc } from '../../src/clean/config.js';
import { compileRules } from '../../src/clean/rules.js';

describe('clean config section', () => {
  it('the commented YAML says exactly the defaults', () => {
    expect(section.parse((parse(yamlDoc) as { clean: unknown }).clean)).toEqual(section.parse(undefined));
  });

  it('has the documented defaults', () => {
    const c = section.parse(undefined);
    expect(c).toMatchObject({ default_region: 'CN', day_first: false, infer_region_from_phone: true });
    expect(c.rules.customers.required).toEqual(['name', 'phone|email']);
    expect(c.rules.orders.unique).toEqual(['order_code']);
  });

  it.each([
    [{ default_region: 'china' }, 'default_region'],
    [{ rules: { customers: { patterns: { phone: '([' } } } }, 'invalid regular expression'],
    [{ rules: { orders: { ranges: { order_date: { max: 'tomorrow' } } } } }, 'YYYY-MM-DD or today'],
    [{ rules: { orders: { ranges: { amount: {} } } } }, 'give min, max or both'],
    [{ rules: { orders: { require: ['amount'] } } }, 'require'],
  ])('rejects %j', (input, message) => {
    const r = section.safeParse(input);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });
});

describe('compileRules', () => {
  const rules = section.parse({
    rules: {
      orders: {
        required: ['order_date', 'phone|email'],
        allowed: { status: ['paid', 'refunded'] },
        ranges: { amount: { min: 0.01, max: 100000 }, order_date: { min: '2020-01-01', max: 'today' } },
      },
    },
  }).rules.orders;
  const check = compileRules('orders', rules, '2025-06-30');
  const codes = (raw: Record<string, string | null>, values: Record<string, string | number | null>) =>
    check(raw, values).map((p) => `${p.field}:${p.problem}`);

  it('accepts a good record', () => {
    expect(codes({ order_date: '2025-03-05', email: 'a@qq.com', status: '已付款', amount: '12' }, { order_day: '2025-03-05', status_norm: 'paid', amount_cents: 1200 })).toEqual([]);
  });

  it('flags missing, disallowed and out-of-range values', () => {
    expect(codes({ order_date: '2026-01-01', status: '待付款', amount: '0' }, { order_day: '2026-01-01', status_norm: 'pending', amount_cents: 0 })).toEqual([
      'phone|email:required_missing',
      'status:value_not_allowed',
      'amount:out_of_range',
      'order_date:out_of_range',
    ]);
    expect(codes({ order_date: '2019-12-31', phone: '138', amount: '100000.01' }, { order_day: '2019-12-31', amount_cents: 10000001 })).toEqual([
      'amount:out_of_range',
      'order_date:out_of_range',
    ]);
  });

  it('leaves unreadable values to the normaliser problems', () => {
    expect(codes({ order_date: '2025-02-30', email: 'x@qq.com', amount: '面议' }, { order_day: null, amount_cents: null })).toEqual([]);
  });
});
