import { describe, expect, it } from 'vitest';
import { nameKey, nameNorm, normaliseText, normaliseValue, joinNameParts } from '../../src/clean/index.js';

describe('normaliseText', () => {
  it.each([
    ['  hello   world ', 'hello world'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['张　三', '张 三'],
    ['“quoted”', '"quoted"'],
    ['‘single’', "'single'"],
    ['a\u200bb', 'ab'],
    ['\ufeffBOM', 'BOM'],
    ['line\nbreak\ttab', 'line break tab'],
    ['non\u00a0breaking', 'non breaking'],
    ['深圳（南山）', '深圳(南山)'],
    ['１３８—１２３４', '138-1234'],
    ['【注意】', '[注意]'],
    ['ﾊﾝｶｸ', 'ハンカク'],
    ['①', '1'],
    ['Ｅｍａｉｌ：ａ＠ｂ．ｃｏｍ', 'Email:a@b.com'],
    ['plain', 'plain'],
    ['', null],
    ['   ', null],
    ['\u3000', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it.each([['N/A'], ['无'], ['暂无'], ['-'], ['null'], ['#N/A'], ['／']])('placeholder %j → null', (input) => {
    expect(normaliseValue(input)).toBeNull();
  });

  it('keeps zero and real words', () => {
    expect(normaliseValue('0')).toBe('0');
    expect(normaliseValue('无锡')).toBe('无锡');
  });
});

describe('nameNorm', () => {
  it.each([
    ['SMITH, John', 'John Smith'],
    ['john smith', 'John Smith'],
    ['JOHN SMITH', 'John Smith'],
    ['JEAN-LUC picard', 'Jean-Luc Picard'],
    ["o'brien", "O'Brien"],
    ['McDonald', 'McDonald'],
    ['张 三', '张三'],
    ['  王小明 ', '王小明'],
    ['张　三', '张三'],
    ['阿卜杜拉・买买提', '阿卜杜拉·买买提'],
    ['Ｌｉ Ｌｅｉ', 'Li Lei'],
    ['N/A', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(nameNorm(input)).toBe(expected);
  });
});

describe('nameKey', () => {
  it.each([
    ['SMITH, John', 'john smith'],
    ['john smith', 'john smith'],
    ['Mr. John Smith', 'john smith'],
    ['Smith John', 'john smith'],
    ['José García', 'garcia jose'],
    ['García, José', 'garcia jose'],
    ['Dr. Zoë Müller-Lüdenscheidt', 'ludenscheidt muller zoe'],
    ["O'Brien, Pat", 'obrien pat'],
    ['張 偉', '张伟'],
    ['张伟', '张伟'],
    ['陳曉明', '陈晓明'],
    ['劉德華', '刘德华'],
    ['歐陽 娜娜', '欧阳娜娜'],
    ['臺灣小吃', '台湾小吃'],
    ['阿卜杜拉·买买提', '阿卜杜拉买买提'],
    ['张三 Tom', '张三tom'],
    ['   ', null],
    ['-', null],
  ])('%j → %j', (input, expected) => {
    expect(nameKey(input)).toBe(expected);
  });

  it('gives traditional and simplified spellings the same key', () => {
    expect(nameKey('黃志強')).toBe(nameKey('黄志强'));
    expect(nameKey('鄭 秀文')).toBe(nameKey('郑秀文'));
  });
});

describe('joinNameParts', () => {
  it.each([
    ['张', '伟', '张伟'],
    ['Smith', 'John', 'John Smith'],
    [null, 'John', 'John'],
    ['王', null, '王'],
    [null, null, null],
  ])('%j + %j → %j', (family, given, expected) => {
    expect(joinNameParts(family, given)).toBe(expected);
  });
});
