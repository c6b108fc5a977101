import { isPlaceholder, normaliseValue } from './text.js';

export interface MoneyResult {
  /** Integer cents (分), rounded half away from zero from the decimal digits as written (no float error). */
  cents: number | null;
  /** ISO 4217 code when the value names one (¥ 元 RMB → CNY, $ → USD, € → EUR …), else null. */
  currency: string | null;
  /** Stable code: empty | unparseable | ambiguous_separator | too_large */
  reason?: string;
}

// Up to 13 integer digits, so the cents stay a safe integer (longer values go to the full parser, which says too_large).
const PLAIN = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;
// ¥1,234.50 / $1,234 / -¥5: a currency sign and well-formed thousands groups, still no need for the full parser.
const SIGNED_GROUPED = /^(-?)([¥￥$]?)(-?)(\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,2}))?$/;

const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:rmb|cny|人民币|人民幣|元|块|塊|圆|圓)/i, 'CNY'],
  [/^(?:us\$|usd|美元|美金)/i, 'USD'],
  [/^(?:hk\$|hkd|港币|港幣|港元)/i, 'HKD'],
  [/^(?:nt\$|twd|新台币|新台幣)/i, 'TWD'],
  [/^(?:s\$|sgd|新加坡元)/i, 'SGD'],
  [/^(?:a\$|aud|澳元)/i, 'AUD'],
  [/^(?:c\$|cad|加元)/i, 'CAD'],
  [/^(?:eur|欧元|歐元|€)/i, 'EUR'],
  [/^(?:gbp|英镑|英鎊|£)/i, 'GBP'],
  [/^(?:jpy|日元|日圆|円)/i, 'JPY'],
  [/^(?:krw|韩元|₩)/i, 'KRW'],
  [/^(?:chf)/i, 'CHF'],
  [/^¥/, 'CNY'],
  [/^\$/, 'USD'],
];
// Longest first so 百万 wins over 万 and 千万 over 千.
const MULTIPLIERS: [string, number][] = [
  ['千万', 7], ['千萬', 7], ['百万', 6], ['百萬', 6], ['亿', 8], ['億', 8], ['万', 4], ['萬', 4], ['千', 3], ['k', 3], ['K', 3],
];

function takeCurrency(text: string, fromEnd: boolean): [string, string | null] {
  for (const [re, code] of CURRENCY_WORDS) {
    if (!fromEnd) {
      const m = re.exec(text);
      if (m) return [text.slice(m[0].length).trim(), code];
    } else {
      if (/[\d.]$/.test(text)) return [text, null];
      // Try each suffix start so "1234元" and "1234 RMB" both match.
      for (let i = Math.max(0, text.length - 6); i < text.length; i++) {
        const m = re.exec(text.slice(i));
        if (m && i + m[0].length === text.length && !/[a-z]/i.test(text[i - 1] ?? '')) return [text.slice(0, i).trim(), code];
      }
    }
  }
  return [text, null];
}

/** Integer part and fraction digits, or a reason when the separators cannot be read unambiguously. */
function splitNumber(num: string): { int: string; frac: string } | { reason: string } {
  if (!/^[\d.,' ]+$/.test(num) || !/\d/.test(num)) return { reason: 'unparseable' };
  const groupsOk = (s: string, sep: RegExp) => {
    const groups = s.split(sep);
    return groups.length === 1 || (/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g)));
  };
  const lastDot = num.lastIndexOf('.');
  const lastComma = num.lastIndexOf(',');
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else if (lastComma >= 0) {
    const commas = num.split(',').length - 1;
    const after = num.slice(lastComma + 1);
    if (commas === 1 && (/^\d{1,2}$/.test(after) || /^0[ ']?$/.test(num.slice(0, lastComma)))) decimalAt = lastComma;
    else if (commas === 1 && !/^\d{3}$/.test(after)) return { reason: 'ambiguous_separator' };
  } else if (lastDot >= 0) {
    const dots = num.split('.').length - 1;
    if (dots === 1) decimalAt = lastDot;
  }
  const intRaw = decimalAt >= 0 ? num.slice(0, decimalAt) : num;
  const frac = decimalAt >= 0 ? num.slice(decimalAt + 1) : '';
  if (!/^\d*$/.test(frac)) return { reason: 'unparseable' };
  if (!groupsOk(intRaw.trim(), /[.,' ]/)) return { reason: 'ambiguous_separator' };
  const int = intRaw.replace(/[.,' ]/g, '');
  if (int === '' && frac === '') return { reason: 'unparseable' };
  return { int: int === '' ? '0' : int, frac };
}

/** Digits × 10^shift, rounded half away from zero, as an integer (the digits are handled as text). */
function shiftAndRound(int: string, frac: string, shift: number): number | null {
  const digits = int + frac;
  const point = int.length + shift;
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const next = point < 0 ? 0 : Number(digits[point] ?? '0');
  const value = Number(whole) + (next >= 5 ? 1 : 0);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Amount in integer cents: 1234.5, 1,234.50, ¥1,234.50, RMB 1234, 12.5万, 1.2亿, (1,234.00), ¥(1,234.00), -¥5, +100, $12,
 * €3,50 (decimal comma when unambiguous), 1 234,56. The currency is returned when the value names one.
 */
export function parseMoney(s: string | null | undefined): MoneyResult {
  if (s == null) return { cents: null, currency: null, reason: 'empty' };
  const plain = PLAIN.exec(s);
  if (plain) {
    const cents = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    return { cents: plain[1] && cents !== 0 ? -cents : cents, currency: null };
  }
  const grouped = SIGNED_GROUPED.exec(s);
  if (grouped && !(grouped[1] && grouped[3])) {
    const whole = grouped[4].replace(/,/g, '');
    if (whole.length <= 13) {
      const cents = Number(whole) * 100 + Number((grouped[5] ?? '').padEnd(2, '0'));
      const currency = grouped[2] === '' ? null : grouped[2] === '$' ? 'USD' : 'CNY';
      return { cents: (grouped[1] || grouped[3]) && cents !== 0 ? -cents : cents, currency };
    }
  }
  let text = normaliseValue(s);
  if (text === null) return { cents: null, currency: null, reason: 'empty' };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) [negative, text] = [true, paren[1].trim()];
  if (text.startsWith('-')) [negative, text] = [!negative, text.slice(1).trim()];
  else if (text.startsWith('+')) text = text.slice(1).trim();
  let currency: string | null;
  [text, currency] = takeCurrency(text, false);
  if (currency !== null) {
    // "¥ -" is how Excel's accounting format shows an empty or zero amount: a placeholder, not a number
    if (text === '' || isPlaceholder(text)) return { cents: null, currency, reason: 'empty' };
    const inner = paren ? null : /^\((.*)\)$/.exec(text); // ¥(1,234.00)
    if (inner) [negative, text] = [true, inner[1].trim()];
  }
  if (text.startsWith('-')) [negative, text] = [!negative, text.slice(1).trim()];
  else if (text.startsWith('+')) text = text.slice(1).trim();
  if (currency === null) [text, currency] = takeCurrency(text, true);
  else {
    const [rest, suffixCurrency] = takeCurrency(text, true);
    if (suffixCurrency === currency || (suffixCurrency === 'CNY' && currency === 'CNY')) text = rest;
  }
  if (text.endsWith('-')) [negative, text] = [!negative, text.slice(0, -1).trim()];
  let shift = 2;
  for (const [word, power] of MULTIPLIERS) {
    if (text.endsWith(word)) {
      shift += power;
      text = text.slice(0, -word.length).trim();
      if (currency === null) [text, currency] = takeCurrency(text, true);
      break;
    }
  }
  const parts = splitNumber(text);
  if ('reason' in parts) return { cents: null, currency, reason: parts.reason };
  const cents = shiftAndRound(parts.int, parts.frac, shift);
  if (cents === null) return { cents: null, currency, reason: 'too_large' };
  return { cents: negative && cents !== 0 ? -cents : cents, currency };
}
