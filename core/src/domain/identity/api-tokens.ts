import { hashToken, newSecretToken } from '../../crypto/tokens.ts';
import { AppError } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface Row {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toInfo = (r: Row): ApiTokenInfo => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

type Owner = { accountId: string; memberId: string };

/** The token is returned here once; only its hash is kept. */
export async function createApiToken(db: Queryable, owner: Owner, name: string) {
  const token = newSecretToken('prly');
  const row = await db.one<Row>(sql`insert into api_tokens (account_id, member_id, name, token_hash, prefix)
    values (${owner.accountId}, ${owner.memberId}, ${name}, ${hashToken(token)}, ${token.slice(0, 10)})
    returning id, name, prefix, created_at, last_used_at, revoked_at`);
  await recordAudit(db, {
    accountId: owner.accountId,
    actorMemberId: owner.memberId,
    action: 'api_token.created',
    targetType: 'api_token',
    targetId: row.id,
    details: { name },
  });
  return { ...toInfo(row), token };
}

export async function listApiTokens(db: Queryable, owner: Owner): Promise<ApiTokenInfo[]> {
  const rows =
    await db.many<Row>(sql`select id, name, prefix, created_at, last_used_at, revoked_at from api_tokens
    where account_id = ${owner.accountId} and member_id = ${owner.memberId} order by created_at desc`);
  return rows.map(toInfo);
}

export async function revokeApiToken(
  db: Queryable,
  owner: Owner,
  id: string,
  now: Date,
): Promise<ApiTokenInfo> {
  const row = await db.maybeOne<Row>(sql`update api_tokens set revoked_at = coalesce(revoked_at, ${now})
    where id = ${id} and account_id = ${owner.accountId} and member_id = ${owner.memberId}
    returning id, name, prefix, created_at, last_used_at, revoked_at`);
  if (!row) throw new AppError('not_found', 'api_token_not_found', 'No such API token among yours.');
  await recordAudit(db, {
    accountId: owner.accountId,
    actorMemberId: owner.memberId,
    action: 'api_token.revoked',
    targetType: 'api_token',
    targetId: id,
  });
  return toInfo(row);
}
