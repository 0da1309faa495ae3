import { describe, expect, it } from 'vitest';
import { isTimeZone, periodStart, startOfDate } from './zonedTime.js';

describe('zoned periods', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('puts an instant in its day, ISO week and month of the zone', () => {
    // Sunday 2030-03-03 23:30 UTC is Monday 2030-03-04 00:30 in Berlin (UTC+1).
    const ms = Date.parse('2030-03-03T23:30:00Z');
    expect(periodStart(ms, 'day', 'UTC')).toBe('2030-03-03');
    expect(periodStart(ms, 'day', 'Europe/Berlin')).toBe('2030-03-04');
    expect(periodStart(ms, 'week', 'UTC')).toBe('2030-02-25');
    expect(periodStart(ms, 'week', 'Europe/Berlin')).toBe('2030-03-04');
    expect(periodStart(Date.parse('2030-03-31T22:30:00Z'), 'month', 'UTC')).toBe('2030-03-01');
    expect(periodStart(Date.parse('2030-03-31T22:30:00Z'), 'month', 'Europe/Berlin')).toBe(
      '2030-04-01',
    );
    // A quarter-hour zone: 18:14 UTC is 23:59 in Kathmandu (UTC+5:45), 18:15 is midnight.
    expect(periodStart(Date.parse('2030-03-03T18:14:00Z'), 'day', 'Asia/Kathmandu')).toBe(
      '2030-03-03',
    );
    expect(periodStart(Date.parse('2030-03-03T18:15:00Z'), 'day', 'Asia/Kathmandu')).toBe(
      '2030-03-04',
    );
  });

  it('finds local midnight, across a daylight-saving change', () => {
    expect(new Date(startOfDate('2030-03-04', 'UTC')).toISOString()).toBe(
      '2030-03-04T00:00:00.000Z',
    );
    expect(new Date(startOfDate('2030-01-15', 'Europe/Berlin')).toISOString()).toBe(
      '2030-01-14T23:00:00.000Z',
    );
    // Berlin moves to summer time on 2030-03-31 at 02:00; that day began at UTC+1.
    expect(new Date(startOfDate('2030-03-31', 'Europe/Berlin')).toISOString()).toBe(
      '2030-03-30T23:00:00.000Z',
    );
    expect(new Date(startOfDate('2030-04-01', 'Europe/Berlin')).toISOString()).toBe(
      '2030-03-31T22:00:00.000Z',
    );
    expect(new Date(startOfDate('2030-03-04', 'America/New_York')).toISOString()).toBe(
      '2030-03-04T05:00:00.000Z',
    );
  });
});
