import { describe, expect, it } from 'vitest';
import { COMPARISONS, MISSING, birthLevel, compareInto, comparisonIndex, numberedApart } from '../../src/dedupe/comparisons.js';
import { splitFullName, soundex } from '../../src/dedupe/names.js';
import { prepareRecords } from '../../src/dedupe/prepare.js';
import type { MatchRecord } from '../../src/dedupe/types.js';

function levelsOf(a: Partial<MatchRecord>, b: Partial<MatchRecord>): Record<string, string> {
  const p = prepareRecords([{ id: 1, ...a }, { id: 2, ...b }]);
  const out = new Uint8Array(COMPARISONS.length);
  compareInto(p, 0, 1, out);
  return Object.fromEntries(COMPARISONS.map((c, k) => [c.name, out[k] === MISSING ? 'missing' : c.levels[out[k]]]));
}

describe('name splitting', () => {
  it('splits Chinese names after the (compound) family name', () => {
    expect(splitFullName('张伟')).toEqual({ family: '张', given: '伟' });
    expect(splitFullName('張 偉')).toEqual({ family: '张', given: '伟' });
    expect(splitFullName('欧阳娜娜')).toEqual({ family: '欧阳', given: '娜娜' });
  });
  it('drops the honorific a sales rep writes for an unknown given name', () => {
    expect(splitFullName('张先生')).toEqual({ family: '张', given: null });
    expect(splitFullName('李女士')).toEqual({ family: '李', given: null });
    expect(splitFullName('王总')).toEqual({ family: '王', given: null });
    expect(splitFullName('欧阳经理')).toEqual({ family: '欧阳', given: null });
    expect(splitFullName('张伟先生')).toEqual({ family: '张', given: '伟' });
    // a short form only right after a bare surname
    expect(splitFullName('王建工')).toEqual({ family: '王', given: '建工' });
  });
  it('reads the family name from comma and capitals forms', () => {
    expect(splitFullName('Smith, John')).toEqual({ family: 'smith', given: 'john' });
    expect(splitFullName('SMITH John')).toEqual({ family: 'smith', given: 'john' });
    expect(splitFullName('John Smith')).toEqual({ family: 'smith', given: 'john' });
    expect(splitFullName('Mr John Paul Smith')).toEqual({ family: 'smith', given: 'john paul' });
  });
  it('codes soundex', () => {
    expect(soundex('robert')).toBe('r163');
    expect(soundex('rupert')).toBe('r163');
    expect(soundex('tymczak')).toBe('t522');
  });
});

describe('name comparisons', () => {
  it('treats traditional and spaced Chinese as exact', () => {
    const l = levelsOf({ name: '张伟' }, { name: '張 偉' });
    expect(l.givenName).toBe('exact');
    expect(l.familyName).toBe('exact');
  });
  it('matches homophone family names and pinyin by pronunciation', () => {
    expect(levelsOf({ name: '张伟' }, { name: '章伟' }).familyName).toBe('same pronunciation');
    const pinyin = levelsOf({ name: '张伟' }, { name: 'zhang wei' });
    expect([pinyin.givenName, pinyin.familyName]).toEqual(['same pronunciation', 'same pronunciation']);
  });
  it('tries the swapped order', () => {
    const western = levelsOf({ name: '张伟' }, { name: 'Wei Zhang' });
    expect([western.givenName, western.familyName]).toEqual(['same pronunciation', 'same pronunciation']);
    const swapped = levelsOf({ givenName: 'john', familyName: 'smith' }, { givenName: 'smith', familyName: 'john' });
    expect([swapped.givenName, swapped.familyName]).toEqual(['exact', 'exact']);
  });
  it('levels typos and different names', () => {
    expect(levelsOf({ name: 'John Smith' }, { name: 'Jon Smith' }).givenName).toBe('typo (1 edit / JW ≥ 0.94)');
    expect(levelsOf({ name: 'John Smith' }, { name: 'Mary Smith' }).givenName).toBe('different');
    expect(levelsOf({ name: 'John Smith' }, { name: null }).givenName).toBe('missing');
  });
  it('takes one Han character of another sound for another name, unless the sounds are easily confused', () => {
    // yang / wang and fang / yang are one letter apart in pinyin, but 杨 and 王 are two family names
    expect(levelsOf({ name: '杨娜' }, { name: '王娜' }).familyName).toBe('different');
    expect(levelsOf({ name: '赵芳' }, { name: '赵洋' }).givenName).toBe('different');
    // 模糊音: zh/z, n/l
    expect(levelsOf({ name: '张伟' }, { name: '臧伟' }).familyName).toBe('typo (1 edit / JW ≥ 0.94)');
    expect(levelsOf({ name: '李娜' }, { name: '倪娜' }).familyName).toBe('typo (1 edit / JW ≥ 0.94)');
  });
});

describe('initials', () => {
  it('an initial fits any name it starts, and only those', () => {
    expect(levelsOf({ name: 'Linda Clark' }, { name: 'L. Clark' }).givenName).toBe('similar (JW ≥ 0.85 / soundex)');
    expect(levelsOf({ name: 'CLARK, L' }, { name: 'Linda Clark' }).givenName).toBe('similar (JW ≥ 0.85 / soundex)');
    expect(levelsOf({ name: 'Mary Clark' }, { name: 'L. Clark' }).givenName).toBe('different');
  });
});

describe('honorifics', () => {
  it('张先生 is 张 with the given name unknown, not a given name 先生', () => {
    expect(levelsOf({ name: '张先生' }, { name: '张伟' })).toMatchObject({ familyName: 'exact', givenName: 'missing' });
    expect(levelsOf({ name: '张先生' }, { name: '李先生' }).familyName).toBe('different');
  });
});

describe('e-mail comparisons', () => {
  it('takes a mailbox numbered apart for another account, not a typo', () => {
    expect(levelsOf({ email: 'zhangwei@163.com' }, { email: 'zhangwei2@163.com' }).email).toBe('different');
    expect(levelsOf({ email: 'user950@example.com' }, { email: 'user952@example.com' }).email).toBe('different');
    expect(levelsOf({ email: 'zhangwei@163.com' }, { email: 'zhangwe@163.com' }).email).toBe('same mailbox name or 1 edit');
    expect(levelsOf({ email: 'zhangwei@163.com' }, { email: 'zhangwei@qq.com' }).email).toBe('same mailbox name or 1 edit');
  });
  it('numberedApart', () => {
    expect(numberedApart('zhangwei', 'zhangwei2')).toBe(true);
    expect(numberedApart('user950', 'user952')).toBe(true);
    expect(numberedApart('zhangwei', 'zhangwie')).toBe(false);
    expect(numberedApart('a1b', 'a2b')).toBe(false);
  });
});

describe('other comparisons', () => {
  it('dates: exact, swapped day/month, one part off', () => {
    expect(birthLevel('19800315', '19800315')).toBe(0);
    expect(birthLevel('19800307', '19800703')).toBe(1);
    expect(birthLevel('19800315', '19810315')).toBe(1);
    expect(birthLevel('19800315', '19750315')).toBe(2);
    expect(birthLevel('19800315', '19920722')).toBe(3);
    expect(levelsOf({ birthDate: '1980-03-07' }, { birthDate: '19800307' }).birthDate).toBe('exact');
  });
  it('id numbers: exact and one edit', () => {
    expect(levelsOf({ idNumber: '6988048' }, { idNumber: '6988048' }).idNumber).toBe('exact');
    expect(levelsOf({ idNumber: '6988048' }, { idNumber: '6988043' }).idNumber).toBe('1 edit');
    expect(levelsOf({ idNumber: '6988048' }, { idNumber: '1234567' }).idNumber).toBe('different');
  });
  it('phones and e-mails', () => {
    expect(levelsOf({ phone: '+8613812345678' }, { phone: '+8613812345678' }).phone).toBe('exact');
    expect(levelsOf({ phone: '+8613812345678' }, { phone: '13812345678' }).phone).toBe('same last 8 digits or 1 edit');
    expect(levelsOf({ phone: '+8613812345678' }, { phone: '+8613999999999' }).phone).toBe('different');
    expect(levelsOf({ email: 'wei.zhang@qq.com' }, { email: 'wei.zhang@163.com' }).email).toBe('same mailbox name or 1 edit');
  });
  it('company names ignore legal suffixes, brackets and order', () => {
    expect(levelsOf({ company: '深圳华星科技有限公司' }, { company: '华星科技(深圳)' }).company).toBe('close (token set ≥ 0.8)');
    expect(levelsOf({ company: 'Acme Trading Co., Ltd.' }, { company: 'ACME TRADING' }).company).toBe('exact');
  });
  it('location: same city, city spelled otherwise, province only', () => {
    expect(levelsOf({ city: '北京市' }, { city: '北京' }).location).toBe('same city');
    expect(levelsOf({ city: '北京' }, { city: 'Beijing' }).location).toBe('same city, other spelling');
    expect(levelsOf({ city: '广州', province: '广东' }, { province: '广东省' }).location).toBe('same province, a city missing');
    expect(levelsOf({ city: '广州', province: '广东' }, { city: '深圳', province: '广东' }).location).toBe('same province, other city');
    expect(levelsOf({ city: '广州', province: '广东' }, { city: '上海', province: '上海' }).location).toBe('different');
  });
  it('every comparison has an exact level first', () => {
    for (const c of COMPARISONS) expect(c.levels[0]).toMatch(/exact|same city/);
    expect(comparisonIndex.givenName).toBe(0);
  });
});
