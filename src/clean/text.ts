// Text normalisation shared by every normaliser: trim, collapse white space, full-width → half-width,
// one form of each punctuation mark, NFKC. The raw value is never touched; these run on copies.

/**
 * Printable ASCII and CJK ideographs with single inner spaces and no edge spaces: already normal (NFKC leaves
 * both ranges alone), skip all the work. This is most cells of a Chinese customer list.
 */
const ALREADY_NORMAL = /^(?:[\x21-\x7e\u3400-\u4dbf\u4e00-\u9fff]+(?: [\x21-\x7e\u3400-\u4dbf\u4e00-\u9fff]+)*)?$/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

// Removed outright: control characters, zero-width characters, BOM, soft hyphen.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Every kind of space NFKC leaves alone (tab, newline) or that people paste from Word and the web.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// Punctuation unified to one form (after NFKC, which already folds full-width ASCII to ASCII).
const PUNCTUATION: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u30fc': '-', // katakana long mark often typed as a dash in phone numbers
  '\u00b7': '·', '\u2027': '·', '\u2022': '·', '\u30fb': '·', '\uff65': '·', // middle dots (in transliterated names)
  '\u3010': '[', '\u3011': ']', '\u3014': '(', '\u3015': ')', '\u3008': '<', '\u3009': '>',
};
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

/**
 * Trim, collapse spaces, full-width → half-width, unify punctuation, NFKC. Returns null for
 * empty (or only-space) input. Chinese punctuation with no ASCII twin (、。《》) is kept.
 */
export function normaliseText(s: string | null | undefined): string | null {
  if (s == null) return null;
  if (ALREADY_NORMAL.test(s)) return s === '' ? null : s;
  let out = ASCII_ONLY.test(s) ? s : s.normalize('NFKC');
  out = out.replace(INVISIBLE, '').replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]).replace(SPACES, ' ').trim();
  return out === '' ? null : out;
}

/** Values people put in a cell to mean "nothing here". Compared after normaliseText and lower-casing. */
const PLACEHOLDERS = new Set([
  '-', '--', '---', '/', '//', '\\', '\\n', '.', '..', '...', '?', '??', '#n/a', '#value!', '#ref!',
  'n/a', 'na', 'n.a.', 'nil', 'null', 'none', 'nan', 'undefined', 'unknown', 'tbd', 'x', 'xx', 'xxx',
  '无', '無', '暂无', '暫無', '没有', '空', '未知', '不详', '不詳', '未填', '未填写', '待定', '待补充', '(空)', '(无)', '不适用',
]);

/** The placeholder words, lower case (for SQL: a cell holding one of these counts as empty). */
export const PLACEHOLDER_VALUES: readonly string[] = [...PLACEHOLDERS];

/** First characters of the placeholders, in both cases (a lookup by char code allocates nothing). */
const PLACEHOLDER_FIRST = new Set([...PLACEHOLDERS].flatMap((p) => [p.charCodeAt(0), p[0].toUpperCase().charCodeAt(0)]));

export function isPlaceholder(normalised: string): boolean {
  if (normalised.length > 8 || !PLACEHOLDER_FIRST.has(normalised.charCodeAt(0))) return false;
  return PLACEHOLDERS.has(normalised) || PLACEHOLDERS.has(normalised.toLowerCase());
}

/**
 * Memoises a pure string function over a bounded cache: columns such as province, city, company or status
 * repeat the same few thousand values across a million rows.
 */
export function memoise<T>(fn: (s: string) => T, limit = 50_000): (s: string | null | undefined) => T | null {
  const cache = new Map<string, T>();
  return (s) => {
    if (s == null) return null;
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}

/** normaliseText, and null for placeholders such as "N/A", "无", "-". */
export function normaliseValue(s: string | null | undefined): string | null {
  const n = normaliseText(s);
  return n === null || isPlaceholder(n) ? null : n;
}

/** Han ideographs (CJK unified, extension A, compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
export const HAN_G = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}
