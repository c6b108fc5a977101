import { InputError } from '../errors.js';

/** A span written in custops.yaml: minutes for m/h/d/w, calendar months for mo. */
export type Duration = { minutes: number; months?: undefined } | { months: number; minutes?: undefined };

const UNITS: Record<string, number | 'month'> = {
  m: 1, min: 1, mins: 1, minute: 1, minutes: 1, 分: 1, 分钟: 1,
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60, 时: 60, 小时: 60, 个小时: 60,
  d: 1440, day: 1440, days: 1440, 天: 1440, 日: 1440,
  w: 10080, wk: 10080, week: 10080, weeks: 10080, 周: 10080, 星期: 10080, 个星期: 10080,
  mo: 'month', month: 'month', months: 'month', 月: 'month', 个月: 'month',
};

/** '15m', '4h', '48 hours', '7d', '2w', '1mo', '72小时', '3个月' → a Duration. */
export function parseDuration(text: string | number): Duration {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z\u4e00-\u9fff]+)\s*$/i.exec(String(text));
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw InputError.of('duration.invalid', { value: JSON.stringify(text) });
  }
  const n = Number(m[1]);
  if (unit === 'month') {
    if (!Number.isInteger(n)) throw InputError.of('duration.wholeMonths', { value: JSON.stringify(text) });
    return { months: n };
  }
  return { minutes: n * unit };
}

export function durationMinutes(text: string | number): number {
  const d = parseDuration(text);
  if (d.minutes === undefined) throw InputError.of('duration.noMonths', { value: JSON.stringify(text) });
  return d.minutes;
}

/** 90 → '1.5h', 2880 → '2d', 15 → '15m': compact text for tables. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const trim = (v: number): string => String(Math.round(v * 10) / 10);
  if (abs < 60) return `${sign}${trim(abs)}m`;
  if (abs < 2880) return `${sign}${trim(abs / 60)}h`;
  return `${sign}${trim(abs / 1440)}d`;
}
