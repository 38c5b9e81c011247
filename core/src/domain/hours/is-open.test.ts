import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, NEXT_CHANGE_HORIZON_DAYS, nextChange } from './is-open.ts';
import { DAY_KEYS, type DayKey, localParts } from './local-time.ts';
import { type Schedule, ScheduleSchema } from './schedule.ts';

const MINUTE = 60_000;

/** Builds a schedule from "HH:MM-HH:MM" ranges per open day; days not given are closed. */
function hours(timeZone: string, open: Partial<Record<DayKey, string[]>>, holidays: string[] = []): Schedule {
  const days = Object.fromEntries(
    DAY_KEYS.map((key) => {
      const ranges = (open[key] ?? []).map((range) => {
        const [start, end] = range.split('-');
        return { start, end };
      });
      return [key, { enabled: ranges.length > 0, ranges }];
    }),
  );
  return ScheduleSchema.parse({ timeZone, days, holidays, afterHours: { kind: 'voicemail' } });
}

const at = (iso: string) => new Date(iso);
const weekdays = (range: string) => ({
  mon: [range],
  tue: [range],
  wed: [range],
  thu: [range],
  fri: [range],
});
const everyDay = (range: string) => ({ ...weekdays(range), sat: [range], sun: [range] });

describe('localParts', () => {
  it.each([
    [
      'Europe/Paris',
      '2026-03-29T00:59:00Z',
      { date: '2026-03-29', weekday: 'sun', minuteOfDay: 119, offsetMinutes: 60 },
    ],
    [
      'Europe/Paris',
      '2026-03-29T01:00:00Z',
      { date: '2026-03-29', weekday: 'sun', minuteOfDay: 180, offsetMinutes: 120 },
    ],
    [
      'America/New_York',
      '2026-03-02T03:00:00Z',
      { date: '2026-03-01', weekday: 'sun', minuteOfDay: 1320, offsetMinutes: -300 },
    ],
    [
      'Asia/Kolkata',
      '2026-12-24T20:00:30Z',
      { date: '2026-12-25', weekday: 'fri', minuteOfDay: 90, offsetMinutes: 330 },
    ],
    ['UTC', '2026-01-01T00:00:00Z', { date: '2026-01-01', weekday: 'thu', minuteOfDay: 0, offsetMinutes: 0 }],
  ])('reads %s at %s as %j', (timeZone, iso, expected) => {
    expect(localParts(timeZone, at(iso))).toEqual(expected);
  });
});

describe('isOpen', () => {
  const paris = hours('Europe/Paris', weekdays('09:00-18:00'), ['2026-12-25']);

  it.each([
    ['opens at the start minute', paris, '2026-03-02T08:00:00Z', true],
    ['is closed the millisecond before the start', paris, '2026-03-02T07:59:59.999Z', false],
    ['is open until the last minute of a range', paris, '2026-03-02T16:59:59Z', true],
    ['closes at the end minute', paris, '2026-03-02T17:00:00Z', false],
    ['follows summer time for the same wall clock', paris, '2026-06-01T07:00:00Z', true],
    ['is closed in summer an hour before opening', paris, '2026-06-01T06:59:00Z', false],
    ['is closed on a disabled day', paris, '2026-03-07T10:00:00Z', false],
    ['is closed on a holiday', paris, '2026-12-25T10:00:00Z', false],
    ['is open the day before a holiday', paris, '2026-12-24T10:00:00Z', true],
  ])('%s (Paris weekdays 09:00–18:00)', (_, schedule, iso, expected) => {
    expect(isOpen(schedule, at(iso))).toBe(expected);
  });

  it('judges holidays by the local date, not the UTC one', () => {
    const kolkata = hours('Asia/Kolkata', everyDay('00:00-24:00'), ['2026-12-25']);
    expect(isOpen(kolkata, at('2026-12-24T18:29:00Z'))).toBe(true);
    expect(isOpen(kolkata, at('2026-12-24T18:30:00Z'))).toBe(false);
    expect(isOpen(kolkata, at('2026-12-25T18:30:00Z'))).toBe(true);
  });

  it('keeps ranges of a disabled day closed', () => {
    const open = hours('Europe/Paris', { sat: ['09:00-18:00'] });
    const disabled = ScheduleSchema.parse({
      ...open,
      days: { ...open.days, sat: { ...open.days.sat, enabled: false } },
    });
    expect(isOpen(open, at('2026-03-07T10:00:00Z'))).toBe(true);
    expect(isOpen(disabled, at('2026-03-07T10:00:00Z'))).toBe(false);
  });

  it.each([
    ['2026-03-02T03:29:00Z', false],
    ['2026-03-02T03:30:00Z', true],
    ['2026-03-02T12:29:59Z', true],
    ['2026-03-02T12:30:00Z', false],
  ])('applies the half-hour offset of Asia/Kolkata at %s', (iso, expected) => {
    expect(isOpen(hours('Asia/Kolkata', weekdays('09:00-18:00')), at(iso))).toBe(expected);
  });

  it.each([
    ['2026-03-02T22:59:00Z', true],
    ['2026-03-02T23:00:00Z', false],
  ])('ends a range at 24:00 at local midnight (%s)', (iso, expected) => {
    expect(isOpen(hours('Europe/Paris', { mon: ['20:00-24:00'] }), at(iso))).toBe(expected);
  });

  describe('across daylight saving time changes', () => {
    // Paris, Sunday 2026-03-29: at 01:00 UTC the clocks jump from 02:00 to 03:00.
    const parisSpring = hours('Europe/Paris', { sun: ['01:00-04:00'] });
    // Paris, Sunday 2026-10-25: at 01:00 UTC the clocks go back from 03:00 to 02:00.
    const parisAutumn = hours('Europe/Paris', { sun: ['02:30-04:00'] });
    // New York, Sunday 2026-03-08 at 07:00 UTC (02:00 → 03:00) and 2026-11-01 at 06:00 UTC (02:00 → 01:00).
    const newYork = hours('America/New_York', { sun: ['01:00-04:00'] });

    it.each([
      ['Paris spring, 00:59 CET', parisSpring, '2026-03-28T23:59:00Z', false],
      ['Paris spring, 01:00 CET', parisSpring, '2026-03-29T00:00:00Z', true],
      ['Paris spring, 01:59 CET', parisSpring, '2026-03-29T00:59:59Z', true],
      ['Paris spring, 03:00 CEST right after the gap', parisSpring, '2026-03-29T01:00:00Z', true],
      ['Paris spring, 03:59 CEST', parisSpring, '2026-03-29T01:59:00Z', true],
      ['Paris spring, 04:00 CEST', parisSpring, '2026-03-29T02:00:00Z', false],
      ['Paris autumn, 02:29 CEST', parisAutumn, '2026-10-25T00:29:00Z', false],
      ['Paris autumn, 02:30 CEST', parisAutumn, '2026-10-25T00:30:00Z', true],
      ['Paris autumn, 02:00 CET after going back', parisAutumn, '2026-10-25T01:00:00Z', false],
      ['Paris autumn, 02:30 CET the second time', parisAutumn, '2026-10-25T01:30:00Z', true],
      ['Paris autumn, 04:00 CET', parisAutumn, '2026-10-25T03:00:00Z', false],
      ['New York spring, 01:59 EST', newYork, '2026-03-08T06:59:00Z', true],
      ['New York spring, 03:00 EDT', newYork, '2026-03-08T07:00:00Z', true],
      ['New York spring, 04:00 EDT', newYork, '2026-03-08T08:00:00Z', false],
      ['New York autumn, 01:00 EDT', newYork, '2026-11-01T05:00:00Z', true],
      ['New York autumn, 01:00 EST the second time', newYork, '2026-11-01T06:00:00Z', true],
      ['New York autumn, 03:59 EST', newYork, '2026-11-01T08:59:00Z', true],
      ['New York autumn, 04:00 EST', newYork, '2026-11-01T09:00:00Z', false],
    ])('%s', (_, schedule, iso, expected) => {
      expect(isOpen(schedule, at(iso))).toBe(expected);
    });
  });
});

describe('nextChange', () => {
  it.each([
    [
      'closes a Paris spring-forward range after two real hours',
      hours('Europe/Paris', { sun: ['01:00-04:00'] }),
      '2026-03-29T00:30:00Z',
      '2026-03-29T02:00:00Z',
    ],
    [
      'opens a range that starts in the spring-forward gap when the clocks jump',
      hours('Europe/Paris', { sun: ['02:30-04:00'] }),
      '2026-03-28T12:00:00Z',
      '2026-03-29T01:00:00Z',
    ],
    [
      'skips a range that lies wholly in the spring-forward gap',
      hours('Europe/Paris', { sun: ['02:10-02:50'], mon: ['09:00-10:00'] }),
      '2026-03-28T12:00:00Z',
      '2026-03-30T07:00:00Z',
    ],
    [
      'closes when Paris clocks go back before the range start',
      hours('Europe/Paris', { sun: ['02:30-04:00'] }),
      '2026-10-25T00:45:00Z',
      '2026-10-25T01:00:00Z',
    ],
    [
      'reopens when the Paris wall clock reaches the start a second time',
      hours('Europe/Paris', { sun: ['02:30-04:00'] }),
      '2026-10-25T01:00:00Z',
      '2026-10-25T01:30:00Z',
    ],
    [
      'closes a New York fall-back range after four real hours',
      hours('America/New_York', { sun: ['01:00-04:00'] }),
      '2026-11-01T05:00:00Z',
      '2026-11-01T09:00:00Z',
    ],
    [
      'opens on Monday morning after a closed weekend',
      hours('America/New_York', weekdays('09:00-17:00')),
      '2026-03-06T23:00:00Z',
      '2026-03-09T13:00:00Z',
    ],
    [
      'skips a holiday',
      hours('Europe/Paris', weekdays('09:00-18:00'), ['2026-12-25']),
      '2026-12-24T17:00:00Z',
      '2026-12-28T08:00:00Z',
    ],
    [
      'runs through midnight when 24:00 meets the next day at 00:00',
      hours('Europe/Paris', { mon: ['20:00-24:00'], tue: ['00:00-02:00'] }),
      '2026-03-02T20:00:00Z',
      '2026-03-03T01:00:00Z',
    ],
    [
      'honours the half-hour offset of Asia/Kolkata',
      hours('Asia/Kolkata', weekdays('09:00-18:00')),
      '2026-03-02T00:00:00Z',
      '2026-03-02T03:30:00Z',
    ],
    [
      'rounds up from the middle of a minute to the next whole minute',
      hours('Europe/Paris', weekdays('09:00-18:00')),
      '2026-03-02T07:59:30.500Z',
      '2026-03-02T08:00:00Z',
    ],
  ])('%s', (_, schedule, from, expected) => {
    expect(nextChange(schedule, at(from))?.toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['always open', hours('Europe/Paris', everyDay('00:00-24:00'))],
    ['always closed', hours('Europe/Paris', {})],
  ])('finds nothing for a schedule that is %s', (_, schedule) => {
    expect(nextChange(schedule, at('2026-03-25T12:00:00Z'))).toBeNull();
  });

  it('looks exactly 14 days ahead, the last instant included', () => {
    const rare = hours('UTC', { mon: ['09:00-10:00'] }, ['2026-03-02', '2026-03-09']);
    expect(nextChange(rare, at('2026-03-02T08:59:00Z'))).toBeNull();
    expect(nextChange(rare, at('2026-03-02T08:59:59.999Z'))).toBeNull();
    expect(nextChange(rare, at('2026-03-02T09:00:00Z'))?.toISOString()).toBe('2026-03-16T09:00:00.000Z');
  });
});

/**
 * The oracle reads the UTC offset ("GMT+05:30") instead of the wall-clock fields `localParts`
 * reads, and does the calendar arithmetic on a shifted Date itself.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMinutesOracle(timeZone: string, instant: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw new Error(`Unexpected offset name ${name}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function isOpenOracle(schedule: Schedule, instant: number): boolean {
  const wall = new Date(instant + offsetMinutesOracle(schedule.timeZone, instant) * MINUTE);
  const day = schedule.days[(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[wall.getUTCDay()]!];
  if (!day.enabled || schedule.holidays.includes(wall.toISOString().slice(0, 10))) return false;
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return day.ranges.some((range) => toMinute(range.start) <= minute && minute < toMinute(range.end));
}

/** Every zone that changes offset in 2026, with the instants (UTC) it does so. */
const TRANSITIONS: Record<string, string[]> = {
  'Europe/Paris': ['2026-03-29T01:00Z', '2026-10-25T01:00Z'],
  'America/New_York': ['2026-03-08T07:00Z', '2026-11-01T06:00Z'],
  'America/St_Johns': ['2026-03-08T05:30Z', '2026-11-01T04:30Z'],
  'Australia/Lord_Howe': ['2026-04-04T15:00Z', '2026-10-03T15:30Z'],
  'Pacific/Chatham': ['2026-04-04T14:00Z', '2026-09-26T14:00Z'],
};
const STEADY_ZONES = ['Asia/Kolkata', 'Asia/Kathmandu', 'UTC'];

it('the property tests aim at real offset changes', () => {
  for (const [zone, instants] of Object.entries(TRANSITIONS)) {
    for (const iso of instants) {
      const instant = Date.parse(iso);
      expect(offsetMinutesOracle(zone, instant - MINUTE)).not.toBe(offsetMinutesOracle(zone, instant));
    }
  }
});

const YEAR_START = Date.parse('2026-01-01T00:00Z');
const YEAR_END = Date.parse('2027-01-01T00:00Z');

const zoneAndInstant = fc.oneof(
  fc.record({
    zone: fc.constantFrom(...Object.keys(TRANSITIONS), ...STEADY_ZONES),
    instant: fc.integer({ min: YEAR_START, max: YEAR_END }),
  }),
  fc
    .constantFrom(
      ...Object.entries(TRANSITIONS).flatMap(([zone, list]) => list.map((iso) => ({ zone, iso }))),
    )
    .chain(({ zone, iso }) =>
      fc.record({
        zone: fc.constant(zone),
        // Whole minutes near the change most of the time, so boundaries line up with it.
        instant: fc.oneof(
          fc.integer({ min: -36 * 60, max: 36 * 60 }).map((minutes) => Date.parse(iso) + minutes * MINUTE),
          fc.integer({ min: Date.parse(iso) - 3 * 86_400_000, max: Date.parse(iso) + 86_400_000 }),
        ),
      }),
    ),
);

// Minutes that matter around daylight saving changes (01:00–04:00) show up often.
const boundaryMinute = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 60, 90, 105, 120, 135, 150, 165, 180, 210, 240, 1440),
);
const time = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const dayArb = fc.uniqueArray(boundaryMinute, { maxLength: 12 }).chain((edges) => {
  const sorted = [...edges].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    ranges.push({ start: time(sorted[i]!), end: time(sorted[i + 1]!) });
  return fc.record({
    enabled: ranges.length > 0 ? fc.boolean() : fc.constant(false),
    ranges: fc.shuffledSubarray(ranges, { minLength: ranges.length }),
  });
});

const caseArb = zoneAndInstant.chain(({ zone, instant }) => {
  const nearbyDates = Array.from({ length: 18 }, (_, i) =>
    new Date(instant + (i - 2) * 86_400_000).toISOString().slice(0, 10),
  );
  return fc.record({
    instant: fc.constant(instant),
    schedule: fc
      .record({
        days: fc.record(
          Object.fromEntries(DAY_KEYS.map((key) => [key, dayArb])) as Record<DayKey, typeof dayArb>,
        ),
        holidays: fc.subarray(nearbyDates, { maxLength: 4 }),
      })
      .map(({ days, holidays }) =>
        ScheduleSchema.parse({ timeZone: zone, days, holidays, afterHours: { kind: 'voicemail' } }),
      ),
  });
});

describe('properties', () => {
  it('isOpen agrees with an oracle that works from the UTC offset', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, instant }) => {
        expect(isOpen(schedule, new Date(instant))).toBe(isOpenOracle(schedule, instant));
      }),
      { numRuns: 2000 },
    );
  });

  /**
   * What nextChange promises, checked minute by minute with the oracle (the answer cannot change
   * inside a UTC minute since offsets are whole minutes): when it returns t, t is later than the
   * instant, isOpen holds its initial value on every minute before t and differs at t; when it
   * returns null, isOpen holds its initial value for the whole horizon.
   */
  it('nextChange returns exactly the first instant isOpen flips within the horizon', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, instant }) => {
        const initial = isOpenOracle(schedule, instant);
        const change = nextChange(schedule, new Date(instant));
        const horizon = instant + NEXT_CHANGE_HORIZON_DAYS * 1440 * MINUTE;
        const end = change === null ? horizon : change.getTime();
        if (change !== null) {
          expect(end).toBeGreaterThan(instant);
          expect(end).toBeLessThanOrEqual(horizon);
          expect(end % MINUTE).toBe(0);
          expect(isOpenOracle(schedule, end)).not.toBe(initial);
        }
        for (let minute = Math.floor(instant / MINUTE) * MINUTE + MINUTE; minute < end; minute += MINUTE) {
          if (isOpenOracle(schedule, minute) !== initial) {
            expect.fail(`isOpen flips at ${new Date(minute).toISOString()}, before ${change?.toISOString()}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
