import type { Principal } from '../../http/route.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getCallFor } from './call-queries.ts';

export interface CallComment {
  id: string;
  callId: string;
  authorMemberId: string | null;
  authorName: string | null;
  /** The moment of the recording it is about, in seconds from the start; null for the whole call. */
  atSeconds: number | null;
  body: string;
  createdAt: Date;
}

const select = sql`select c.id, c.call_id as "callId", c.author_member_id as "authorMemberId", m.name as "authorName",
  c.at_seconds as "atSeconds", c.body, c.created_at as "createdAt"
  from call_comments c left join members m on m.id = c.author_member_id`;

/** Comments of a call the principal may see (admins: any; members: their own calls). */
export async function listComments(
  db: Queryable,
  principal: Principal,
  callId: string,
): Promise<CallComment[]> {
  await getCallFor(db, principal, callId);
  return db.many<CallComment>(sql`${select} where c.call_id = ${callId} and c.account_id = ${principal.accountId}
    order by c.at_seconds nulls first, c.created_at`);
}

/** A coach's comment, pinned to a moment of the recording or to the whole call. */
export async function addComment(
  db: Queryable,
  principal: Principal,
  callId: string,
  input: { body: string; atSeconds?: number | undefined },
): Promise<CallComment> {
  await getCallFor(db, principal, callId);
  const row = await db.one<{
    id: string;
  }>(sql`insert into call_comments (account_id, call_id, author_member_id, at_seconds, body)
    values (${principal.accountId}, ${callId}, ${principal.memberId}, ${input.atSeconds ?? null}, ${input.body}) returning id`);
  return db.one<CallComment>(sql`${select} where c.id = ${row.id}`);
}
