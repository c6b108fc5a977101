import { pinyinSyllables } from './pinyin.js';
import { toSimplified } from '../clean/han.js';

// Name parts for matching: family and given name in a comparable form, with a romanised
// (pinyin) form so 张伟, 章伟, 張偉, "zhang wei" and "Wei Zhang" can be compared.

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const NOT_HAN = /[^\u3400-\u9fff\uf900-\ufaff]/g;
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闾丘 端木 百里 呼延 澹台 公冶 宗政 濮阳 太叔 申屠 万俟 南宫 西门 独孤 赫连 拓跋 第五 单于'.split(' '),
);
const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'herr', 'frau']);

export interface NameParts {
  family: string | null;
  given: string | null;
}

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** Lower case, accents folded, titles and punctuation dropped, Chinese simplified without spaces. */
export function normaliseNamePart(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.normalize('NFKC').trim();
  if (t === '') return null;
  if (hasHan(t)) {
    const han = toSimplified(t).replace(NOT_HAN, '');
    return han === '' ? null : han;
  }
  const words = latinWords(t);
  return words.length === 0 ? null : words.join(' ');
}

function latinWords(s: string): string[] {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !LATIN_TITLES.has(w));
}

/**
 * Splits a full name into family and given name. Chinese: the family name comes first (compound
 * surnames such as 欧阳 kept whole). Latin: "Smith, John" and "SMITH John" name the family explicitly;
 * otherwise the last word is the family name (the comparison also tries the swapped order).
 */
export function splitFullName(name: string | null | undefined): NameParts {
  if (name === null || name === undefined) return { family: null, given: null };
  const t = name.normalize('NFKC').trim();
  if (t === '') return { family: null, given: null };
  if (hasHan(t)) {
    const full = toSimplified(t).replace(NOT_HAN, '');
    const han = withoutHonorific(full);
    if (han.length <= 1 || (han !== full && COMPOUND_SURNAMES.has(han))) return { family: han || null, given: null };
    const familyLength = han.length >= 3 && COMPOUND_SURNAMES.has(han.slice(0, 2)) ? 2 : 1;
    return { family: han.slice(0, familyLength), given: han.slice(familyLength) };
  }
  const comma = /^([^,，]+)[,，]([^,，]+)$/.exec(t);
  if (comma) {
    return { family: joinOrNull(latinWords(comma[1])), given: joinOrNull(latinWords(comma[2])) };
  }
  const raw = t.split(/\s+/).filter((w) => latinWords(w).length > 0);
  if (raw.length === 0) return { family: null, given: null };
  if (raw.length === 1) return { family: null, given: joinOrNull(latinWords(raw[0])) };
  const capsIndex = raw.findIndex((w) => w.length > 1 && /\p{L}/u.test(w) && w === w.toUpperCase());
  const allCaps = raw.every((w) => w === w.toUpperCase());
  let familyIndex = raw.length - 1;
  if (!allCaps && capsIndex >= 0) familyIndex = capsIndex;
  const family = latinWords(raw[familyIndex]).join(' ');
  const given = raw.filter((_, i) => i !== familyIndex).flatMap(latinWords).join(' ');
  return { family: family || null, given: given || null };
}

/** How a sales rep writes down a customer whose given name they do not know: 张先生, 李女士, 王经理. */
const HONORIFICS = ['总经理', '董事长', '先生', '女士', '小姐', '太太', '夫人', '老师', '经理', '总监', '主任', '老板', '师傅', '阿姨', '医生', '教授', '同学'];
/** Short forms that are honorifics only right after a bare surname: 王总, 张工, 李姐. */
const SHORT_HONORIFICS = new Set(['总', '工', '姐', '哥', '叔', '姨']);

/** The name without a trailing honorific: 张伟先生 → 张伟, 张先生 → 张, 王总 → 王 (the given name is then unknown). */
function withoutHonorific(han: string): string {
  for (const h of HONORIFICS) if (han.length > h.length && han.endsWith(h)) return han.slice(0, -h.length);
  const rest = han.slice(0, -1);
  if (SHORT_HONORIFICS.has(han.slice(-1)) && (rest.length === 1 || COMPOUND_SURNAMES.has(rest))) return rest;
  return han;
}

function joinOrNull(words: string[]): string | null {
  return words.length === 0 ? null : words.join(' ');
}

const romanCache = new Map<string, string>();

/** Romanised form without spaces: Chinese → toneless pinyin ("zhangwei"); Latin unchanged minus spaces. */
export function romanise(part: string, isFamily: boolean): string {
  if (!hasHan(part)) return part.replace(/ /g, '');
  const key = (isFamily ? 'f' : 'g') + part;
  let r = romanCache.get(key);
  if (r === undefined) {
    r = pinyinSyllables(part, { surname: isFamily, v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (romanCache.size > 500_000) romanCache.clear();
    romanCache.set(key, r);
  }
  return r;
}

/** American Soundex of a romanised word (letter + three digits), '' when no letters. */
export function soundex(word: string): string {
  const codes = 'abcdefghijklmnopqrstuvwxyz';
  const digit = '01230120022455012623010202';
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 4; i++) {
    const idx = codes.indexOf(word[i]);
    if (idx < 0) continue;
    const d = digit[idx];
    if (out === '') {
      out = word[i];
      last = d;
      continue;
    }
    if (d !== '0' && d !== last) out += d;
    if (word[i] !== 'h' && word[i] !== 'w') last = d;
  }
  return out === '' ? '' : (out + '000').slice(0, 4);
}
