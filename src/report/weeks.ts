import type { Period } from './model.js';
import { UsageError } from '../errors.js';

/**
 * Report weeks. The report week is the ISO week holding the as-of day, counted from its Monday up
 * to the as-of day; the previous week is the same span one week earlier (Monday up to the same
 * weekday), so a mid-week report compares like with like. Run on a Sunday (or with --as-of a
 * Sunday) both are whole weeks.
 */
const DAY_MS = 86_400_000;

export function parseAsOf(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw UsageError.of('date.asOf', { value: text });
  }
  return text.trim();
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** ISO 8601 week label: 2025-W47 (the year is the one holding the week's Thursday). */
export function isoWeekLabel(day: string): string {
  const thursday = toDate(addDays(mondayOf(day), 3));
  const year = thursday.getUTCFullYear();
  const firstThursday = toDate(addDays(mondayOf(`${year}-01-04`), 3));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function reportWeeks(asOf: string): { week: Period; previousWeek: Period } {
  const start = mondayOf(asOf);
  return {
    week: { label: isoWeekLabel(asOf), start, end: asOf },
    previousWeek: { label: isoWeekLabel(addDays(asOf, -7)), start: addDays(start, -7), end: addDays(asOf, -7) },
  };
}

/** The `count` weeks ending with the report week, oldest first (earlier weeks whole, the last one up to as-of). */
export function trailingWeeks(asOf: string, count: number): Period[] {
  const weeks: Period[] = [];
  const monday = mondayOf(asOf);
  for (let i = count - 1; i >= 0; i--) {
    const start = addDays(monday, -7 * i);
    const end = i === 0 ? asOf : addDays(start, 6);
    weeks.push({ label: isoWeekLabel(start), start, end });
  }
  return weeks;
}

/** The day a report made today is about: yesterday, the last whole day (a Monday cron run reports last week). */
export function defaultAsOf(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return addDays(toDay(local), -1);
}
