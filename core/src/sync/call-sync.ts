import {
  type CallLog,
  CRM_KINDS,
  type CrmConnector,
  CrmError,
  type E164,
  isCrmError,
  type RecordRef,
  type RetryPolicy,
  retryDecision,
} from '@parley/connectors';
import { summaryForCrm, transcriptText } from '../ai/pipeline/results.ts';
import type { TranscriptSegment } from '../ai/transcription/port.ts';
import type { CallRecord } from '../domain/calls/call-record.ts';
import type { RecordingLink } from '../recordings/signed-url.ts';
import type { Db, Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type ConnectionRow, markReconnectNeeded, toConnection } from './connections.ts';
import type { ConnectorFor } from './connector-cache.ts';
import { createLinkedContact } from './contact-links.ts';
import { type CallToLog, planCallLog, remoteNumber } from './decide.ts';

export const DEFAULT_SYNC_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/**
 * Turns finished and updated calls in the outbox into one sync row per connected CRM, in one
 * statement: the outbox row is done exactly when its sync rows exist. An update to a call already
 * logged makes its row pending again with a higher `wanted`, so the same CRM record is updated.
 */
export async function fanOutCalls(db: Queryable, limit = 500): Promise<number> {
  const rows = await db.many<{ n: number }>(sql`
    with claimed as (
      update outbox set status = 'done', processed_at = now(), attempts = attempts + 1
      where id in (select id from outbox where status = 'pending' and topic in ('call.final', 'call.updated')
        and available_at <= now() order by available_at limit ${limit} for update skip locked)
      returning account_id, subject_id
    ), targets as (
      select distinct k.account_id, c.subject_id as call_id, k.id as connection_id
      -- contact sources (Google Contacts) log no calls
      from claimed c join crm_connections k on k.account_id = c.account_id and k.kind = any(${[...CRM_KINDS]}::text[])
    ), written as (
      insert into call_syncs (call_id, connection_id, account_id)
      select call_id, connection_id, account_id from targets
      on conflict (call_id, connection_id) do update set wanted = call_syncs.wanted + 1,
        status = case when call_syncs.status = 'parked' then 'parked' else 'pending' end,
        attempts = case when call_syncs.status = 'dead' then 0 else call_syncs.attempts end,
        available_at = case when call_syncs.status = 'pending' then call_syncs.available_at else now() end,
        updated_at = now()
      returning 1
    )
    select (select count(*)::int from claimed) as n`);
  return rows[0]?.n ?? 0;
}

export interface ClaimedSync {
  call_id: string;
  connection_id: string;
  account_id: string;
  wanted: number;
  attempts: number;
}

/**
 * Claims due rows for `leaseMs`. A lease rather than a held lock: the CRM round trip happens
 * outside any transaction, and a worker killed mid-batch leaves rows that any worker takes back
 * once the lease ends — the CRM's idempotent upsert makes the second attempt find the first record.
 * `skipConnections`: connections this worker already has enough batches of in flight, so the
 * claim goes to the others' calls instead of queueing more behind a busy CRM's budget.
 */
export async function claimDueSyncs(
  db: Queryable,
  limit: number,
  leaseMs: number,
  skipConnections: readonly string[] = [],
): Promise<ClaimedSync[]> {
  return db.many<ClaimedSync>(sql`
    update call_syncs s set lease_until = now() + make_interval(secs => ${leaseMs / 1000}),
      attempts = s.attempts + 1, updated_at = now()
    from (select call_id, connection_id from call_syncs
      where status = 'pending' and available_at <= now() and (lease_until is null or lease_until < now())
        and connection_id <> all(${[...skipConnections]}::uuid[])
      order by available_at limit ${limit} for update skip locked) due
    where s.call_id = due.call_id and s.connection_id = due.connection_id
    returning s.call_id, s.connection_id, s.account_id, s.wanted, s.attempts`);
}

interface CallRow {
  id: string;
  account_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  record: CallRecord;
  notes: string | null;
  disposition: string | null;
  member_id: string | null;
  member_email: string | null;
  internal: boolean;
  picked_crm_id: string | null;
  picked_type: string | null;
  has_audio: boolean;
  transcript_segments: TranscriptSegment[] | null;
  summary_kind: 'ai' | 'extract' | null;
  summary_text: string | null;
  summary_next_steps: string[] | null;
}

function reviveRecord(record: CallRecord): CallRecord {
  return { ...record, createdAt: new Date(record.createdAt) };
}

async function loadCalls(db: Queryable, connectionId: string, ids: string[]): Promise<Map<string, CallRow>> {
  const rows = await db.many<CallRow>(sql`
    select c.id, c.account_id, c.direction, c.from_number, c.to_number, c.record, c.notes, c.disposition,
      m.id as member_id, m.email as member_email,
      exists (select 1 from members mm where mm.account_id = c.account_id and mm.phone is not null
        and mm.phone = case when c.direction = 'inbound' then c.from_number else c.to_number end) as internal,
      l.crm_id as picked_crm_id, l.crm_object_type as picked_type,
      (r.audio is not null) as has_audio, t.segments as transcript_segments,
      s.kind as summary_kind, s.summary as summary_text, s.next_steps as summary_next_steps
    from calls c
    left join members m on m.id = c.member_id
    left join call_recordings r on r.call_id = c.id
    left join call_transcripts t on t.call_id = c.id
    left join call_summaries s on s.call_id = c.id
    left join lateral (select crm_id, crm_object_type from contact_links
      where connection_id = ${connectionId} and contact_id = c.contact_id limit 1) l on true
    where c.id = any(${ids}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The rep's pick, else the linked contact with this number the team spoke to last. */
async function linkedContactFor(
  db: Queryable,
  row: ConnectionRow,
  call: CallRow,
): Promise<{ crmId: string; objectType: string } | null> {
  if (call.picked_crm_id && call.picked_type)
    return { crmId: call.picked_crm_id, objectType: call.picked_type };
  const remote = remoteNumber({ direction: call.direction, from: call.from_number, to: call.to_number });
  const linked = await db.maybeOne<{ crm_id: string; crm_object_type: string }>(sql`
    select l.crm_id, l.crm_object_type from contacts ct
    join contact_links l on l.contact_id = ct.id and l.connection_id = ${row.id}
    where ct.account_id = ${row.account_id} and ct.phones @> array[${remote}]::text[]
    order by (select max(x.created_at) from calls x where x.contact_id = ct.id) desc nulls last, ct.updated_at desc
    limit 1`);
  return linked ? { crmId: linked.crm_id, objectType: linked.crm_object_type } : null;
}

async function contactFor(
  db: Queryable,
  row: ConnectionRow,
  connector: CrmConnector,
  call: CallRow,
): Promise<RecordRef | null> {
  const linked = await linkedContactFor(db, row, call);
  if (linked) return { crm: connector.kind, objectType: linked.objectType, id: linked.crmId };
  const remote = remoteNumber({ direction: call.direction, from: call.from_number, to: call.to_number });
  if (!/^\+[1-9]\d{6,14}$/.test(remote)) return null;
  const [best] = await connector.findContactsByPhone(remote as E164);
  return best?.ref ?? null;
}

/** The AI pipeline's output and the signed recording link, as the call log carries them. */
function intelligenceOf(
  call: CallRow,
  recordingUrlFor: SyncDeps['recordingUrlFor'],
): CallToLog['intelligence'] {
  const recordingUrl =
    call.has_audio && recordingUrlFor
      ? recordingUrlFor({ accountId: call.account_id, callId: call.id })
      : null;
  return {
    ...(call.transcript_segments
      ? { transcript: transcriptText({ language: null, engine: '', segments: call.transcript_segments }) }
      : {}),
    ...(call.summary_kind && call.summary_text
      ? {
          summary: summaryForCrm({
            kind: call.summary_kind,
            summary: call.summary_text,
            nextSteps: call.summary_next_steps ?? [],
          }),
        }
      : {}),
    ...(recordingUrl ? { recordingUrl } : {}),
  };
}

export interface SyncDeps {
  db: Db;
  connectorFor: ConnectorFor;
  /** A link CRMs can play a kept recording from (signed, expiring); without it, the carrier's URL goes. */
  recordingUrlFor?: ((link: RecordingLink) => string) | undefined;
  retry?: RetryPolicy;
  random?: () => number;
}

async function markLogged(db: Queryable, claimed: ClaimedSync, ref: RecordRef, url: string | null) {
  await db.execute(sql`update call_syncs set
      status = case when wanted = ${claimed.wanted} then 'logged' else 'pending' end,
      done = ${claimed.wanted}, crm_object_type = ${ref.objectType}, crm_record_id = ${ref.id},
      crm_record_url = ${url}, lease_until = null, last_error = null, attempts = 0,
      logged_at = now(), available_at = now(), updated_at = now()
    where call_id = ${claimed.call_id} and connection_id = ${claimed.connection_id}`);
}

async function markSkipped(db: Queryable, claimed: ClaimedSync, reason: string) {
  await db.execute(sql`update call_syncs set
      status = case when wanted = ${claimed.wanted} then 'skipped' else 'pending' end,
      done = ${claimed.wanted}, lease_until = null, last_error = ${reason}, updated_at = now()
    where call_id = ${claimed.call_id} and connection_id = ${claimed.connection_id}`);
}

/** The one place a CRM's failure becomes the row's fate, through the connectors' `retryDecision`. */
async function markFailed(deps: SyncDeps, row: ConnectionRow, claimed: ClaimedSync, error: unknown) {
  const crmError = isCrmError(error)
    ? error
    : new CrmError('unavailable', `Parley failed while logging this call: ${String(error)}`, {
        crm: toConnection(row).kind,
        cause: error,
      });
  const decision = retryDecision(crmError, claimed.attempts, deps.retry ?? DEFAULT_SYNC_RETRY, deps.random);
  if (decision.action === 'retry') {
    await deps.db.execute(sql`update call_syncs set status = 'pending', lease_until = null,
        available_at = now() + make_interval(secs => ${decision.delayMs / 1000}), last_error = ${crmError.message},
        updated_at = now()
      where call_id = ${claimed.call_id} and connection_id = ${claimed.connection_id}`);
    return;
  }
  await deps.db.execute(sql`update call_syncs set status = ${decision.action === 'park' ? 'parked' : 'dead'},
      lease_until = null, last_error = ${decision.reason}, updated_at = now()
    where call_id = ${claimed.call_id} and connection_id = ${claimed.connection_id}`);
  if (decision.action === 'park') await markReconnectNeeded(deps.db, row.id, crmError.message);
}

/**
 * Batches of one connection in flight at once. One at a time, a CRM without a batch endpoint
 * (Attio: a request per call) is held to one call per round trip, a fraction of its budget; the
 * connector's limiter, shared by every instance, is what keeps any number in flight under the limit.
 */
const SEND_CONCURRENCY = 8;

async function eachWithin<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < items.length; index = next++) await run(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Logs one connection's claimed calls: each call planned by the connection's settings, the logs
 * sent through the CRM's batch endpoint in the fewest requests it allows, each row's fate recorded.
 */
export async function syncConnectionBatch(
  deps: SyncDeps,
  row: ConnectionRow,
  claimed: readonly ClaimedSync[],
): Promise<void> {
  const connection = toConnection(row);
  const { connector, capabilities } = deps.connectorFor(row);
  const calls = await loadCalls(
    deps.db,
    row.id,
    claimed.map((c) => c.call_id),
  );
  const toSend: { claimed: ClaimedSync; log: CallLog }[] = [];
  for (const item of claimed) {
    const call = calls.get(item.call_id);
    if (!call?.record || !('id' in call.record)) {
      await markSkipped(deps.db, item, 'The call has no record yet.');
      continue;
    }
    try {
      const input: CallToLog = {
        id: call.id,
        direction: call.direction,
        from: call.from_number,
        to: call.to_number,
        record: reviveRecord(call.record),
        notes: call.notes ?? call.record.notes ?? null,
        disposition: call.disposition ?? call.record.disposition ?? null,
        member: call.member_id && call.member_email ? { id: call.member_id, email: call.member_email } : null,
        internal: call.internal,
        intelligence: intelligenceOf(call, deps.recordingUrlFor),
      };
      const contact = await contactFor(deps.db, row, connector, call);
      const plan = planCallLog(input, contact, connection.owners, connection.settings);
      if (plan.action === 'skip') {
        await markSkipped(deps.db, item, plan.reason);
        continue;
      }
      let log = plan.call;
      if (plan.action === 'create_contact_then_log') {
        const created = await createLinkedContact(deps.db, connector, row, remoteNumber(input));
        log = { ...log, contact: created };
      }
      toSend.push({ claimed: item, log });
    } catch (error) {
      await markFailed(deps, row, item, error);
    }
  }
  const size = capabilities.maxBatchSize;
  const chunks: (typeof toSend)[] = [];
  for (let start = 0; start < toSend.length; start += size) chunks.push(toSend.slice(start, start + size));
  await eachWithin(chunks, SEND_CONCURRENCY, async (chunk) => {
    try {
      const results = await connector.upsertCallLogs(chunk.map((item) => item.log));
      for (const [index, item] of chunk.entries()) {
        const result = results[index];
        if (result?.ok)
          await markLogged(deps.db, item.claimed, result.value, connector.recordUrl(result.value));
        else await markFailed(deps, row, item.claimed, result?.error ?? new Error('the CRM gave no result'));
      }
    } catch (error) {
      for (const item of chunk) await markFailed(deps, row, item.claimed, error);
    }
  });
  if (toSend.length > 0)
    await deps.db.execute(sql`update crm_connections set last_logged_at = now() where id = ${row.id}`);
}
