import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { defaultSchedule, type ScheduleInput, ScheduleSchema } from './schedule.ts';

const closed = { enabled: false, ranges: [] };
const nineToSix = { enabled: true, ranges: [{ start: '09:00', end: '18:00' }] };

function schedule(overrides: Record<string, unknown> = {}): ScheduleInput {
  return {
    timeZone: 'Europe/Paris',
    days: {
      mon: nineToSix,
      tue: nineToSix,
      wed: nineToSix,
      thu: nineToSix,
      fri: nineToSix,
      sat: closed,
      sun: closed,
    },
    holidays: [],
    afterHours: { kind: 'voicemail' },
    ...overrides,
  } as ScheduleInput;
}

function withDay(day: string, value: unknown): ScheduleInput {
  return schedule({ days: { ...schedule().days, [day]: value } });
}

function issues(input: unknown): [string, string][] {
  const result = ScheduleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('ScheduleSchema accepts', () => {
  it('the default schedule, unchanged', () => {
    const value = defaultSchedule('Europe/Paris');
    expect(ScheduleSchema.parse(value)).toEqual(value);
    expect(value.days.mon.ranges).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(value.days.sat).toEqual({ enabled: false, ranges: [] });
    expect(value.afterHours).toEqual({ kind: 'voicemail' });
  });

  it.each([['Europe/Paris'], ['UTC'], ['Asia/Kolkata'], ['Asia/Calcutta'], ['America/New_York']])(
    'the time zone %s, stored as given',
    (timeZone) => {
      expect(ScheduleSchema.parse(schedule({ timeZone })).timeZone).toBe(timeZone);
    },
  );

  it('ranges that end at 24:00, touch each other, or come out of order', () => {
    const day = {
      enabled: true,
      ranges: [
        { start: '14:00', end: '24:00' },
        { start: '00:00', end: '12:00' },
        { start: '12:00', end: '14:00' },
      ],
    };
    expect(issues(withDay('mon', day))).toEqual([]);
  });

  it('a closed day that keeps its ranges for when it reopens', () => {
    const day = { enabled: false, ranges: [{ start: '10:00', end: '12:00' }] };
    expect(ScheduleSchema.parse(withDay('sat', day)).days.sat).toEqual(day);
  });

  it('holidays, stored sorted and without duplicates', () => {
    const parsed = ScheduleSchema.parse(schedule({ holidays: ['2026-12-25', '2026-01-01', '2026-12-25'] }));
    expect(parsed.holidays).toEqual(['2026-01-01', '2026-12-25']);
  });

  it('a missing holiday list as no holidays', () => {
    const { holidays: _, ...rest } = schedule();
    expect(ScheduleSchema.parse(rest).holidays).toEqual([]);
  });

  it('a leap day as a holiday', () => {
    expect(issues(schedule({ holidays: ['2028-02-29'] }))).toEqual([]);
  });

  it.each([
    [{ kind: 'voicemail' }],
    [{ kind: 'voicemail', greeting: { text: 'Nous sommes fermés.', language: 'fr' } }],
    [{ kind: 'forward', to: '+33612345678' }],
    [{ kind: 'announcement', text: 'We are closed, call back tomorrow.', language: 'en' }],
    [{ kind: 'ai_receptionist' }],
  ])('the after-hours action %j', (afterHours) => {
    expect(ScheduleSchema.parse(schedule({ afterHours })).afterHours).toEqual(afterHours);
  });
});

describe('ScheduleSchema refuses, naming the field', () => {
  it.each([
    ['Mars/Olympus', 'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Paris'],
    ['+01:00', 'Unknown time zone "+01:00": use an IANA name such as Europe/Paris'],
    ['', 'Unknown time zone "": use an IANA name such as Europe/Paris'],
  ])('the time zone %j', (timeZone, message) => {
    expect(issues(schedule({ timeZone }))).toEqual([['timeZone', message]]);
  });

  it('a range that ends before it starts, at its end', () => {
    const day = {
      enabled: true,
      ranges: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '13:00' },
      ],
    };
    expect(issues(withDay('mon', day))).toEqual([
      [
        'days.mon.ranges.1.end',
        'Monday, range 2 ends at 13:00, which is not after its start 14:00: a range must end later the same day (use 24:00 for midnight).',
      ],
    ]);
  });

  it('an empty range, at its end', () => {
    const day = { enabled: true, ranges: [{ start: '10:00', end: '10:00' }] };
    expect(issues(withDay('tue', day)).map(([path]) => path)).toEqual(['days.tue.ranges.0.end']);
  });

  it.each([
    ['9:00', '18:00', 'days.tue.ranges.0.start', 'Tuesday, range 1: the start "9:00" is not a time'],
    ['24:00', '24:00', 'days.tue.ranges.0.start', 'Tuesday, range 1: the start "24:00" is not a time'],
    ['09:00', '24:30', 'days.tue.ranges.0.end', 'Tuesday, range 1: the end "24:30" is not a time'],
    ['09:00', '18:60', 'days.tue.ranges.0.end', 'Tuesday, range 1: the end "18:60" is not a time'],
  ])('the malformed times %s–%s', (start, end, path, message) => {
    const found = issues(withDay('tue', { enabled: true, ranges: [{ start, end }] }));
    expect(found).toHaveLength(1);
    expect(found[0]?.[0]).toBe(path);
    expect(found[0]?.[1]).toContain(message);
    expect(found[0]?.[1]).toContain('HH:MM');
  });

  it('overlapping ranges, at the later one, naming both', () => {
    const day = {
      enabled: true,
      ranges: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '14:00' },
      ],
    };
    expect(issues(withDay('wed', day))).toEqual([
      [
        'days.wed.ranges.1.start',
        'Wednesday, range 2 (11:00–14:00) overlaps range 1 (09:00–12:00): change one so they share no time.',
      ],
    ]);
  });

  it('a range that contains a later one', () => {
    const day = {
      enabled: true,
      ranges: [
        { start: '08:00', end: '20:00' },
        { start: '09:00', end: '10:00' },
        { start: '12:00', end: '13:00' },
      ],
    };
    expect(issues(withDay('wed', day)).map(([path]) => path)).toEqual([
      'days.wed.ranges.1.start',
      'days.wed.ranges.2.start',
    ]);
  });

  it('an open day without ranges', () => {
    expect(issues(withDay('thu', { enabled: true, ranges: [] }))).toEqual([
      [
        'days.thu.ranges',
        'Thursday is open but has no opening hours: add a range such as 09:00–18:00, or mark the day closed.',
      ],
    ]);
  });

  it('more than six ranges in a day', () => {
    const ranges = Array.from({ length: 7 }, (_, hour) => ({ start: `0${hour}:00`, end: `0${hour}:30` }));
    expect(issues(withDay('fri', { enabled: true, ranges }))).toEqual([
      ['days.fri.ranges', 'Friday has more than 6 opening ranges: merge some.'],
    ]);
  });

  it('a missing day', () => {
    const { sun: _, ...days } = schedule().days;
    expect(issues(schedule({ days }))).toEqual([
      ['days.sun', 'Sunday is missing: say whether it is open and its opening ranges.'],
    ]);
  });

  it('a day without its enabled flag', () => {
    expect(issues(withDay('sat', { ranges: [] }))).toEqual([
      ['days.sat.enabled', 'Saturday: set enabled to true (open) or false (closed).'],
    ]);
  });

  it.each([
    ['2026-02-30', 1],
    ['25/12/2026', 1],
    ['2027-02-29', 1],
    ['2026-13-01', 1],
  ])('the holiday %s', (bad, index) => {
    expect(issues(schedule({ holidays: ['2026-12-25', bad] }))).toEqual([
      [
        `holidays.${index}`,
        `The holiday "${bad}" is not a calendar date: write it as YYYY-MM-DD, such as 2026-12-25.`,
      ],
    ]);
  });

  it('a forwarding number not in international format', () => {
    expect(issues(schedule({ afterHours: { kind: 'forward', to: '06 12 34 56 78' } }))).toEqual([
      [
        'afterHours.to',
        'The after-hours forwarding number must be a phone number in international format, such as +33612345678.',
      ],
    ]);
  });

  it('an unknown after-hours kind', () => {
    expect(issues(schedule({ afterHours: { kind: 'sms' } }))).toEqual([
      [
        'afterHours.kind',
        'Choose what callers get after hours: kind voicemail, forward, announcement or ai_receptionist.',
      ],
    ]);
  });

  it('an empty announcement', () => {
    expect(issues(schedule({ afterHours: { kind: 'announcement', text: '  ', language: 'fr' } }))).toEqual([
      ['afterHours.text', 'The after-hours announcement is empty: write the text callers should hear.'],
    ]);
  });

  it('an announcement in a language we cannot speak', () => {
    expect(
      issues(schedule({ afterHours: { kind: 'announcement', text: 'Geschlossen.', language: 'de' } })),
    ).toEqual([['afterHours.language', 'Choose the language "fr" (French) or "en" (English).']]);
  });

  it('a voicemail greeting longer than 1000 characters', () => {
    const greeting = { text: 'a'.repeat(1001), language: 'en' };
    expect(issues(schedule({ afterHours: { kind: 'voicemail', greeting } }))).toEqual([
      ['afterHours.greeting.text', 'The greeting is longer than 1000 characters: shorten it.'],
    ]);
  });
});

describe('defaultSchedule', () => {
  it('is open on weekdays 09:00–18:00 and closed at weekends', () => {
    const { days } = defaultSchedule('America/New_York');
    for (const key of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(days[key]).toEqual(nineToSix);
    expect(days.sat.enabled).toBe(false);
    expect(days.sun.enabled).toBe(false);
  });

  it('refuses an unknown time zone with a field error', () => {
    const attempt = () => defaultSchedule('Nowhere/Special');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        details: {
          fields: { timeZone: 'Unknown time zone "Nowhere/Special": use an IANA name such as Europe/Paris' },
        },
      }),
    );
  });
});
