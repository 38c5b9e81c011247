import type { CallResult } from './types.ts';

/** The caller as the server saw them when the call rang (core's CallerView). */
export interface CallerView {
  from: string;
  contact: { id: string; name: string; company: string | null; phones: string[] } | null;
}

/** What /api/events sends about calls (core/src/domain/calls/live-events.ts), one per SSE event name. */
export type LiveCallEvent =
  | ({ type: 'incoming_call'; callId: string; memberIds: readonly string[] } & CallerView)
  | { type: 'call_answered'; callId: string; answeredBy: string }
  | { type: 'call_ended'; callId: string; result: CallResult | null };

export const LIVE_CALL_EVENT_TYPES = ['incoming_call', 'call_answered', 'call_ended'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads one SSE payload; anything the dialer does not know (or a malformed line) is ignored, not thrown. */
export function parseLiveCallEvent(data: string): LiveCallEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.callId !== 'string') return null;
  if (value.type === 'incoming_call' && typeof value.from === 'string') {
    const contact = isRecord(value.contact) ? value.contact : null;
    return {
      type: 'incoming_call',
      callId: value.callId,
      memberIds: Array.isArray(value.memberIds) ? value.memberIds.map(String) : [],
      from: value.from,
      contact:
        contact && typeof contact.id === 'string' && typeof contact.name === 'string'
          ? {
              id: contact.id,
              name: contact.name,
              company: typeof contact.company === 'string' ? contact.company : null,
              phones: Array.isArray(contact.phones) ? contact.phones.map(String) : [],
            }
          : null,
    };
  }
  if (value.type === 'call_answered' && typeof value.answeredBy === 'string')
    return { type: 'call_answered', callId: value.callId, answeredBy: value.answeredBy };
  if (value.type === 'call_ended')
    return {
      type: 'call_ended',
      callId: value.callId,
      result: typeof value.result === 'string' ? (value.result as CallResult) : null,
    };
  return null;
}
