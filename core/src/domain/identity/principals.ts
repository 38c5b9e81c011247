import { hashToken } from '../../crypto/tokens.ts';
import type { Principal, Role } from '../../http/route.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

export interface PrincipalRow {
  account_id: string;
  member_id: string;
  role: Role;
  subscription_status: 'active' | 'past_due' | 'suspended';
}

export interface ResolvedPrincipal extends Principal {
  subscriptionStatus: PrincipalRow['subscription_status'];
}

function toPrincipal(row: PrincipalRow, via: Principal['via']): ResolvedPrincipal {
  return {
    accountId: row.account_id,
    memberId: row.member_id,
    role: row.role,
    via,
    subscriptionStatus: row.subscription_status,
  };
}

export async function principalFromSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<ResolvedPrincipal | null> {
  const row = await db.maybeOne<PrincipalRow>(sql`
    select s.account_id, s.member_id, m.role, a.subscription_status
    from sessions s join members m on m.id = s.member_id and m.account_id = s.account_id
    join accounts a on a.id = s.account_id
    where s.token_hash = ${hashToken(token)} and s.expires_at > ${now}`);
  return row ? toPrincipal(row, 'session') : null;
}

export async function principalFromApiToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<ResolvedPrincipal | null> {
  const row = await db.maybeOne<PrincipalRow & { last_used_at: Date | null; id: string }>(sql`
    select t.id, t.last_used_at, t.account_id, t.member_id, m.role, a.subscription_status
    from api_tokens t join members m on m.id = t.member_id and m.account_id = t.account_id
    join accounts a on a.id = t.account_id
    where t.token_hash = ${hashToken(token)} and t.revoked_at is null`);
  if (!row) return null;
  // Record use at most once a minute: a token driving a CRM extension makes many requests.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000)
    await db.execute(
      sql`update api_tokens set last_used_at = ${now} where id = ${row.id} and account_id = ${row.account_id}`,
    );
  return toPrincipal(row, 'token');
}

export async function principalFromEmbedToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<ResolvedPrincipal | null> {
  const row = await db.maybeOne<PrincipalRow>(sql`
    select e.account_id, e.member_id, m.role, a.subscription_status
    from embed_tokens e join members m on m.id = e.member_id and m.account_id = e.account_id
    join accounts a on a.id = e.account_id
    where e.token_hash = ${hashToken(token)} and e.expires_at > ${now}`);
  return row ? toPrincipal(row, 'embed') : null;
}
