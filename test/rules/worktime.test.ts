import { describe, expect, it } from 'vitest';
import { defaultServiceConfig, section, workCalendar } from '../../src/service/config.js';
import { addWorkingMinutes, elapsedMinutes, isWorkingDay, toInstant, toLocal, workingMinutesBetween, zoneOffsetMinutes } from '../../src/service/worktime.js';
import { durationMinutes, formatMinutes, parseDuration } from '../../src/service/duration.js';

const shanghai = workCalendar(defaultServiceConfig());
const at = (ts: string, zone = 'Asia/Shanghai'): number => toInstant(ts, zone);
const worked = (from: string, to: string, cal = shanghai): number => workingMinutesBetween(cal, at(from, cal.timeZone), at(to, cal.timeZone));

describe('time zones', () => {
  it('reads store wall-clock times in the configured zone', () => {
    expect(new Date(at('2025-03-07T09:00:00')).toISOString()).toBe('2025-03-07T01:00:00.000Z');
    expect(toLocal(Date.parse('2025-03-07T01:00:00Z'), 'Asia/Shanghai')).toBe('2025-03-07T09:00:00');
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.now())).toBe(480);
    expect(new Date(at('2025-03-07')).toISOString()).toBe('2025-03-06T16:00:00.000Z');
    expect(at('2025-03-07T09:00:00Z')).toBe(Date.parse('2025-03-07T09:00:00Z'));
    expect(at('2025-03-07T09:00:00+02:00')).toBe(Date.parse('2025-03-07T07:00:00Z'));
  });

  it('counts elapsed time across a DST change as real time', () => {
    // London clocks go forward at 01:00 on 30 March 2025: midnight to 03:00 is two hours.
    expect(elapsedMinutes(at('2025-03-30T00:00:00', 'Europe/London'), at('2025-03-30T03:00:00', 'Europe/London'))).toBe(120);
    expect(toLocal(at('2025-03-30T01:30:00', 'Europe/London'), 'Europe/London')).toBe('2025-03-30T02:30:00');
    // New York springs forward at 02:00 local (07:00 UTC) on 9 March 2025, falls back on 2 November.
    expect(elapsedMinutes(at('2025-03-09T01:00:00', 'America/New_York'), at('2025-03-09T03:00:00', 'America/New_York'))).toBe(60);
    expect(elapsedMinutes(at('2025-11-02T00:00:00', 'America/New_York'), at('2025-11-02T03:00:00', 'America/New_York'))).toBe(240);
    expect(toLocal(Date.parse('2025-03-09T06:59:00Z'), 'America/New_York')).toBe('2025-03-09T01:59:00');
    expect(toLocal(Date.parse('2025-03-09T07:00:00Z'), 'America/New_York')).toBe('2025-03-09T03:00:00');
  });
});

describe('working time (Mon–Fri 09:00–18:00, Asia/Shanghai, 2025/2026 holidays)', () => {
  it('counts only working hours within a day', () => {
    expect(worked('2025-03-05T10:00:00', '2025-03-05T12:30:00')).toBe(150);
    expect(worked('2025-03-05T07:00:00', '2025-03-05T20:00:00')).toBe(540);
    expect(worked('2025-03-05T12:00:00', '2025-03-05T11:00:00')).toBe(0);
  });

  it('skips the weekend', () => {
    // Friday 17:00 → Monday 10:00: one hour on Friday, one on Monday.
    expect(worked('2025-03-07T17:00:00', '2025-03-10T10:00:00')).toBe(120);
    // Saturday 10:00 → Sunday 20:00: nothing.
    expect(worked('2025-03-08T10:00:00', '2025-03-09T20:00:00')).toBe(0);
    expect(addWorkingMinutes(shanghai, at('2025-03-07T16:00:00'), 240)).toBe(at('2025-03-10T11:00:00'));
    // Starting on Saturday waits for Monday morning.
    expect(addWorkingMinutes(shanghai, at('2025-03-08T12:00:00'), 30)).toBe(at('2025-03-10T09:30:00'));
  });

  it('skips public holidays and works on make-up days (调休)', () => {
    expect(isWorkingDay(shanghai, '2025-10-01')).toBe(false); // National Day, a Wednesday
    expect(isWorkingDay(shanghai, '2025-10-11')).toBe(true); // Saturday make-up working day
    expect(isWorkingDay(shanghai, '2025-10-12')).toBe(false);
    // Tuesday 30 Sep 17:00 → Thursday 9 Oct 10:00: 1 October to 8 October are off.
    expect(worked('2025-09-30T17:00:00', '2025-10-09T10:00:00')).toBe(120);
    // Friday 10 Oct 17:00 → Monday 13 Oct 10:00 includes the whole working Saturday.
    expect(worked('2025-10-10T17:00:00', '2025-10-13T10:00:00')).toBe(60 + 540 + 60);
    // Spring Festival 2026: 15–23 Feb off, Saturday 14 Feb and 28 Feb working.
    expect(worked('2026-02-13T17:00:00', '2026-02-24T10:00:00')).toBe(60 + 540 + 60);
    expect(addWorkingMinutes(shanghai, at('2025-09-30T17:00:00'), 240)).toBe(at('2025-10-09T12:00:00'));
  });

  it('honours a lunch break and other working days', () => {
    const cal = workCalendar(section.parse({ working_hours: { days: [1, 2, 3, 4, 5, 6], hours: ['09:00-12:00', '13:30-18:00'] }, holidays: [], workdays: [] }));
    expect(worked('2025-03-05T11:00:00', '2025-03-05T14:00:00', cal)).toBe(90);
    // Saturday counts now, Sunday still does not.
    expect(worked('2025-03-07T17:00:00', '2025-03-10T10:00:00', cal)).toBe(60 + 450 + 60);
  });

  it('works in a zone with DST: London hours across the clock change weekend', () => {
    const cal = workCalendar(section.parse({ timezone: 'Europe/London', holidays: [], workdays: [] }));
    expect(worked('2025-03-28T17:00:00', '2025-03-31T10:00:00', cal)).toBe(120);
    expect(elapsedMinutes(at('2025-03-28T17:00:00', 'Europe/London'), at('2025-03-31T10:00:00', 'Europe/London'))).toBe(64 * 60);
  });
});

describe('durations', () => {
  it('reads English and Chinese units', () => {
    expect(durationMinutes('15m')).toBe(15);
    expect(durationMinutes('4h')).toBe(240);
    expect(durationMinutes('48 hours')).toBe(2880);
    expect(durationMinutes('72小时')).toBe(4320);
    expect(durationMinutes('7天')).toBe(10080);
    expect(durationMinutes('2w')).toBe(20160);
    expect(parseDuration('1mo')).toEqual({ months: 1 });
    expect(parseDuration('3个月')).toEqual({ months: 3 });
  });

  it('rejects what it cannot read', () => {
    expect(() => parseDuration('soon')).toThrow(/bad duration/);
    expect(() => parseDuration('5 fortnights')).toThrow(/bad duration/);
    expect(() => durationMinutes('1mo')).toThrow(/not months/);
  });

  it('formats minutes compactly', () => {
    expect(formatMinutes(12)).toBe('12m');
    expect(formatMinutes(90)).toBe('1.5h');
    expect(formatMinutes(4320)).toBe('3d');
    expect(formatMinutes(null)).toBe('');
  });
});
