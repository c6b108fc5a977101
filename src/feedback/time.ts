// Feedback timestamps are local wall-clock ISO strings without a zone ('2025-03-05T14:30:00'), as the
// importer writes them. Deadlines are computed on the same clock: hours are added by reading the string
// as UTC, which is exact and free of daylight-saving jumps.

/** 'YYYY-MM-DDTHH:MM:SS' on the local clock. */
export function localNow(date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A day ('2025-03-05'), minute or second timestamp, with or without zone, as a wall-clock string. */
export function normaliseTimestamp(value: string): string {
  const text = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00`;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?/.exec(text);
  if (!m) throw new RangeError(`not a timestamp: ${value}`);
  return `${m[1]}${m[2] ?? ':00'}`;
}

export function addHours(timestamp: string, hours: number): string {
  const ms = Date.parse(`${normaliseTimestamp(timestamp)}Z`) + hours * 3600_000;
  return new Date(ms).toISOString().slice(0, 19);
}

/** Hours from `from` to `to` (negative when `to` is earlier). */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(`${normaliseTimestamp(to)}Z`) - Date.parse(`${normaliseTimestamp(from)}Z`)) / 3600_000;
}

/** Accepts '2025-03-05', '2025-03-05 14:30' or '2025-03-05T14:30:00' from the command line. */
export function parseTimestampOption(value: string): string | undefined {
  try {
    const ts = normaliseTimestamp(value);
    return Number.isNaN(Date.parse(`${ts}Z`)) ? undefined : ts;
  } catch {
    return undefined;
  }
}
