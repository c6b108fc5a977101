import { describe, expect, it } from 'vitest';
import { parseDate, parseMoney } from '../../src/clean/index.js';

describe('parseDate', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['2025年03月05日', '2025-03-05'],
    ['2025 年 3 月 5 日', '2025-03-05'],
    ['２０２５年３月５日', '2025-03-05'],
    ['2025年3月5号', '2025-03-05'],
    ['2025年3月5日 星期三', '2025-03-05'],
    ['2025年3月5日（周三）', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['13/03/2025', '2025-03-13'],
    ['03/13/2025', '2025-03-13'],
    ['3/5/25', '2025-03-05'],
    ['5 Mar 2025', '2025-03-05'],
    ['05-Mar-2025', '2025-03-05'],
    ['5-MAR-25', '2025-03-05'],
    ['March 5, 2025', '2025-03-05'],
    ['Wed, March 5th 2025', '2025-03-05'],
    ['Sept 1, 2024', '2024-09-01'],
    ['45356', '2024-03-05'],
    ['45352', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2025-03-05 14:30', '2025-03-05T14:30:00'],
    ['2025/3/5 9:05:07', '2025-03-05T09:05:07'],
    ['2025-03-05T14:30:00', '2025-03-05T14:30:00'],
    ['2025-03-05T14:30:00.123', '2025-03-05T14:30:00'],
    ['2025-03-05 2:30 PM', '2025-03-05T14:30:00'],
    ['2025-03-05 12:10 am', '2025-03-05T00:10:00'],
    ['2025年3月5日 14:30', '2025-03-05T14:30:00'],
    ['2025年3月5日下午2点30分', '2025-03-05T14:30:00'],
    ['2025年3月5日 上午9时', '2025-03-05T09:00:00'],
    ['20250305143000', '2025-03-05T14:30:00'],
    ['45356.5', '2024-03-05T12:00:00'],
    // timestamps with a zone and epoch numbers are given in China time (+08:00)
    ['2025-03-05T10:00:00Z', '2025-03-05T18:00:00'],
    ['2025-03-05 23:30:00+00:00', '2025-03-06T07:30:00'],
    ['2025-03-05T10:00:00+08:00', '2025-03-05T10:00:00'],
    ['1741140000', '2025-03-05T10:00:00'],
    ['1741140000000', '2025-03-05T10:00:00'],
  ])('%j → %j', (input, iso) => {
    expect(parseDate(input)).toEqual({ iso });
  });

  it('reads ambiguous day/month in the configured order', () => {
    expect(parseDate('05/03/2025').iso).toBe('2025-05-03');
    expect(parseDate('05/03/2025', { dayFirst: true }).iso).toBe('2025-03-05');
    expect(parseDate('05.03.2025', { dayFirst: true }).iso).toBe('2025-03-05');
    expect(parseDate('13/03/2025', { dayFirst: false }).iso).toBe('2025-03-13');
    // one setting for the whole value set, with or without leading zeros: never a guess per cell
    expect(['5/6/2024', '06/05/2024', '5/6/2024 14:03'].map((d) => parseDate(d).iso)).toEqual(['2024-05-06', '2024-06-05', '2024-05-06T14:03:00']);
    expect(['5/6/2024', '06/05/2024', '5/6/2024 14:03'].map((d) => parseDate(d, { dayFirst: true }).iso)).toEqual(['2024-06-05', '2024-05-06', '2024-06-05T14:03:00']);
  });

  it('gives epoch numbers in another zone when asked', () => {
    expect(parseDate('1741140000', { utcOffsetMinutes: 0 }).iso).toBe('2025-03-05T02:00:00');
  });

  it.each([
    ['2025-02-30', 'impossible_date'],
    ['2025-02-29', 'impossible_date'],
    ['1900-02-29', 'impossible_date'],
    ['2025-13-01', 'impossible_date'],
    ['2025-04-31', 'impossible_date'],
    ['2025年2月30日', 'impossible_date'],
    ['31/02/2025', 'impossible_date'],
    ['20250230', 'impossible_date'],
    ['1850-01-01', 'implausible_year'],
    ['2025-03-05 25:00', 'impossible_time'],
    ['2025-03-05 13:00 PM', 'impossible_time'],
    ['2025-03', 'incomplete_date'],
    ['2025年3月', 'incomplete_date'],
    ['2025', 'incomplete_date'],
    ['foo', 'unparseable'],
    ['下周一', 'unparseable'],
    ['12345', 'unparseable'],
    ['99999', 'unparseable'],
    ['32/13/2025', 'impossible_date'],
  ])('%j → null (%s)', (input, reason) => {
    expect(parseDate(input)).toEqual({ iso: null, reason });
  });

  it.each([[''], [' '], ['无'], ['N/A'], [null]])('empty %j', (input) => {
    expect(parseDate(input)).toEqual({ iso: null, reason: 'empty' });
  });
});

describe('parseMoney', () => {
  it.each([
    ['1234.5', 123450, null],
    ['1234', 123400, null],
    ['0.01', 1, null],
    ['-5', -500, null],
    ['1,234.50', 123450, null],
    ['¥1,234.50', 123450, 'CNY'],
    ['￥1,234.50', 123450, 'CNY'],
    ['￥１２３', 12300, 'CNY'],
    ['RMB 1234', 123400, 'CNY'],
    ['CNY1,000', 100000, 'CNY'],
    ['人民币 88.8', 8880, 'CNY'],
    ['100元', 10000, 'CNY'],
    ['1234 RMB', 123400, 'CNY'],
    ['12.5万', 12500000, null],
    ['12.5万元', 12500000, 'CNY'],
    ['¥12.5万', 12500000, 'CNY'],
    ['1.2亿', 12000000000, null],
    ['3千', 300000, null],
    ['1.5k', 150000, null],
    ['(1,234.00)', -123400, null],
    ['（1,234.00）', -123400, null],
    ['-¥5', -500, 'CNY'],
    ['¥-5', -500, 'CNY'],
    ['1234-', -123400, null],
    ['−12.30', -1230, null],
    ['$12', 1200, 'USD'],
    ['US$ 1,000', 100000, 'USD'],
    ['USD 1,000.00', 100000, 'USD'],
    ['HK$88', 8800, 'HKD'],
    ['€3,50', 350, 'EUR'],
    ['3,50 €', 350, 'EUR'],
    ['£1,000.99', 100099, 'GBP'],
    ['1 234,56', 123456, null],
    ['1.234,56', 123456, null],
    ['1.234.567', 123456700, null],
    ["1'234.50", 123450, null],
    ['2,5', 250, null],
    ['1,234', 123400, null],
    ['1,234,567.891', 123456789, null],
    ['1.005', 101, null],
    ['0.125', 13, null],
    ['0.124', 12, null],
    ['-0.125', -13, null],
    ['19.99', 1999, null],
    ['.5', 50, null],
    ['0.1', 10, null],
    ['1234567.895', 123456790, null],
    ['9999999999999.99', 999999999999999, null],
    ['-0', 0, null],
    ['-0.00', 0, null],
    // from exports seen in the wild
    ['1,234.50元', 123450, 'CNY'],
    ['1.2万', 1200000, null],
    ['(123.00)', -12300, null],
    ['RMB 88', 8800, 'CNY'],
    ['$1,234.50', 123450, 'USD'],
    ['１２３', 12300, null],
    ['１，２３４．５０', 123450, null],
    ['¥(1,234.00)', -123400, 'CNY'],
    ['￥（1,234.00）', -123400, 'CNY'],
    ['+100', 10000, null],
    ['+¥100', 10000, 'CNY'],
  ])('%j → %d %s', (input, cents, currency) => {
    expect(parseMoney(input)).toEqual({ cents, currency });
  });

  it.each([
    ['1,23,4', 'ambiguous_separator'],
    ['1,2345', 'ambiguous_separator'],
    ['面议', 'unparseable'],
    ['万', 'unparseable'],
    ['abc', 'unparseable'],
    ['1.2.3', 'ambiguous_separator'],
    ['9007199254740993', 'too_large'],
    ['99999999999999.99', 'too_large'],
    ['¥99,999,999,999,999', 'too_large'],
  ])('%j → null (%s)', (input, reason) => {
    expect(parseMoney(input)).toMatchObject({ cents: null, reason });
  });

  it.each([[''], ['  '], ['-'], ['—'], ['无'], [null]])('empty %j', (input) => {
    expect(parseMoney(input)).toEqual({ cents: null, currency: null, reason: 'empty' });
  });

  it.each([['¥ -'], [' ￥ -   '], ['$ -'], ['¥']])('a currency sign over a dash (Excel accounting format) is empty, not zero: %j', (input) => {
    expect(parseMoney(input)).toMatchObject({ cents: null, reason: 'empty' });
  });
});
