import { describe, expect, it } from 'vitest';
import { problemDetail } from '../../src/commands/clean.js';

describe('problemDetail: the stored English message in the reader language', () => {
  it.each([
    ['date_invalid', 'unreadable or impossible date (impossible_date)', 'unreadable or impossible date: no such day', '日期无法识别或不存在：没有这一天'],
    ['phone_invalid', 'invalid phone number (scientific_notation)', 'invalid phone number: Excel scientific notation, digits lost', '电话号码无效：Excel 科学计数法，位数已丢失'],
    ['phone_invalid', 'invalid phone number (missing_area_code)', 'invalid phone number: landline without area code', '电话号码无效：座机缺少区号'],
    ['money_invalid', 'unreadable amount (unparseable)', 'unreadable amount', '金额无法识别'],
    ['money_invalid', 'unreadable amount (ambiguous_separator)', 'unreadable amount: thousands and decimal separators unclear', '金额无法识别：千分位和小数点不明确'],
    ['out_of_range', 'below the minimum 0', 'out of the allowed range: below the minimum 0', '超出允许范围：低于最小值 0'],
    ['out_of_range', 'above the maximum 2025-06-30', 'out of the allowed range: above the maximum 2025-06-30', '超出允许范围：高于最大值 2025-06-30'],
    ['pattern_mismatch', 'does not match the pattern ^C\\d{6}$', 'does not match the pattern: ^C\\d{6}$', '不符合格式规则：^C\\d{6}$'],
    ['value_not_allowed', 'not one of: 男, 女', 'value not allowed: expected one of 男, 女', '不在允许的取值中：应为 男, 女 之一'],
    ['region_mismatch', 'city 上海 is in 上海, not in 北京', 'city not in the province: 上海 is in 上海, not 北京', '城市与省份不符：上海属于上海，不属于北京'],
    ['required_missing', 'required field name is empty', 'required field is empty', '必填字段为空'],
    ['email_typo', 'email domain looks like a typo of qq.com', 'email domain looks like a typo', '邮箱域名疑似拼写错误'],
    ['duplicate_value', null, 'duplicate value', '值重复'],
  ])('%s: %s', (problem, message, en, zh) => {
    expect(problemDetail('en', problem, message)).toBe(en);
    expect(problemDetail('zh', problem, message)).toBe(zh);
  });
});
