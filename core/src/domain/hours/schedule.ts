import { z } from 'zod';
import { fieldError } from '../../errors.ts';
import { GreetingSchema, LanguageSchema, phoneNumber, spokenText } from '../routing-policy/fields.ts';
import { DAY_KEYS, type DayKey, isKnownTimeZone } from './local-time.ts';

export const MAX_RANGES_PER_DAY = 6;
export const MAX_HOLIDAYS = 400;

const DAY_NAMES: Record<DayKey, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const START_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since midnight of a validated "HH:MM" ("24:00" is 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function daySchema(key: DayKey) {
  const day = DAY_NAMES[key];
  const range = z.object(
    {
      start: z.string({ error: `${day}: each range needs a start time such as 09:00.` }),
      end: z.string({ error: `${day}: each range needs an end time such as 18:00.` }),
    },
    { error: `${day}: write each range as { start: "09:00", end: "18:00" }.` },
  );
  return z
    .object(
      {
        enabled: z.boolean({ error: `${day}: set enabled to true (open) or false (closed).` }),
        ranges: z
          .array(range, { error: `${day}: give the opening ranges as a list, empty if closed.` })
          .max(MAX_RANGES_PER_DAY, `${day} has more than ${MAX_RANGES_PER_DAY} opening ranges: merge some.`),
      },
      { error: `${day} is missing: say whether it is open and its opening ranges.` },
    )
    .superRefine(({ enabled, ranges }, ctx) => {
      if (enabled && ranges.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['ranges'],
          message: `${day} is open but has no opening hours: add a range such as 09:00–18:00, or mark the day closed.`,
        });
      }
      const checked: { index: number; start: number; end: number }[] = [];
      ranges.forEach(({ start, end }, index) => {
        const label = `${day}, range ${index + 1}`;
        const startValid = START_TIME.test(start);
        const endValid = END_TIME.test(end);
        if (!startValid) {
          ctx.addIssue({
            code: 'custom',
            path: ['ranges', index, 'start'],
            message: `${label}: the start "${start}" is not a time; write it as HH:MM between 00:00 and 23:59, such as 09:00.`,
          });
        }
        if (!endValid) {
          ctx.addIssue({
            code: 'custom',
            path: ['ranges', index, 'end'],
            message: `${label}: the end "${end}" is not a time; write it as HH:MM between 00:01 and 24:00, such as 18:00.`,
          });
        }
        if (!startValid || !endValid) return;
        if (minutesOf(start) >= minutesOf(end)) {
          ctx.addIssue({
            code: 'custom',
            path: ['ranges', index, 'end'],
            message: `${label} ends at ${end}, which is not after its start ${start}: a range must end later the same day (use 24:00 for midnight).`,
          });
          return;
        }
        const current = { index, start: minutesOf(start), end: minutesOf(end) };
        const clash = checked.find((other) => other.start < current.end && current.start < other.end);
        if (clash) {
          const other = ranges[clash.index]!;
          ctx.addIssue({
            code: 'custom',
            path: ['ranges', index, 'start'],
            message: `${label} (${start}–${end}) overlaps range ${clash.index + 1} (${other.start}–${other.end}): change one so they share no time.`,
          });
        }
        checked.push(current);
      });
    });
}

const DaysSchema = z.object(
  {
    mon: daySchema('mon'),
    tue: daySchema('tue'),
    wed: daySchema('wed'),
    thu: daySchema('thu'),
    fri: daySchema('fri'),
    sat: daySchema('sat'),
    sun: daySchema('sun'),
  },
  { error: 'Give the opening hours of every day, from mon to sun.' },
);
export type DaySchedule = z.infer<typeof DaysSchema>[DayKey];

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const HolidaySchema = z
  .string({ error: 'Write each holiday as a date YYYY-MM-DD, such as 2026-12-25.' })
  .superRefine((value, ctx) => {
    if (!isCalendarDate(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `The holiday "${value}" is not a calendar date: write it as YYYY-MM-DD, such as 2026-12-25.`,
      });
    }
  });

const HolidaysSchema = z
  .array(HolidaySchema, { error: 'Give holidays as a list of dates YYYY-MM-DD, empty if none.' })
  .max(MAX_HOLIDAYS, `There are more than ${MAX_HOLIDAYS} holidays: remove past ones.`)
  // Sorted and unique so that saving the same set twice stores the same value.
  .transform((dates) => [...new Set(dates)].sort());

export const AfterHoursSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('voicemail'), greeting: GreetingSchema.optional() }),
    z.object({ kind: z.literal('forward'), to: phoneNumber('The after-hours forwarding number') }),
    z.object({
      kind: z.literal('announcement'),
      text: spokenText('The after-hours announcement'),
      language: LanguageSchema,
    }),
    z.object({ kind: z.literal('ai_receptionist') }),
  ],
  {
    error: 'Choose what callers get after hours: kind voicemail, forward, announcement or ai_receptionist.',
  },
);
export type AfterHours = z.infer<typeof AfterHoursSchema>;

const TimeZoneSchema = z
  .string({ error: 'Give the time zone as an IANA name such as Europe/Paris.' })
  .refine(isKnownTimeZone, {
    error: (issue) =>
      `Unknown time zone ${JSON.stringify(issue.input)}: use an IANA name such as Europe/Paris`,
  });

export const ScheduleSchema = z.object(
  {
    timeZone: TimeZoneSchema,
    days: DaysSchema,
    holidays: HolidaysSchema.default([]),
    afterHours: AfterHoursSchema,
  },
  { error: 'Give business hours as { timeZone, days, holidays, afterHours }.' },
);
export type Schedule = z.infer<typeof ScheduleSchema>;
export type ScheduleInput = z.input<typeof ScheduleSchema>;

/** Weekdays 09:00–18:00, weekends closed, voicemail after hours: what a new number starts with. */
export function defaultSchedule(timeZone: string): Schedule {
  const weekday = { enabled: true, ranges: [{ start: '09:00', end: '18:00' }] };
  const weekend = { enabled: false, ranges: [] };
  const parsed = ScheduleSchema.safeParse({
    timeZone,
    days: Object.fromEntries(
      DAY_KEYS.map((key) => [key, key === 'sat' || key === 'sun' ? weekend : weekday]),
    ),
    holidays: [],
    afterHours: { kind: 'voicemail' },
  });
  if (!parsed.success) throw fieldError('timeZone', parsed.error.issues[0]?.message ?? 'Unknown time zone.');
  return parsed.data;
}
