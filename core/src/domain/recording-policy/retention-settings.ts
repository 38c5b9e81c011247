import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';

export interface RetentionSettings {
  /** Audio older than this many days is deleted; null keeps it. */
  deleteAudioAfterDays: number | null;
  /** Whether the transcript stays once the audio is gone. */
  keepTranscript: boolean;
}

export function retentionSettings(db: Queryable, accountId: string): Promise<RetentionSettings> {
  return db.one<RetentionSettings>(sql`select recording_retention_days as "deleteAudioAfterDays",
    retention_keep_transcript as "keepTranscript" from accounts where id = ${accountId}`);
}

export async function updateRetention(
  db: Db,
  actor: { accountId: string; memberId: string },
  patch: { deleteAudioAfterDays?: number | null | undefined; keepTranscript?: boolean | undefined },
): Promise<RetentionSettings> {
  return db.transaction(async (tx) => {
    const current = await retentionSettings(tx, actor.accountId);
    const days =
      patch.deleteAudioAfterDays === undefined ? current.deleteAudioAfterDays : patch.deleteAudioAfterDays;
    await tx.execute(sql`update accounts set recording_retention_days = ${days},
      retention_keep_transcript = ${patch.keepTranscript ?? current.keepTranscript} where id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'account.retention_updated',
      targetType: 'account',
      targetId: actor.accountId,
      details: patch,
    });
    return retentionSettings(tx, actor.accountId);
  });
}
