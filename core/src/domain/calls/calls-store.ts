import { createHash } from 'node:crypto';
import { enqueueRecording } from '../../ai/pipeline/enqueue.ts';
import { AppError } from '../../errors.ts';
import type { Plan } from '../../routing/plan.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { CallRecord } from './call-record.ts';
import { type CallEvent, parseCallEvent } from './events.ts';
import { foldCall } from './fold.ts';

export interface StoredCall {
  id: string;
  accountId: string;
  carrierCallSid: string;
  numberId: string | null;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  memberId: string | null;
  contactId: string | null;
  plan: Plan | null;
  record: CallRecord | null;
  final: boolean;
  createdAt: Date;
}

interface Row {
  id: string;
  account_id: string;
  carrier_call_sid: string;
  number_id: string | null;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  member_id: string | null;
  contact_id: string | null;
  plan: Plan | null;
  record: CallRecord | Record<string, never>;
  final: boolean;
  created_at: Date;
}

const toCall = (r: Row): StoredCall => ({
  id: r.id,
  accountId: r.account_id,
  carrierCallSid: r.carrier_call_sid,
  numberId: r.number_id,
  direction: r.direction,
  from: r.from_number,
  to: r.to_number,
  memberId: r.member_id,
  contactId: r.contact_id,
  plan: r.plan,
  record: 'id' in r.record ? (r.record as CallRecord) : null,
  final: r.final,
  createdAt: r.created_at,
});

/**
 * Creates the call for a carrier sid, or returns the one already there: Twilio retries a voice
 * webhook it got no answer to, and the retry must continue the same call, with the same plan.
 */
export async function openCall(
  tx: Queryable,
  input: {
    /** Chosen ahead when the carrier needs the call's URLs before the row exists (call-me-first). */
    id?: string;
    accountId: string;
    carrierCallSid: string;
    numberId: string | null;
    direction: 'inbound' | 'outbound';
    from: string;
    to: string;
    memberId?: string | null;
    contactId?: string | null;
    plan: Plan | null;
  },
): Promise<{ call: StoredCall; created: boolean }> {
  const inserted = await tx.maybeOne<Row>(sql`insert into calls
      (id, account_id, carrier_call_sid, number_id, direction, from_number, to_number, member_id, contact_id, plan)
    values (coalesce(${input.id ?? null}::uuid, gen_random_uuid()), ${input.accountId}, ${input.carrierCallSid}, ${input.numberId}, ${input.direction}, ${input.from},
      ${input.to}, ${input.memberId ?? null}, ${input.contactId ?? null}, ${input.plan ? JSON.stringify(input.plan) : null})
    on conflict (carrier_call_sid) do nothing
    returning *`);
  if (inserted) return { call: toCall(inserted), created: true };
  const existing = await tx.one<Row>(
    sql`select * from calls where carrier_call_sid = ${input.carrierCallSid} and account_id = ${input.accountId}`,
  );
  return { call: toCall(existing), created: false };
}

/**
 * Opens a call with its first events in ONE statement (data-modifying CTEs run atomically): the
 * hot path of the voice webhook. The record is folded from the events in hand. A retried webhook
 * finds the call open and adds nothing.
 */
export async function openCallWithEvents(
  db: Queryable,
  input: Parameters<typeof openCall>[1],
  events: readonly CallEvent[],
): Promise<{ call: StoredCall; created: boolean }> {
  const record = foldCall(events);
  const logged = events.map((event) => ({ key: dedupeKey(event), event }));
  const inserted = await db.maybeOne<Row>(sql`
    with opened as (
      insert into calls (id, account_id, carrier_call_sid, number_id, direction, from_number, to_number, member_id,
        contact_id, plan, record, result, final)
      values (coalesce(${input.id ?? null}::uuid, gen_random_uuid()), ${input.accountId}, ${input.carrierCallSid},
        ${input.numberId}, ${input.direction}, ${input.from}, ${input.to}, ${input.memberId ?? null},
        ${input.contactId ?? null}, ${input.plan ? JSON.stringify(input.plan) : null}, ${JSON.stringify(record)},
        ${record.result ?? null}, ${record.final})
      on conflict (carrier_call_sid) do nothing
      returning *
    ), logged as (
      insert into call_events (account_id, call_id, dedupe_key, event)
      select opened.account_id, opened.id, e.key, e.event
      from opened, jsonb_to_recordset(${JSON.stringify(logged)}::jsonb) as e(key text, event jsonb)
    )
    select * from opened`);
  if (inserted) return { call: toCall(inserted), created: true };
  const existing = await db.one<Row>(
    sql`select * from calls where carrier_call_sid = ${input.carrierCallSid} and account_id = ${input.accountId}`,
  );
  return { call: toCall(existing), created: false };
}

export async function findCall(db: Queryable, callId: string): Promise<StoredCall | null> {
  const row = await db.maybeOne<Row>(sql`select * from calls where id = ${callId}`);
  return row ? toCall(row) : null;
}

export async function getCall(db: Queryable, accountId: string, callId: string): Promise<StoredCall> {
  const row = await db.maybeOne<Row>(
    sql`select * from calls where id = ${callId} and account_id = ${accountId}`,
  );
  if (!row) throw new AppError('not_found', 'call_not_found', 'No such call in this account.');
  return toCall(row);
}

function dedupeKey(event: CallEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

/** The recording the AI pipeline processes: the conversation's, else the voicemail. */
function recordingSid(record: Partial<CallRecord>): string | undefined {
  return record.recording?.sid ?? record.voicemail?.recordingSid;
}

export interface RecordedEvents {
  call: StoredCall;
  record: CallRecord;
  /** This batch moved the call to its final state (the outbox got `call.final`). */
  becameFinal: boolean;
}

/**
 * Adds events to a call's log and recomputes its record from the whole log, in one
 * transaction with the outbox row: the call reaching its final state and the row the CRM sync
 * reads are written together or not at all. The call row is locked so two instances taking
 * callbacks of the same call fold one after the other.
 */
export async function recordCallEvents(
  db: Db,
  callId: string,
  events: readonly CallEvent[],
): Promise<RecordedEvents> {
  return db.transaction(async (tx) => {
    const row = await tx.maybeOne<Row>(sql`select * from calls where id = ${callId} for update`);
    if (!row) throw new AppError('not_found', 'call_not_found', 'No such call.');
    for (const event of events)
      await tx.execute(sql`insert into call_events (account_id, call_id, dedupe_key, event)
        values (${row.account_id}, ${callId}, ${dedupeKey(event)}, ${JSON.stringify(event)})
        on conflict (call_id, dedupe_key) do nothing`);
    const log = await tx.many<{ event: unknown }>(
      sql`select event from call_events where call_id = ${callId}`,
    );
    const record = foldCall(log.map((l) => parseCallEvent(l.event)));
    const before = JSON.stringify(row.record);
    const after = JSON.stringify(record);
    const becameFinal = record.final && !row.final;
    const memberId = row.direction === 'inbound' ? (record.answeredBy ?? null) : row.member_id;
    await tx.execute(sql`update calls set record = ${after}, result = ${record.result ?? null}, final = ${record.final},
        member_id = ${memberId}, contact_id = coalesce(${record.contactId ?? null}::uuid, contact_id), updated_at = now()
      where id = ${callId}`);
    if (becameFinal || (row.final && before !== after))
      await tx.execute(sql`insert into outbox (account_id, topic, subject_id)
        values (${row.account_id}, ${becameFinal ? 'call.final' : 'call.updated'}, ${callId})`);
    if (recordingSid(record) && recordingSid(record) !== recordingSid(row.record))
      await enqueueRecording(tx, row.account_id, callId);
    return {
      call: toCall({ ...row, record, final: record.final, member_id: memberId }),
      record,
      becameFinal,
    };
  });
}

/** Members on a live call: the router treats them as busy whatever their dialer says. */
export async function membersOnLiveCalls(db: Queryable, accountId: string): Promise<string[]> {
  const rows = await db.many<{ member_id: string }>(sql`select distinct member_id from calls
    where account_id = ${accountId} and final = false and member_id is not null`);
  return rows.map((r) => r.member_id);
}

export async function findCallBySid(db: Queryable, carrierCallSid: string): Promise<StoredCall | null> {
  const row = await db.maybeOne<Row>(sql`select * from calls where carrier_call_sid = ${carrierCallSid}`);
  return row ? toCall(row) : null;
}
