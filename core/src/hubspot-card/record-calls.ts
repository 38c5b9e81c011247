import { visibleTo } from '../domain/calls/call-queries.ts';
import type { CallRecord } from '../domain/calls/call-record.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import type { CardPrincipal } from './card-principal.ts';

/** One Parley call as the card lists it on a HubSpot record. */
export interface CardCall {
  id: string;
  direction: 'inbound' | 'outbound';
  number: string;
  startedAt: string;
  member: string | null;
  talkSeconds: number | null;
  result: string | null;
  disposition: string | null;
  notes: string;
  summary: string | null;
  /** A signed, expiring link that plays the recording without a Parley session; null without one. */
  recordingUrl: string | null;
}

interface Row {
  id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  created_at: Date;
  member_name: string | null;
  result: string | null;
  disposition: string | null;
  notes: string | null;
  record: Partial<CallRecord>;
  summary: string | null;
  has_recording: boolean;
}

const CARD_LIMIT = 50;

/**
 * The calls Parley had with the people behind these HubSpot contact ids (the record itself for a
 * contact, its associated contacts for a company or deal), newest first, as this member may see them.
 */
export async function recordCalls(
  db: Queryable,
  principal: CardPrincipal,
  hubspotContactIds: readonly string[],
  recordingLink: (callId: string) => string,
): Promise<CardCall[]> {
  if (hubspotContactIds.length === 0) return [];
  const rows = await db.many<Row>(sql`
    select c.id, c.direction, c.from_number, c.to_number, c.created_at, m.name as member_name, c.result,
      c.disposition, c.notes, c.record, s.summary, (r.call_id is not null) as has_recording
    from calls c
    left join members m on m.id = c.member_id
    left join call_summaries s on s.call_id = c.id
    left join call_recordings r on r.call_id = c.id
    where c.account_id = ${principal.accountId} ${visibleTo(principal)}
      and c.contact_id in (select contact_id from contact_links
        where connection_id = ${principal.connectionId} and crm_id = any(${[...hubspotContactIds]}::text[]))
    order by c.created_at desc limit ${CARD_LIMIT}`);
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    number: row.direction === 'inbound' ? row.from_number : row.to_number,
    startedAt: row.created_at.toISOString(),
    member: row.member_name,
    talkSeconds: typeof row.record.talkSeconds === 'number' ? row.record.talkSeconds : null,
    result: row.result,
    // The record folds the rep's annotations; the columns are the call row's first copy.
    disposition: row.record.disposition ?? row.disposition,
    notes: row.record.notes ?? row.notes ?? '',
    summary: row.summary,
    recordingUrl: row.has_recording ? recordingLink(row.id) : null,
  }));
}
