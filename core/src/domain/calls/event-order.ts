import { statusRank } from './call-status.ts';
import type { CallEvent } from './events.ts';

/**
 * Puts a call's events in one order that depends only on the events themselves, then drops
 * repeats of the same fact, keeping the earliest. The fold reads the result front to back, so
 * whatever order the carrier delivered in, and however often it retried, it sees the same list.
 *
 * Order: instant, then carrier sequence number (Twilio's timestamps only have whole seconds), then
 * how far along the call the event is, then the event's own content so that no two distinct
 * events ever tie.
 */
export function orderEvents(events: readonly CallEvent[]): CallEvent[] {
  const keyed = events.map((event) => ({ event, content: canonical(event) }));
  keyed.sort(
    (a, b) =>
      a.event.at.getTime() - b.event.at.getTime() ||
      sequenceOf(a.event) - sequenceOf(b.event) ||
      phase(a.event) - phase(b.event) ||
      compareStrings(a.content, b.content),
  );
  const seen = new Set<string>();
  const ordered: CallEvent[] = [];
  for (const { event, content } of keyed) {
    const key = factKey(event, content);
    if (seen.has(key)) continue;
    seen.add(key);
    ordered.push(event);
  }
  return ordered;
}

function sequenceOf(event: CallEvent): number {
  return event.type === 'call.status' && event.sequence !== undefined ? event.sequence : -1;
}

/** Where an event sits in a call's life, to order events stamped with the same instant. */
function phase(event: CallEvent): number {
  switch (event.type) {
    case 'call.created':
      return 0;
    case 'call.after_hours':
      return 1;
    case 'leg.created':
      return 2;
    case 'call.status':
      return 3 + statusRank(event.status);
    case 'call.answered_by':
      return 7;
    case 'dial.result':
      return 8;
    case 'recording.completed':
      return 9;
    case 'voicemail.recorded':
      return 10;
    case 'voicemail.transcribed':
      return 11;
    case 'call.annotated':
      return 12;
  }
}

/**
 * Names the fact an event reports, so that a retried webhook (same fact, possibly stamped later
 * because we stamped it on receipt) counts once. Events that may legitimately repeat with other
 * content are keyed by their whole content.
 */
function factKey(event: CallEvent, content: string): string {
  switch (event.type) {
    case 'call.created':
    case 'leg.created':
    case 'recording.completed':
      return `${event.type}|${event.sid}`;
    case 'call.status':
      return `${event.type}|${event.sid}|${event.status}`;
    case 'call.after_hours':
      return event.type;
    case 'voicemail.recorded':
    case 'voicemail.transcribed':
      return `${event.type}|${event.recordingSid}`;
    case 'call.answered_by':
      return `${event.type}|${event.legSid}|${event.memberId}`;
    case 'dial.result':
      return event.dialCallSid === undefined
        ? content
        : `${event.type}|${event.parentSid}|${event.dialCallSid}|${event.dialStatus}`;
    case 'call.annotated':
      return content;
  }
}

/** Events are flat, so sorting their keys gives one text per distinct event. */
function canonical(event: CallEvent): string {
  const entries = Object.entries(event)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value] as const)
    .sort(([a], [b]) => compareStrings(a, b));
  return JSON.stringify(entries);
}

/** Code-unit order, so the result never depends on the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
