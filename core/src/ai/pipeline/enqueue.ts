import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

/** The outbox topic of a call whose recording is ready to process. */
export const RECORDING_TOPIC = 'recording.ready';

/**
 * Queues a call's pipeline, in the caller's transaction: written with the call's new recording, so a
 * recording is never processed twice nor forgotten. The worker runs it, never the webhook.
 */
export async function enqueueRecording(tx: Queryable, accountId: string, callId: string): Promise<void> {
  await tx.execute(sql`insert into outbox (account_id, topic, subject_id)
    values (${accountId}, ${RECORDING_TOPIC}, ${callId})`);
}
