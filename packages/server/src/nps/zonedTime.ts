/** The length of an NPS statistics period. */
export type NpsInterval = 'day' | 'week' | 'month';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `name` is an IANA time zone this runtime knows (`UTC`, `Europe/Berlin`, …). */
export function isTimeZone(name: string): boolean {
  try {
    formatIn(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of the instant `ms` in `timeZone`. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatIn(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** `YYYY-MM-DD` of a UTC calendar date given in epoch milliseconds. */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The first day (`YYYY-MM-DD`, in `timeZone`) of the period that holds the instant
 * `ms`: its day, its ISO week (from Monday) or its month.
 */
export function periodStart(ms: number, interval: NpsInterval, timeZone: string): string {
  const { year, month, day } = wallClock(ms, timeZone);
  if (interval === 'month') return isoDate(Date.UTC(year, month - 1, 1));
  const date = Date.UTC(year, month - 1, day);
  if (interval === 'day') return isoDate(date);
  const sinceMonday = (new Date(date).getUTCDay() + 6) % 7;
  return isoDate(date - sinceMonday * 86_400_000);
}

/** The instant local midnight begins on the date `YYYY-MM-DD` in `timeZone`. */
export function startOfDate(date: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day);
  // The zone's offset at a first guess, then again at the corrected instant, which
  // differs from the guess only when a daylight-saving change falls in between.
  let instant = wall;
  for (let round = 0; round < 2; round++) {
    const seen = wallClock(instant, timeZone);
    const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - instant;
    instant = wall - offset;
  }
  return instant;
}
