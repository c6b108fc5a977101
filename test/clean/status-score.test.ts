import { describe, expect, it } from 'vitest';
import { parseOrderStatus, parseScore } from '../../src/clean/index.js';

describe('parseOrderStatus', () => {
  it.each([
    ['已付款', 'paid'], ['已支付', 'paid'], ['已完成', 'paid'], ['交易成功', 'paid'], ['已发货', 'paid'], ['待发货', 'paid'],
    ['交易成功(已评价)', 'paid'], ['paid', 'paid'], ['Completed', 'paid'], ['SHIPPED', 'paid'], ['Delivered', 'paid'],
    ['待付款', 'pending'], ['等待买家付款', 'pending'], ['未支付', 'pending'], ['Pending', 'pending'], ['unpaid', 'pending'],
    ['awaiting_payment', 'pending'],
    ['已取消', 'cancelled'], ['交易关闭', 'cancelled'], ['订单关闭', 'cancelled'], ['cancelled', 'cancelled'], ['Canceled', 'cancelled'],
    ['closed', 'cancelled'], ['VOID', 'cancelled'],
    ['已退款', 'refunded'], ['退款成功', 'refunded'], ['退货', 'refunded'], ['refunded', 'refunded'], ['Returned', 'refunded'],
    ['已付款 ', 'paid'], ['ＰＡＩＤ', 'paid'],
    ['', null], ['  ', null], ['-', null], ['发货中转', null], ['unknown status', null],
  ])('%j → %j', (input, expected) => {
    expect(parseOrderStatus(input)).toBe(expected);
  });
});

describe('parseScore', () => {
  it.each([
    ['9', 9], ['９', 9], ['9分', 9], ['9 分', 9], ['9/10', 9], [' 10 ', 10], ['0', 0], ['10分', 10], ['7 points', 7], ['8.0', 8],
  ])('NPS %j → %d', (input, value) => {
    expect(parseScore(input, 0, 10)).toEqual({ value });
  });

  it.each([
    ['11', 'out_of_range'], ['-1', 'out_of_range'], ['8/5', 'out_of_range'], ['abc', 'not_a_number'], ['非常满意', 'not_a_number'],
    ['9-10', 'not_a_number'],
  ])('NPS %j → null (%s)', (input, reason) => {
    expect(parseScore(input, 0, 10)).toEqual({ value: null, reason });
  });

  it.each([
    ['非常满意', 5], ['满意', 4], ['一般', 3], ['不满意', 2], ['非常不满意', 1], ['Very satisfied', 5], ['very dissatisfied', 1],
    ['Neutral', 3], ['4', 4], ['4.5', 4.5], ['5星', 5], ['3 stars', 3], ['4/5', 4],
  ])('CSAT %j → %d', (input, value) => {
    expect(parseScore(input, 1, 5)).toEqual({ value });
  });

  it.each([
    ['非常方便', 7], ['比较容易', 6], ['一般', 4], ['比较困难', 3], ['不方便', 2], ['非常困难', 1], ['Strongly agree', 7], ['very difficult', 1], ['5', 5],
  ])('CES (1–7) %j → %d', (input, value) => {
    expect(parseScore(input, 1, 7)).toEqual({ value });
  });

  it('reads effort words only on a 1–7 scale and satisfaction words only on 1–5', () => {
    expect(parseScore('非常方便', 1, 5)).toEqual({ value: null, reason: 'not_a_number' });
    expect(parseScore('非常满意', 1, 7)).toEqual({ value: null, reason: 'not_a_number' });
  });

  it.each([[''], ['无'], [null]])('empty %j', (input) => {
    expect(parseScore(input, 1, 5)).toEqual({ value: null, reason: 'empty' });
  });
});
