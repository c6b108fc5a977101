import { normaliseValue } from './text.js';

export interface DateOptions {
  /** 05/03/2025 → 5 March when true, 3 May when false. Unambiguous values (13/03/2025) are read either way. */
  dayFirst?: boolean;
  /** Zone of the output for epoch numbers and timestamps that carry an offset; default +08:00 (China). */
  utcOffsetMinutes?: number;
}

export interface DateResult {
  /** 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm:ss' when the value has a time of day. */
  iso: string | null;
  /** Stable code: empty | impossible_date | impossible_time | implausible_year | incomplete_date | ambiguous_date | unparseable */
  reason?: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
// Excel serials accepted as dates: 1954-10-04 … 2099-12-31. Smaller numbers are more likely counts or codes.
const EXCEL_MIN = 20000;
const EXCEL_MAX = 73050;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// 2025/3/5, 2025.03.05, 2025-3-5, 2025年3月5日: the common shapes, read before any text clean-up.
const SIMPLE_DAY = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
const TIME =
  '(?:(上午|下午|晚上|凌晨|中午|早上)\\s*)?(?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?|(\\d{1,2})[时點点](?:(\\d{1,2})分(?:(\\d{1,2})秒)?)?)' +
  '\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?';
const YMD = new RegExp(`^(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?:(?:t|\\s+)${TIME})?$`, 'i');
const CJK_YMD = new RegExp(`^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号號]?(?:\\s*${TIME})?$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[t\s]?(\d{2})(\d{2})(\d{2})?)?$/i;
const DMY = new RegExp(`^(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4}|\\d{2})(?:\\s+${TIME})?$`, 'i');
const SERIAL = /^(\d{5})(\.\d+)?$/;
const EPOCH = /^(\d{10}|\d{13})$/;
const PARTIAL = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?)?\s*年?$/;
const WEEKDAY = /[(（]?(?:星期|周|禮拜|礼拜)[一二三四五六日天][)）]?|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\b\.?,?/gi;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const D_MON_Y = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]*${MONTH}[\\s\\-/.,]*(\\d{4}|\\d{2})(?:\\s+${TIME})?$`, 'i');
const MON_D_Y = new RegExp(`^${MONTH}[\\s\\-/.]*(\\d{1,2})(?:st|nd|rd|th)?[\\s,]+(\\d{4})(?:\\s+${TIME})?$`, 'i');

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkDay(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return 'implausible_year';
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'impossible_date';
  return null;
}

function twoDigitYear(yy: string): number {
  const n = Number(yy);
  return yy.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n; // Excel's pivot: 00–29 → 20xx
}

function fromUtcMs(ms: number, offsetMinutes: number, withTime: boolean): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

/** Groups of TIME starting at `i`: [period, h, m, s, cjkH, cjkM, cjkS, ampm, zone]. */
function withTime(y: number, mo: number, d: number, g: RegExpExecArray, i: number, offset: number): DateResult {
  const bad = checkDay(y, mo, d);
  if (bad) return { iso: null, reason: bad };
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  const period = g[i];
  const hRaw = g[i + 1] ?? g[i + 4];
  if (hRaw === undefined) return { iso: day };
  let h = Number(hRaw);
  const min = Number(g[i + 2] ?? g[i + 5] ?? 0);
  const sec = Number(g[i + 3] ?? g[i + 6] ?? 0);
  const ampm = g[i + 7]?.toLowerCase().replace(/\./g, '');
  const pm = ampm === 'pm' || period === '下午' || period === '晚上' || (period === '中午' && h < 11);
  const am = ampm === 'am' || period === '上午' || period === '凌晨' || period === '早上';
  if ((pm || am) && (h < 1 || h > 12) && !(h === 0 && am)) return { iso: null, reason: 'impossible_time' };
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) {
    if (h === 24 && min === 0 && sec === 0) h = 24;
    else return { iso: null, reason: 'impossible_time' };
  }
  const zone = g[i + 8]?.toLowerCase();
  if (zone !== undefined || h === 24) {
    const zoneMinutes = zone === undefined || zone === 'z' || zone === 'utc' || zone === 'gmt' ? 0 : zoneToMinutes(zone);
    const ms = Date.UTC(y, mo - 1, d, h, min, sec) - zoneMinutes * 60_000;
    return { iso: fromUtcMs(ms, zone === undefined ? 0 : offset, true) };
  }
  return { iso: `${day}T${pad(h)}:${pad(min)}:${pad(sec)}` };
}

function zoneToMinutes(zone: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * An ISO date (or date-time) from the ways dates are written in exports: 2025-03-05, 2025/3/5, 2025.3.5,
 * 2025年3月5日, 20250305, 05/03/2025 (order from dayFirst), 5 Mar 2025, Excel serials (45356), ISO timestamps
 * and epoch seconds/milliseconds. Impossible dates (2025-02-30) give iso null and the reason.
 */
export function parseDate(s: string | null | undefined, opts: DateOptions = {}): DateResult {
  if (s == null) return { iso: null, reason: 'empty' };
  const fast = ISO_DAY.exec(s);
  if (fast) {
    const bad = checkDay(Number(fast[1]), Number(fast[2]), Number(fast[3]));
    return bad ? { iso: null, reason: bad } : { iso: s };
  }
  const simple = SIMPLE_DAY.exec(s);
  if (simple) {
    const y = Number(simple[1]);
    const m = Number(simple[3] ?? simple[5]);
    const d = Number(simple[4] ?? simple[6]);
    const bad = checkDay(y, m, d);
    return bad ? { iso: null, reason: bad } : { iso: `${simple[1]}-${pad(m)}-${pad(d)}` };
  }
  const text = normaliseValue(s);
  if (text === null) return { iso: null, reason: 'empty' };
  const offset = opts.utcOffsetMinutes ?? 480;
  const t = text.replace(WEEKDAY, ' ').replace(/\s+/g, ' ').trim();

  let g = YMD.exec(t) ?? CJK_YMD.exec(t);
  if (g) return withTime(Number(g[1]), Number(g[2]), Number(g[3]), g, 4, offset);

  g = COMPACT.exec(t);
  if (g) {
    const y = Number(g[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) {
      const bad = checkDay(y, Number(g[2]), Number(g[3]));
      if (bad) return { iso: null, reason: bad };
      if (g[4] === undefined) return { iso: `${g[1]}-${g[2]}-${g[3]}` };
      if (Number(g[4]) > 23 || Number(g[5]) > 59 || Number(g[6] ?? 0) > 59) return { iso: null, reason: 'impossible_time' };
      return { iso: `${g[1]}-${g[2]}-${g[3]}T${g[4]}:${g[5]}:${g[6] ?? '00'}` };
    }
  }

  g = DMY.exec(t);
  if (g) {
    const a = Number(g[1]);
    const b = Number(g[2]);
    const y = twoDigitYear(g[3]);
    let day: number;
    let month: number;
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [day, month] = [b, a];
    else if (opts.dayFirst) [day, month] = [a, b];
    else [day, month] = [b, a];
    return withTime(y, month, day, g, 4, offset);
  }

  g = D_MON_Y.exec(t);
  if (g) return withTime(twoDigitYear(g[3]), monthNumber(g[2]), Number(g[1]), g, 4, offset);
  g = MON_D_Y.exec(t);
  if (g) return withTime(Number(g[3]), monthNumber(g[1]), Number(g[2]), g, 4, offset);

  g = SERIAL.exec(t);
  if (g) {
    const serial = Number(t);
    if (serial < EXCEL_MIN || serial > EXCEL_MAX) return { iso: null, reason: 'unparseable' };
    const ms = EXCEL_EPOCH_UTC + Math.round(serial * DAY_MS / 1000) * 1000;
    return { iso: fromUtcMs(ms, 0, g[2] !== undefined && Number(g[2]) !== 0) };
  }

  g = EPOCH.exec(t);
  if (g) {
    const ms = t.length === 13 ? Number(t) : Number(t) * 1000;
    const iso = fromUtcMs(ms, offset, true);
    const year = Number(iso.slice(0, 4));
    if (year < 2000 || year > MAX_YEAR) return { iso: null, reason: 'unparseable' };
    return { iso };
  }

  if (PARTIAL.test(t)) return { iso: null, reason: 'incomplete_date' };
  return { iso: null, reason: 'unparseable' };
}
