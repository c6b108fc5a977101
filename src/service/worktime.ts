import { InputError } from '../errors.js';

// Working-time arithmetic. The store keeps times as local wall-clock text ('YYYY-MM-DDTHH:mm:ss',
// no zone) because that is how exports write them; this module turns them into instants in the
// configured time zone, so elapsed times stay right across DST changes, and counts only the
// minutes inside working periods of working days (weekends, public holidays and make-up working
// days such as China's 调休 are all configurable).

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export interface WorkCalendar {
  timeZone: string;
  /** ISO weekdays that are normally working days: 1 = Monday … 7 = Sunday. */
  weekdays: ReadonlySet<number>;
  /** Working periods of a working day, minutes from local midnight, sorted and not overlapping. */
  periods: readonly (readonly [number, number])[];
  /** Days off even though their weekday is a working day ('YYYY-MM-DD'). */
  holidays: ReadonlySet<string>;
  /** Working days even though their weekday is not (make-up days, 调休上班). */
  workdays: ReadonlySet<string>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function partsAt(timeZone: string, ms: number): Parts {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

const QUARTER_HOUR = 15 * MINUTE;
const quarterOffsets = new Map<string, Map<number, number>>();
const dayOffsets = new Map<string, Map<number, number | null>>();

function cacheOf<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let cache = caches.get(timeZone);
  if (!cache) caches.set(timeZone, (cache = new Map()));
  if (cache.size > 500_000) cache.clear();
  return cache;
}

/** Offset during the quarter hour holding `ms`: every zone's offset is a multiple of 15 minutes and changes at :00 or :30. */
function quarterOffset(timeZone: string, ms: number): number {
  const cache = cacheOf(quarterOffsets, timeZone);
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const p = partsAt(timeZone, start);
    offset = Math.round((Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - start) / MINUTE);
    cache.set(bucket, offset);
  }
  return offset;
}

/**
 * Minutes the zone is ahead of UTC at an instant (+480 for Asia/Shanghai). A UTC day whose first
 * and last quarter hours have the same offset keeps it all day (zones change at most once a day),
 * so Intl is asked twice per day, and per quarter hour only on days with a change.
 */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const cache = cacheOf(dayOffsets, timeZone);
  const day = Math.floor(ms / DAY_MS);
  let offset = cache.get(day);
  if (offset === undefined) {
    const first = quarterOffset(timeZone, day * DAY_MS);
    offset = first === quarterOffset(timeZone, (day + 1) * DAY_MS - QUARTER_HOUR) ? first : null;
    cache.set(day, offset);
  }
  return offset ?? quarterOffset(timeZone, ms);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The instant of a store timestamp: naive text is wall-clock time in `timeZone`; text with Z or an
 * offset is taken as written. A wall-clock time skipped by a DST change moves forward by the gap.
 */
export function toInstant(text: string, timeZone: string): number {
  const m = LOCAL.exec(text.trim());
  if (!m) throw InputError.of('timestamp.invalid', { value: JSON.stringify(text) });
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (m[7]) {
    if (m[7] === 'Z') return wall;
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(m[7])!;
    return wall - (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * MINUTE;
  }
  let ms = wall - zoneOffsetMinutes(timeZone, wall) * MINUTE;
  const second = zoneOffsetMinutes(timeZone, ms);
  if (wall - second * MINUTE !== ms) ms = wall - second * MINUTE;
  return ms;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Wall-clock text ('YYYY-MM-DDTHH:mm:ss') of an instant in `timeZone`. */
export function toLocal(ms: number, timeZone: string): string {
  return new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMinutes(timeZone, ms) * MINUTE).toISOString().slice(0, 19);
}

/** The current wall-clock time in `timeZone`. */
export function localNow(timeZone: string, now: Date = new Date()): string {
  return toLocal(now.getTime(), timeZone);
}

/** Day arithmetic on 'YYYY-MM-DD' text (calendar days, no zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return calendar.weekdays.has(isoWeekday(day));
}

const dayPeriods = new WeakMap<WorkCalendar, Map<string, [number, number][]>>();

/** Working periods of one day as instants (remembered per calendar: tickets share their days). */
function periodsOf(calendar: WorkCalendar, day: string): [number, number][] {
  let cache = dayPeriods.get(calendar);
  if (!cache) dayPeriods.set(calendar, (cache = new Map()));
  let periods = cache.get(day);
  if (!periods) {
    periods = isWorkingDay(calendar, day)
      ? calendar.periods.map(([from, to]) => [toInstant(`${day}T${clock(from)}`, calendar.timeZone), toInstant(`${day}T${clock(to)}`, calendar.timeZone)])
      : [];
    cache.set(day, periods);
  }
  return periods;
}

function clock(minutes: number): string {
  return minutes >= 1440 ? '23:59:59' : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(calendar: WorkCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const lastDay = toLocal(to, calendar.timeZone).slice(0, 10);
  let total = 0;
  for (let day = toLocal(from, calendar.timeZone).slice(0, 10); day <= lastDay; day = addDays(day, 1)) {
    for (const [start, end] of periodsOf(calendar, day)) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE;
}

/** The instant `minutes` working minutes after `from` (a start outside working time waits for the next period). */
export function addWorkingMinutes(calendar: WorkCalendar, from: number, minutes: number): number {
  let left = minutes * MINUTE;
  let day = toLocal(from, calendar.timeZone).slice(0, 10);
  for (let guard = 0; guard < 3700; guard++, day = addDays(day, 1)) {
    for (const [start, end] of periodsOf(calendar, day)) {
      const begin = Math.max(start, from);
      if (end <= begin) continue;
      if (left <= end - begin) return begin + left;
      left -= end - begin;
    }
  }
  throw InputError.of('calendar.noWorkingTime');
}

/** Calendar (elapsed) minutes between two instants. */
export function elapsedMinutes(from: number, to: number): number {
  return (to - from) / MINUTE;
}
