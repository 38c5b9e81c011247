import { type LocalParts, localParts, MINUTE_MS, MINUTES_PER_DAY } from './local-time.ts';
import { minutesOf, type Schedule } from './schedule.ts';

/** How far `nextChange` looks ahead before answering that nothing changes. */
export const NEXT_CHANGE_HORIZON_DAYS = 14;

/** Whether the line is open at `instant`, judged by the wall clock of the schedule's time zone. */
export function isOpen(schedule: Schedule, instant: Date): boolean {
  return isOpenAt(schedule, localParts(schedule.timeZone, instant));
}

function isOpenAt(schedule: Schedule, local: LocalParts): boolean {
  const day = schedule.days[local.weekday];
  if (!day.enabled || schedule.holidays.includes(local.date)) return false;
  return day.ranges.some(
    (range) => minutesOf(range.start) <= local.minuteOfDay && local.minuteOfDay < minutesOf(range.end),
  );
}

/**
 * The first instant after `instant` at which `isOpen` answers differently, or null if it answers
 * the same for the next 14 days. `isOpen` holds still from `instant` up to the returned instant.
 *
 * Instead of testing every minute, it jumps to the next range boundary on the local clock. Within
 * one UTC offset the local clock moves minute for minute with UTC, so the jump lands exactly;
 * when the offset differs at the landing point, a daylight-saving change happened on the way,
 * and the jump is cut back to the first minute of the new offset, found by bisection.
 */
export function nextChange(schedule: Schedule, instant: Date): Date | null {
  const horizon = instant.getTime() + NEXT_CHANGE_HORIZON_DAYS * MINUTES_PER_DAY * MINUTE_MS;
  const initial = isOpen(schedule, instant);
  // Offsets are whole minutes, so the answer is the same for every instant of a UTC minute.
  let cursor = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  let here = localParts(schedule.timeZone, new Date(cursor));
  while (cursor < horizon) {
    let next = cursor + minutesToNextBoundary(schedule, here) * MINUTE_MS;
    let there = localParts(schedule.timeZone, new Date(next));
    if (there.offsetMinutes !== here.offsetMinutes) {
      next = firstMinuteWithNewOffset(schedule.timeZone, cursor, next, here.offsetMinutes);
      there = localParts(schedule.timeZone, new Date(next));
    }
    if (next > horizon) return null;
    if (isOpenAt(schedule, there) !== initial) return new Date(next);
    cursor = next;
    here = there;
  }
  return null;
}

/** Minutes from `local` to the next local time at which a range opens or closes, or midnight. */
function minutesToNextBoundary(schedule: Schedule, local: LocalParts): number {
  const day = schedule.days[local.weekday];
  let boundary = MINUTES_PER_DAY;
  if (day.enabled && !schedule.holidays.includes(local.date)) {
    for (const range of day.ranges) {
      for (const edge of [minutesOf(range.start), minutesOf(range.end)]) {
        if (edge > local.minuteOfDay && edge < boundary) boundary = edge;
      }
    }
  }
  return boundary - local.minuteOfDay;
}

/**
 * Bisects (from, to] for the first UTC minute whose offset is not `offset`, `from` having it and
 * `to` not. Assumes one offset change in between, which holds because a step never spans more
 * than a day and time zones do not change offset twice in a day.
 */
function firstMinuteWithNewOffset(timeZone: string, from: number, to: number, offset: number): number {
  let low = from;
  let high = to;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / MINUTE_MS / 2) * MINUTE_MS;
    if (localParts(timeZone, new Date(middle)).offsetMinutes === offset) low = middle;
    else high = middle;
  }
  return high;
}
