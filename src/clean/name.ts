import { toSimplified } from './han.js';
import { hasHan, memoise, normaliseValue } from './text.js';

const HAN_SPACE_HAN = /([\u3400-\u9fff\uf900-\ufaff·])\s+(?=[\u3400-\u9fff\uf900-\ufaff·])/g;
const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const COMMA_FORM = /^([^,]+),\s*([^,]+)$/;
const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'herr', 'frau']);

function titleCaseWord(word: string): string {
  return word.replace(/(^|[-'’])([a-z\u00e0-\u00ff])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Display form: normalised text; CJK names without inner spaces; "SMITH, John" → "John Smith"; ALL CAPS → Title Case. */
export const nameNorm: (s: string | null | undefined) => string | null = memoise(nameNormUncached);

function nameNormUncached(s: string): string | null {
  let n = normaliseValue(s);
  if (n === null) return null;
  if (hasHan(n)) return n.includes(' ') ? n.replace(HAN_SPACE_HAN, '$1') : n;
  const comma = COMMA_FORM.exec(n);
  if (comma) n = `${comma[2].trim()} ${comma[1].trim()}`;
  // Shouted or all-lower words get Title Case; mixed-case words (McDonald, DeVries) are kept.
  return n
    .split(' ')
    .map((w) => (/\p{L}{2}/u.test(w) && (w === w.toUpperCase() || w === w.toLowerCase()) ? titleCaseWord(w.toLowerCase()) : w))
    .join(' ');
}

/**
 * Matching key. Chinese: simplified characters, no spaces or separators ("張 偉" = "张伟").
 * Latin: lower case, accents folded, titles dropped, tokens sorted ("SMITH, John" = "Mr john smith").
 */
export const nameKey: (s: string | null | undefined) => string | null = memoise(nameKeyUncached);

function nameKeyUncached(s: string): string | null {
  const n = normaliseValue(s);
  if (n === null) return null;
  if (hasHan(n)) {
    const simple = toSimplified(n);
    const key = HAN_ONLY.test(simple) ? simple : simple.toLowerCase().replace(/[\s·.\-_'"()[\],，]+/g, '');
    return key === '' ? null : key;
  }
  const folded = n.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]/g, '');
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '' && !LATIN_TITLES.has(t));
  if (tokens.length === 0) return null;
  return tokens.sort().join(' ');
}

/** A full name from separate family / given name fields: 张 + 伟 → 张伟, John + Smith → John Smith. */
export function joinNameParts(family: string | null | undefined, given: string | null | undefined): string | null {
  const f = normaliseValue(family);
  const g = normaliseValue(given);
  if (f === null) return g;
  if (g === null) return f;
  if (hasHan(f) || hasHan(g)) return f + g;
  return `${g} ${f}`;
}
