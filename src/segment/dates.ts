import { InputError } from '../errors.js';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' day (UTC, so no time-zone or DST drift). */
export function dayNumber(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw InputError.of('date.invalid', { value: JSON.stringify(day) });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw InputError.of('date.notCalendar', { value: day });
  }
  return ms / MS_PER_DAY;
}

export function dayString(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day n calendar months later (or earlier for n < 0), clamped to the month's last day. */
export function addMonths(day: string, n: number): string {
  const d = new Date(dayNumber(day) * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayString(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Today in the local time zone as YYYY-MM-DD (the default --as-of). */
export function today(now: Date = new Date()): string {
  const pad = (v: number): string => String(v).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Validates an --as-of style value and returns it unchanged. */
export function parseDay(value: string, what = '--as-of'): string {
  try {
    dayNumber(value);
  } catch {
    throw InputError.of('date.field', { what, value: JSON.stringify(value) });
  }
  return value;
}

/**
 * Calendar years from `from` to `to` as whole anniversaries plus the fraction of the next year,
 * so "years >= 3" holds exactly from the third anniversary on (29 Feb anniversaries fall on 28 Feb).
 */
export function yearsBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -yearsBetween(to, from);
  let whole = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  let anniversary = dayNumber(addMonths(from, 12 * whole));
  if (anniversary > end) {
    whole -= 1;
    anniversary = dayNumber(addMonths(from, 12 * whole));
  }
  const next = dayNumber(addMonths(from, 12 * (whole + 1)));
  return whole + (end - anniversary) / (next - anniversary);
}
