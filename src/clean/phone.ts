import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import { normaliseValue } from './text.js';

export interface PhoneResult {
  e164: string | null;
  ok: boolean;
  type?: 'mobile' | 'landline' | 'other';
  /** Stable code: empty | not_a_number | scientific_notation | too_short | too_long | invalid_country | invalid_number | multiple */
  reason?: string;
}

// The CN mobile pattern from libphonenumber's own metadata (metadata.max.json, CN mobile), so the fast path
// accepts exactly the numbers the full parser would call valid mobiles.
const CN_MOBILE = /^(?:1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8})$/;
const CN_MOBILE_WITH_PREFIX = /^(?:\+86|0086|86)?(1\d{10})$/;
// Chinese landlines written with the trunk 0 or +86/0086: checked against libphonenumber's own CN fixed-line
// pattern (metadata type 0), which is what its isValid() would do, without the cost of a full parse.
const CN_FIXED_LINE = new RegExp(`^(?:${(metadata.countries.CN as unknown as [[string]][])[11][0][0]})$`);
const CN_LANDLINE_WITH_PREFIX = /^(?:(?:\+86|0086)0?|0)([2-9]\d{8,10}|10\d{7,9})$/;
const SEPARATORS = /[\s\-().\u00a0/]/g;
const SIMPLE = /^[+\d\s\-().]+$/;
// A slash before another whole number (138-1234-5678 / 139-8765-4321), not before an extension's few digits.
const LIST_SPLIT = /[,;，；、|\n]|\s{2,}|\s*\/\s*(?=\+?\d[\d\s-]{6})/;
// A remark after the number: 13812345678（微信同号）, 0755-12345678 office.
const REMARK = /[\s([]*[a-z\u3400-\u9fff][^\d]*$/i;
const EXTENSION = /\s*(?:ext\.?|extension|x|转|分机|#)\s*(\d{1,6})\s*$/i;
const EXCEL_FLOAT = /^(\d{7,15})\.0+$/;
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/i;

function fastCn(cleaned: string): PhoneResult | null {
  const m = CN_MOBILE_WITH_PREFIX.exec(cleaned);
  if (m && CN_MOBILE.test(m[1])) return { e164: '+86' + m[1], ok: true, type: 'mobile' };
  const l = CN_LANDLINE_WITH_PREFIX.exec(cleaned);
  if (l && CN_FIXED_LINE.test(l[1])) return { e164: '+86' + l[1], ok: true, type: 'landline' };
  return null;
}

/**
 * A phone number in E.164 (+8613812345678). Accepts +86 / 0086, spaces, dashes, brackets, full-width digits,
 * landlines with area codes, extensions (dropped). Invalid numbers are reported, never repaired by guessing.
 */
export function parsePhone(s: string | null | undefined, region: string = 'CN'): PhoneResult {
  if (s == null) return { e164: null, ok: false, reason: 'empty' };
  // Fast path: an ASCII cell holding one Chinese mobile or landline, perhaps with +86 and separators.
  if (region === 'CN' && SIMPLE.test(s)) {
    const fast = fastCn(s.replace(SEPARATORS, ''));
    if (fast) return fast;
  }
  const text = normaliseValue(s);
  if (text === null) return { e164: null, ok: false, reason: 'empty' };
  let parts = text.split(LIST_SPLIT).map((p) => p.trim()).filter((p) => /\d/.test(p));
  if (parts.length === 0) return { e164: null, ok: false, reason: 'not_a_number' };
  let first = parseOne(parts[0], region);
  if (parts.length === 1 && first.reason === 'too_long') {
    // two whole numbers with one space between them: 13812345678 13987654321
    const words = parts[0].split(' ');
    if (words.length > 1 && words.every((w) => w.replace(/\D/g, '').length >= 7)) {
      parts = words;
      first = parseOne(parts[0], region);
    }
  }
  if (parts.length > 1 && first.ok) return { ...first, reason: 'multiple' };
  return first;
}

function parseOne(text: string, region: string): PhoneResult {
  if (SCIENTIFIC.test(text)) return { e164: null, ok: false, reason: 'scientific_notation' };
  let main = text.replace(EXTENSION, '');
  const excel = EXCEL_FLOAT.exec(main);
  if (excel) main = excel[1];
  main = main.replace(/^(?:tel|phone|mobile|手机|电话|座机|tel\.)\s*[:：]?\s*/i, '');
  main = main.replace(REMARK, '');
  if (/[a-z\u3400-\u9fff]/i.test(main)) return { e164: null, ok: false, reason: 'not_a_number' };
  const cleaned = main.replace(SEPARATORS, '');
  if (region === 'CN' || /^(?:\+86|0086)/.test(cleaned)) {
    const fast = fastCn(cleaned);
    if (fast) return fast;
  }
  if (/^\d{1,6}$/.test(cleaned)) return { e164: null, ok: false, reason: 'too_short' };
  const key = region + ' ' + cleaned;
  let result = slowCache.get(key);
  if (result === undefined) {
    result = fullParse(cleaned, region);
    if (slowCache.size >= 20_000) slowCache.clear();
    slowCache.set(key, result);
  }
  return result;
}

// The full parser costs 50–100 µs; the same unusual values (dummy numbers, one company's switchboard) recur.
const slowCache = new Map<string, PhoneResult>();

function fullParse(cleaned: string, region: string): PhoneResult {
  const country = region as CountryCode;
  const parsed = parsePhoneNumberFromString(cleaned, country);
  if (parsed && parsed.isValid()) {
    const t = parsed.getType();
    const type = t === 'MOBILE' ? 'mobile' : t === 'FIXED_LINE' ? 'landline' : 'other';
    return { e164: parsed.number, ok: true, type };
  }
  const digits = cleaned.replace(/\D/g, '');
  const length = validatePhoneNumberLength(cleaned, country);
  let reason = 'invalid_number';
  if (digits.length < 5 || length === 'TOO_SHORT') reason = 'too_short';
  else if (length === 'TOO_LONG') reason = 'too_long';
  else if (length === 'INVALID_COUNTRY') reason = 'invalid_country';
  else if (region === 'CN' && /^[2-9]\d{6,7}$/.test(cleaned)) reason = 'missing_area_code';
  return { e164: null, ok: false, reason };
}
