import type { Services } from '../../services.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { isCarrierError } from '../../telephony/errors.ts';
import { twilioRecordings } from '../../telephony/twilio/recordings.ts';

/** A call whose recording is past its account's retention. */
export interface ExpiredRecording {
  callId: string;
  accountId: string;
  recordingSid: string;
  keepTranscript: boolean;
  carrierCredentials: string | null;
}

const BATCH = 50;

/** Calls whose audio is older than their account's retention and not deleted yet, oldest first. */
export function expiredRecordings(db: Queryable, now: Date, limit = BATCH): Promise<ExpiredRecording[]> {
  return db.many<ExpiredRecording>(sql`select c.id as "callId", c.account_id as "accountId",
      c.record->'recording'->>'sid' as "recordingSid", a.retention_keep_transcript as "keepTranscript",
      a.carrier_credentials as "carrierCredentials"
    from calls c join accounts a on a.id = c.account_id
    where a.recording_retention_days is not null and c.final
      and c.record->'recording'->>'sid' is not null
      and c.created_at < ${now}::timestamptz - make_interval(days => a.recording_retention_days)
      and not exists (select 1 from recording_deletions d where d.call_id = c.id)
    order by c.created_at limit ${limit}`);
}

/** Deletes a recording where the carrier keeps it; the simulator keeps no audio of its own. */
export type CarrierRecordingDelete = (
  services: Services,
  account: { carrierCredentials: string | null },
  recordingSid: string,
) => Promise<void>;

export const deleteAtCarrier: CarrierRecordingDelete = async (services, account, recordingSid) => {
  if (services.carrierFor(account).kind !== 'twilio') return;
  await twilioRecordings(services.webhookCredentialsFor(account)).remove(recordingSid);
};

/**
 * One pass of the retention job: for each expired recording, delete it at the carrier (a recording
 * already gone there counts as deleted), drop Parley's copy of the audio and, unless the account
 * keeps transcripts, the transcript; then mark the call. No transaction spans the carrier's
 * requests: every step can run twice (instances running the job together) with the same result.
 * Returns the calls done in this pass.
 */
export async function applyRetention(
  services: Services,
  carrierDelete: CarrierRecordingDelete = deleteAtCarrier,
): Promise<string[]> {
  const now = services.now();
  const done: string[] = [];
  for (const item of await expiredRecordings(services.db, now)) {
    try {
      await carrierDelete(services, item, item.recordingSid);
    } catch (error) {
      if (!isCarrierError(error) || error.kind !== 'not_found') {
        services.log.warn(
          { err: error, callId: item.callId },
          'recording retention: carrier delete failed, retrying later',
        );
        continue;
      }
    }
    await services.db.transaction(async (tx) => {
      await tx.execute(
        sql`update call_recordings set audio = null, size_bytes = null where call_id = ${item.callId}`,
      );
      if (!item.keepTranscript)
        await tx.execute(sql`delete from call_transcripts where call_id = ${item.callId}`);
      await tx.execute(sql`insert into recording_deletions (call_id, account_id, recording_sid, transcript_deleted, deleted_at)
        values (${item.callId}, ${item.accountId}, ${item.recordingSid}, ${!item.keepTranscript}, ${now})
        on conflict do nothing`);
    });
    done.push(item.callId);
  }
  return done;
}

/** Hourly is plenty for a retention counted in days. */
const RETENTION_INTERVAL_MS = 3_600_000;

/** Runs the retention job now and then every hour until stopped. */
export function startRetentionJob(services: Services, intervalMs = RETENTION_INTERVAL_MS) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = applyRetention(services).catch((error: unknown) =>
      services.log.error({ err: error }, 'recording retention pass failed'),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
