import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, dayString, daysBetween, parseDay, yearsBetween } from '../../src/segment/dates.js';

describe('dates', () => {
  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(dayString(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-12-10', 2)).toBe('2026-02-10');
  });
  it('rejects impossible dates with a clear message', () => {
    expect(() => dayNumber('2025-02-30')).toThrow(/not a calendar date/);
    expect(() => parseDay('2025/03/01')).toThrow(/--as-of "2025\/03\/01" is not a date/);
  });
});

describe('yearsBetween', () => {
  it('reaches whole years exactly on the anniversary', () => {
    expect(yearsBetween('2022-07-01', '2025-07-01')).toBe(3);
    expect(yearsBetween('2022-07-02', '2025-07-01')).toBeLessThan(3);
    expect(yearsBetween('2023-03-01', '2024-03-01')).toBe(1);
    expect(yearsBetween('2024-02-29', '2025-02-28')).toBe(1);
    expect(yearsBetween('2024-01-01', '2024-07-01')).toBeCloseTo(182 / 366, 12);
  });
});
