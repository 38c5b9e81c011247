import { hashToken, newSecretToken } from '../../crypto/tokens.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

const SESSION_DAYS = 30;

export async function createSession(
  db: Queryable,
  member: { accountId: string; memberId: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken('ps');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.execute(sql`insert into sessions (token_hash, account_id, member_id, expires_at)
    values (${hashToken(token)}, ${member.accountId}, ${member.memberId}, ${expiresAt})`);
  return { token, expiresAt };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.execute(sql`delete from sessions where token_hash = ${hashToken(token)}`);
}
