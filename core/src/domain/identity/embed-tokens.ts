import { hashToken, newSecretToken } from '../../crypto/tokens.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

/** Short enough that a token leaked from a CRM page's memory is soon worthless. */
export const EMBED_TOKEN_MINUTES = 15;

/** Embed tokens start with this, so a bearer token says which table to look it up in. */
export const EMBED_TOKEN_PREFIX = 'pe_';

/**
 * A bearer token for the dialer framed in a CRM (no cookies there), minted from a session by
 * the sign-in popup. Only its hash is kept, like sessions and API tokens.
 */
export async function createEmbedToken(
  db: Queryable,
  member: { accountId: string; memberId: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken(EMBED_TOKEN_PREFIX.slice(0, -1));
  const expiresAt = new Date(now.getTime() + EMBED_TOKEN_MINUTES * 60_000);
  // The popup mints one each time the dialer signs in again: drop this member's dead ones as we go.
  await db.execute(
    sql`delete from embed_tokens where member_id = ${member.memberId} and account_id = ${member.accountId} and expires_at <= ${now}`,
  );
  await db.execute(sql`insert into embed_tokens (token_hash, account_id, member_id, expires_at)
    values (${hashToken(token)}, ${member.accountId}, ${member.memberId}, ${expiresAt})`);
  return { token, expiresAt };
}
