export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

/** Indexed by `Date#getUTCDay()`, which counts from Sunday. */
const DAY_KEYS_FROM_SUNDAY: readonly DayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

/** An instant as a clock on the wall of `timeZone` shows it. */
export interface LocalParts {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  weekday: DayKey;
  /** Minutes since local midnight, 0 to 1439. */
  minuteOfDay: number;
  /** Local wall time minus UTC in minutes: 120 in Paris in summer, -300 in New York in winter. */
  offsetMinutes: number;
}

// Building a DateTimeFormat costs far more than using one, and this runs for every incoming call.
// Keys come from stored schedules, which passed `isKnownTimeZone`, so the cache stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether the runtime knows `name` as a time zone. Fixed offsets such as "+01:00" are refused:
 * they ignore daylight saving time, which is rarely what a business means.
 */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function localParts(timeZone: string, instant: Date): LocalParts {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const { year, month, day, hour, minute } = fields;
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const utcMinute = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  return {
    date: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`,
    weekday: DAY_KEYS_FROM_SUNDAY[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!,
    minuteOfDay: hour * 60 + minute,
    offsetMinutes: (wallClockAsUtc - utcMinute) / MINUTE_MS,
  };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
