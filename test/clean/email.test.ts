import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/clean/index.js';

describe('parseEmail: valid', () => {
  it.each([
    ['Foo@QQ.com', 'foo@qq.com'],
    [' a.b@163.COM ', 'a.b@163.com'],
    ['zhang.san+crm@company.com.cn', 'zhang.san+crm@company.com.cn'],
    ['x@huawei.com', 'x@huawei.com'],
    ['x@vip.126.com', 'x@vip.126.com'],
    ['x@sina.com.cn', 'x@sina.com.cn'],
    ['张三 <zs@qq.com>', 'zs@qq.com'],
    ['mailto:sales@example.org', 'sales@example.org'],
    ['ｘ＠ｑｑ．ｃｏｍ', 'x@qq.com'],
    ['x＠qq。com', 'x@qq.com'],
    ['first_last@sub.example.co.uk', 'first_last@sub.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['x@example.xn--fiqs8s', 'x@example.xn--fiqs8s'],
    ['ZHANG@QQ.COM ', 'zhang@qq.com'],
    ['zhang@qq。com', 'zhang@qq.com'],
    ['MAILTO:Zhang@qq.com', 'zhang@qq.com'],
    ['mailto：zhang@qq.com', 'zhang@qq.com'],
    ['zhang@qq.com.', 'zhang@qq.com'],
    ['zhang@qq.com；', 'zhang@qq.com'],
    ['user@me.com', 'user@me.com'],
    ['user@tom.com', 'user@tom.com'],
  ])('%j → %j', (input, email) => {
    expect(parseEmail(input)).toEqual({ email, ok: true });
  });
});

describe('parseEmail: typos of common providers get a suggestion', () => {
  it.each([
    ['x@qq.con', 'x@qq.com'],
    ['x@qq.cm', 'x@qq.com'],
    ['x@qq.co', 'x@qq.com'],
    ['x@qq.comm', 'x@qq.com'],
    ['x@qqcom', 'x@qq.com'],
    ['x@163.cm', 'x@163.com'],
    ['x@163.con', 'x@163.com'],
    ['x@126.con', 'x@126.com'],
    ['x@gmial.com', 'x@gmail.com'],
    ['x@gamil.com', 'x@gmail.com'],
    ['x@gmai.com', 'x@gmail.com'],
    ['x@gmail.co', 'x@gmail.com'],
    ['x@hotmial.com', 'x@hotmail.com'],
    ['x@hotmail.con', 'x@hotmail.com'],
    ['x@yahoo.co', 'x@yahoo.com'],
    ['x@outlook.cm', 'x@outlook.com'],
    ['x@outlok.com', 'x@outlook.com'],
    ['x@foxmial.com', 'x@foxmail.com'],
    ['x@sina.con', 'x@sina.com'],
    ['X@QQ.CON', 'x@qq.com'],
    ['zhang@qq,com', 'zhang@qq.com'],
    ['zhang@163,com', 'zhang@163.com'],
    ['zhang@sina,com,cn', 'zhang@sina.com.cn'],
    ['Zhang@QQ,Con', 'zhang@qq.com'],
  ])('%j → suggest %j', (input, suggestion) => {
    const r = parseEmail(input);
    expect(r).toEqual({ email: input.trim().toLowerCase(), ok: false, suggestion, reason: 'domain_typo' });
  });

  it('never guesses between digit-named providers', () => {
    expect(parseEmail('x@136.com')).toEqual({ email: 'x@136.com', ok: true });
    expect(parseEmail('x@vip.162.com').suggestion).toBeUndefined();
  });
});

describe('parseEmail: invalid', () => {
  it.each([
    ['xqq.com', 'missing_at'],
    ['13812345678', 'missing_at'],
    ['x@@qq.com', 'invalid_syntax'],
    ['x@qq', 'invalid_syntax'],
    ['a@b.c', 'invalid_syntax'],
    ['.x@qq.com', 'invalid_syntax'],
    ['x..y@qq.com', 'invalid_syntax'],
    ['x@-qq.com', 'invalid_syntax'],
    ['张三@公司.com', 'invalid_syntax'],
  ])('%j → %s', (input, reason) => {
    expect(parseEmail(input)).toMatchObject({ ok: false, reason });
    expect(parseEmail(input).suggestion).toBeUndefined();
  });

  it.each([[''], ['  '], ['无'], ['N/A'], [null]])('empty %j', (input) => {
    expect(parseEmail(input)).toEqual({ email: null, ok: false, reason: 'empty' });
  });

  it('takes the first of several addresses and says so', () => {
    expect(parseEmail('a@qq.com; b@qq.com')).toEqual({ email: 'a@qq.com', ok: true, reason: 'multiple' });
    expect(parseEmail('a@qq.com、b@163.com')).toEqual({ email: 'a@qq.com', ok: true, reason: 'multiple' });
  });
});
