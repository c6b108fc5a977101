import { toSimplified } from './han.js';
import { isRegionName } from './region.js';
import { hasHan, memoise, normaliseValue } from './text.js';

// Legal-form and organisation suffixes that say nothing about which company it is. Longest first.
const CJK_SUFFIXES = [
  '集团股份有限公司', '集团有限责任公司', '集团有限公司', '股份有限公司', '有限责任公司', '股份合作公司', '有限合伙',
  '有限公司', '责任公司', '分公司', '总公司', '控股集团', '集团公司', '集团', '公司', '控股', '股份', '企业', '商行', '工作室',
];
const LATIN_SUFFIXES = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'kg',
  'sa', 'sarl', 'sas', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'pte', 'pty', 'kk', 'group', 'holding', 'holdings', 'the',
]);
// A region name is not stripped when what remains is only a generic word (北京大学, 中国银行 stay whole).
const GENERIC_REST = /^(?:大学|学院|银行|医院|中学|小学|日报|晚报|电视台|分行|支行|市|省|区|县|[\p{Script=Han}]?)$/u;

function stripCjkSuffixes(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (out.endsWith(suffix) && out.length > suffix.length + 1) {
        out = out.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function isRegion(s: string): boolean {
  return isRegionName(s);
}

/** Leading province/city names (深圳 / 广东省深圳市), taken off while something specific remains. */
function stripLeadingRegions(s: string): string {
  let out = s;
  for (let i = 0; i < 2; i++) {
    let cut = 0;
    for (let len = Math.min(8, out.length - 2); len >= 2; len--) {
      if (isRegion(out.slice(0, len))) {
        cut = len;
        break;
      }
    }
    // What remains must still name a company: 3+ characters (贵州茅台, 青岛啤酒 stay whole) and not generic.
    if (cut === 0 || out.length - cut < 3 || GENERIC_REST.test(out.slice(cut))) break;
    out = out.slice(cut);
  }
  return out;
}

function stripTrailingRegion(s: string): string {
  for (let len = Math.min(6, s.length - 2); len >= 2; len--) {
    if (isRegion(s.slice(-len)) && !GENERIC_REST.test(s.slice(0, -len))) return s.slice(0, -len);
  }
  return s;
}

/**
 * Matching key of a company name: 深圳华星科技有限公司, 华星科技(深圳), 華星科技（深圳）有限公司 → 华星科技;
 * "Acme Co., Ltd." → "acme". Brackets holding a region are dropped, other bracket text is kept.
 */
export const companyKey: (s: string | null | undefined) => string | null = memoise(companyKeyUncached);

function companyKeyUncached(s: string): string | null {
  const n = normaliseValue(s);
  if (n === null) return null;
  let text = n.toLowerCase();
  if (hasHan(text)) {
    text = toSimplified(text)
      .replace(/\(([^()]*)\)/g, (_m, inner: string) => (isRegion(inner.trim()) ? '' : inner))
      .replace(/[\s"'`.,·&()[\]{}<>《》、，。:;!?\-_/\\|+*#@~]+/g, '');
    text = stripCjkSuffixes(text);
    text = stripCjkSuffixes(stripTrailingRegion(stripLeadingRegions(text)));
    return text === '' ? null : text;
  }
  const tokens = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // l.l.c. → llc, s.a. → sa
    .split(/[^\p{L}\p{N}]+/u)
    .filter((tok) => tok !== '');
  while (tokens.length > 1 && LATIN_SUFFIXES.has(tokens[tokens.length - 1])) tokens.pop();
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  return tokens.length === 0 ? null : tokens.join(' ');
}
