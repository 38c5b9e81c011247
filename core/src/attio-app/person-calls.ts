import { summaryForCrm } from '../ai/pipeline/results.ts';
import { visibleTo } from '../domain/calls/call-queries.ts';
import type { CallRecord, CallResult } from '../domain/calls/call-record.ts';
import type { Principal } from '../http/route.ts';
import type { E164 } from '../phone/e164.ts';
import type { RecordingLink } from '../recordings/signed-url.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';

/** One call as the Attio widget and its history dialog show it. */
export interface PersonCall {
  id: string;
  direction: 'inbound' | 'outbound';
  startedAt: Date;
  /** The person's number on this call. */
  number: string;
  /** Absent while the call is live. */
  result: CallResult | null;
  live: boolean;
  /** Whole seconds connected; 0 for a call nobody answered. */
  durationSeconds: number;
  member: { name: string; email: string } | null;
  notes: string | null;
  disposition: string | null;
  /** The AI summary (or the extract, so labelled) once the pipeline made one. */
  summary: string | null;
  /** Parley's signed link once it holds the audio, else the carrier's, as the CRM logs carry it. */
  recordingUrl: string | null;
  voicemail: { url: string; transcript: string | null } | null;
}

export interface CallRow {
  id: string;
  account_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  result: CallResult | null;
  final: boolean;
  created_at: Date;
  notes: string | null;
  disposition: string | null;
  record: CallRecord | Record<string, never>;
  member_name: string | null;
  member_email: string | null;
  has_audio: boolean;
  summary_kind: 'ai' | 'extract' | null;
  summary_text: string | null;
  summary_next_steps: string[] | null;
}

export function toPersonCall(row: CallRow, recordingUrlFor: (link: RecordingLink) => string): PersonCall {
  const record = 'id' in row.record ? (row.record as CallRecord) : null;
  return {
    id: row.id,
    direction: row.direction,
    startedAt: row.created_at,
    number: row.direction === 'inbound' ? row.from_number : row.to_number,
    result: row.result,
    live: !row.final,
    durationSeconds: record?.talkSeconds ?? 0,
    member: row.member_name && row.member_email ? { name: row.member_name, email: row.member_email } : null,
    notes: record?.notes ?? row.notes,
    disposition: record?.disposition ?? row.disposition,
    summary:
      row.summary_kind && row.summary_text
        ? summaryForCrm({
            kind: row.summary_kind,
            summary: row.summary_text,
            nextSteps: row.summary_next_steps ?? [],
          })
        : null,
    recordingUrl: row.has_audio
      ? recordingUrlFor({ accountId: row.account_id, callId: row.id })
      : (record?.recording?.url ?? null),
    voicemail: record?.voicemail
      ? { url: record.voicemail.url, transcript: record.voicemail.transcript ?? null }
      : null,
  };
}

/**
 * The calls with one Attio person, newest first: those Parley linked to the contact synced with
 * this record, and those with any of the person's numbers (a call from a number Parley has not
 * matched yet still shows). The member sees what Parley shows them elsewhere: admins every call,
 * members their own.
 */
export async function callsWithPerson(
  db: Queryable,
  principal: Principal,
  person: { contactId: string | null; phones: readonly E164[] },
  options: { limit: number; recordingUrlFor: (link: RecordingLink) => string },
): Promise<PersonCall[]> {
  const rows = await db.many<CallRow>(sql`
    select c.id, c.account_id, c.direction, c.from_number, c.to_number, c.result, c.final, c.created_at,
      c.notes, c.disposition, c.record, m.name as member_name, m.email as member_email,
      (r.audio is not null) as has_audio,
      s.kind as summary_kind, s.summary as summary_text, s.next_steps as summary_next_steps
    from calls c left join members m on m.id = c.member_id
    left join call_recordings r on r.call_id = c.id
    left join call_summaries s on s.call_id = c.id
    where c.account_id = ${principal.accountId} ${visibleTo(principal)}
      and (c.contact_id = ${person.contactId}::uuid
        or (case when c.direction = 'inbound' then c.from_number else c.to_number end) = any(${[...person.phones]}::text[]))
    order by c.created_at desc limit ${options.limit}`);
  return rows.map((row) => toPersonCall(row, options.recordingUrlFor));
}
