import { describe, expect, it } from 'vitest';
import { defaultNormaliseOptions, normaliseCustomer, normaliseFeedback, normaliseOrder } from '../../src/clean/index.js';

const o = defaultNormaliseOptions;

describe('normaliseCustomer', () => {
  it('normalises every column of an ugly Chinese row', () => {
    const { values, problems } = normaliseCustomer(
      {
        name: ' 張 偉 ', phone: '+86 138-1234-5678', email: ' ZhangWei@QQ.COM ', company: '深圳市华星科技有限公司',
        province: '廣東省', city: '深圳市', registered_at: '2025年3月5日', birth_date: '1990/1/2', contract_end: '45356',
        annual_revenue: '¥12.5万',
      },
      o,
    );
    expect(values).toEqual({
      name_norm: '張偉', name_key: '张伟', phone_e164: '+8613812345678', phone_ok: 1, email_norm: 'zhangwei@qq.com', email_ok: 1,
      email_suggest: null, company_key: '华星科技', province_norm: '广东', city_norm: '深圳', registered_date: '2025-03-05',
      birth_date_norm: '1990-01-02', contract_end_date: '2024-03-05', annual_revenue_cents: 12500000,
    });
    expect(problems).toEqual([]);
  });

  it('reports problems with stable codes and keeps going', () => {
    const { values, problems } = normaliseCustomer(
      { name: 'SMITH, John', phone: '1381234567', email: 'john@gmial.com', registered_at: '2025-02-30', annual_revenue: '面议', province: '火星' },
      o,
    );
    expect(values.name_norm).toBe('John Smith');
    expect(values.name_key).toBe('john smith');
    expect(values.phone_e164).toBeNull();
    expect(values.phone_ok).toBe(0);
    expect(values.email_norm).toBe('john@gmial.com');
    expect(values.email_ok).toBe(0);
    expect(values.email_suggest).toBe('john@gmail.com');
    expect(values.registered_date).toBeNull();
    expect(problems.map((p) => [p.field, p.problem])).toEqual([
      ['phone', 'phone_invalid'],
      ['email', 'email_typo'],
      ['province', 'province_unknown'],
      ['registered_at', 'date_invalid'],
      ['annual_revenue', 'money_invalid'],
    ]);
    expect(problems[1].suggestion).toBe('john@gmail.com');
    expect(problems[0].value).toBe('1381234567');
  });

  it('applies the email suggestion only with fixEmails', () => {
    const fixed = normaliseCustomer({ email: 'a@qq.con' }, { ...o, fixEmails: true });
    expect(fixed.values).toMatchObject({ email_norm: 'a@qq.com', email_ok: 1, email_suggest: 'a@qq.com' });
  });

  it('derives the name from family and given names', () => {
    expect(normaliseCustomer({ family_name: '王', given_name: '小明' }, o).values).toMatchObject({ name_norm: '王小明', name_key: '王小明' });
    expect(normaliseCustomer({ family_name: 'Smith', given_name: 'John' }, o).values).toMatchObject({ name_norm: 'John Smith', name_key: 'john smith' });
  });

  it('empty values are null with no problems and no phone_ok', () => {
    const { values, problems } = normaliseCustomer({ name: '', phone: ' ', email: '无', registered_at: null }, o);
    expect(values).toMatchObject({ name_norm: null, phone_e164: null, phone_ok: null, email_norm: null, email_ok: null, registered_date: null });
    expect(problems).toEqual([]);
  });

  it('fills a missing region from the address, the city, then a landline area code', () => {
    expect(normaliseCustomer({ address: '广东省深圳市南山区科技园1号' }, o).values).toMatchObject({ province_norm: '广东', city_norm: '深圳' });
    expect(normaliseCustomer({ city: '杭州' }, o).values).toMatchObject({ province_norm: '浙江', city_norm: '杭州' });
    expect(normaliseCustomer({ phone: '0755-88886666' }, o).values).toMatchObject({ province_norm: '广东', city_norm: '深圳' });
    expect(normaliseCustomer({ phone: '0755-88886666' }, { ...o, inferRegionFromPhone: false }).values).toMatchObject({
      province_norm: null,
      city_norm: null,
    });
    expect(normaliseCustomer({ phone: '13812345678' }, o).values).toMatchObject({ province_norm: null, city_norm: null });
  });

  it('flags a city outside its province', () => {
    const { problems } = normaliseCustomer({ province: '浙江', city: '深圳' }, o);
    expect(problems.map((p) => p.problem)).toEqual(['region_mismatch']);
  });

  it('uses the configured day order', () => {
    expect(normaliseCustomer({ registered_at: '05/03/2025' }, { ...o, dayFirst: true }).values.registered_date).toBe('2025-03-05');
    expect(normaliseCustomer({ registered_at: '05/03/2025' }, o).values.registered_date).toBe('2025-05-03');
  });
});

describe('normaliseOrder', () => {
  it('normalises an order row', () => {
    const { values, problems } = normaliseOrder(
      { order_date: '2025/3/5 14:30', amount: '¥1,234.50', status: '交易成功', quantity: '2件', phone: '13812345678', email: 'A@163.com' },
      o,
    );
    expect(values).toEqual({
      order_day: '2025-03-05', amount_cents: 123450, status_norm: 'paid', quantity_n: 2, phone_e164: '+8613812345678', email_norm: 'a@163.com',
    });
    expect(problems).toEqual([]);
  });

  it('treats an empty status as paid and reports unknown ones', () => {
    expect(normaliseOrder({ status: '' }, o).values.status_norm).toBe('paid');
    const unknown = normaliseOrder({ status: '发货中转', quantity: 'many', amount: '1,23,4' }, o);
    expect(unknown.values.status_norm).toBeNull();
    expect(unknown.problems.map((p) => p.problem)).toEqual(['quantity_invalid', 'money_invalid', 'status_unknown']);
  });
});

describe('normaliseFeedback', () => {
  it('normalises a survey row', () => {
    const { values, problems } = normaliseFeedback({ submitted_at: '2025-03-05 09:00', nps: '９分', csat: '非常满意', ces: '2', email: 'x@qq.com' }, o);
    expect(values).toEqual({ submitted_ts: '2025-03-05T09:00:00', nps_n: 9, csat_n: 5, ces_n: 2, phone_e164: null, email_norm: 'x@qq.com' });
    expect(problems).toEqual([]);
  });

  it('rejects out-of-range and fractional NPS', () => {
    const { values, problems } = normaliseFeedback({ nps: '11', csat: '4.5', ces: '9' }, o);
    expect(values).toMatchObject({ nps_n: null, csat_n: 4.5, ces_n: null });
    expect(problems.map((p) => [p.field, p.problem])).toEqual([
      ['nps', 'score_out_of_range'],
      ['ces', 'score_out_of_range'],
    ]);
    expect(normaliseFeedback({ nps: '8.5' }, o).problems[0].problem).toBe('score_invalid');
  });
});

describe('line-item orders (unit price × quantity)', () => {
  const o = defaultNormaliseOptions;
  it('computes the amount from unit price and quantity when the export has no amount column', () => {
    const line = normaliseOrder({ order_date: '12/1/2010 8:26', unit_price: '2.55', quantity: '6' }, o);
    expect(line.values.amount_cents).toBe(1530);
    expect(line.values.status_norm).toBe('paid');
    expect(normaliseOrder({ order_date: '2024-05-06', unit_price: '￥19.90', quantity: '3件' }, o).values.amount_cents).toBe(5970);
  });

  it('prefers the amount column when there is one, and prices one unit when the quantity is missing', () => {
    expect(normaliseOrder({ order_date: '2024-05-06', amount: '50.00', unit_price: '19.90', quantity: '3' }, o).values.amount_cents).toBe(5000);
    expect(normaliseOrder({ order_date: '2024-05-06', unit_price: '19.90' }, o).values.amount_cents).toBe(1990);
    // an amount cell holding only a placeholder gives no amount: the line is priced instead
    expect(normaliseOrder({ order_date: '2024-05-06', amount: '-', unit_price: '19.90', quantity: '2' }, o).values.amount_cents).toBe(3980);
  });

  it('reads a negative line without a status as a refund (a return or credit note)', () => {
    const credit = normaliseOrder({ order_date: '12/1/2010 9:41', unit_price: '27.5', quantity: '-1' }, o);
    expect(credit.values.amount_cents).toBe(-2750);
    expect(credit.values.status_norm).toBe('refunded');
    expect(normaliseOrder({ order_date: '2024-05-06', amount: '-10', status: '已付款' }, o).values.status_norm).toBe('paid');
  });

  it('flags an unreadable unit price on its own field', () => {
    const bad = normaliseOrder({ order_date: '2024-05-06', unit_price: 'abc', quantity: '2' }, o);
    expect(bad.values.amount_cents).toBeNull();
    expect(bad.problems.map((p) => [p.field, p.problem])).toEqual([['unit_price', 'money_invalid']]);
  });
});
