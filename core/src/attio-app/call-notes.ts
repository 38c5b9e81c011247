import { annotateCall, type CallSummary, getCallFor } from '../domain/calls/call-queries.ts';
import type { Principal } from '../http/route.ts';
import type { Db } from '../store/db.ts';

/** Each note added from Attio starts a paragraph signed by its author, under what was there. */
export function appendNote(
  existing: string | null | undefined,
  note: { text: string; author: string },
): string {
  const paragraph = `${note.author}: ${note.text.trim()}`;
  return existing?.trim() ? `${existing.trimEnd()}\n\n${paragraph}` : paragraph;
}

/**
 * Adds a note to a call the member can see. The call's notes are one text (the CRM logs carry
 * it), so the note is appended rather than replacing what the rep wrote in the dialer.
 */
export async function addCallNote(
  db: Db,
  principal: Principal,
  callId: string,
  note: { text: string; author: string },
  now: Date,
): Promise<CallSummary> {
  const call = await getCallFor(db, principal, callId);
  return annotateCall(db, principal, callId, { notes: appendNote(call.record?.notes, note) }, now);
}
