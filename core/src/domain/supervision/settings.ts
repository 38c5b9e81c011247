import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';

export interface LiveListeningSettings {
  /** Admins may listen to, whisper in and barge into the account's live calls. */
  enabled: boolean;
  /** Reps see, in their dialer, when someone is listening to their call. */
  tellMembers: boolean;
}

export function liveListeningSettings(db: Queryable, accountId: string): Promise<LiveListeningSettings> {
  return db.one<LiveListeningSettings>(
    sql`select live_listening as enabled, tell_members_when_supervised as "tellMembers" from accounts where id = ${accountId}`,
  );
}

export async function updateLiveListening(
  db: Db,
  actor: { accountId: string; memberId: string },
  patch: Partial<LiveListeningSettings>,
): Promise<LiveListeningSettings> {
  return db.transaction(async (tx) => {
    const current = await liveListeningSettings(tx, actor.accountId);
    await tx.execute(sql`update accounts set live_listening = ${patch.enabled ?? current.enabled},
      tell_members_when_supervised = ${patch.tellMembers ?? current.tellMembers} where id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'account.live_listening_updated',
      targetType: 'account',
      targetId: actor.accountId,
      details: patch,
    });
    return liveListeningSettings(tx, actor.accountId);
  });
}
