import type { Bus } from '../../bus/bus.ts';
import { AppError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getCallFor } from './call-queries.ts';
import { markCallNoticesRead, notifyComment } from './coaching-notices.ts';

export interface CallComment {
  id: string;
  callId: string;
  /** The comment this one answers; null for a thread's first comment. */
  parentId: string | null;
  authorMemberId: string | null;
  authorName: string | null;
  /** The moment of the recording it is about, in seconds from the start; null for the whole call. */
  atSeconds: number | null;
  body: string;
  createdAt: Date;
}

const select = sql`select c.id, c.call_id as "callId", c.parent_id as "parentId",
  c.author_member_id as "authorMemberId", m.name as "authorName",
  c.at_seconds as "atSeconds", c.body, c.created_at as "createdAt"
  from call_comments c left join members m on m.id = c.author_member_id`;

/**
 * Comments of a call the principal may see (admins: any; members: their own calls), threads in
 * the order of the recording and each thread's replies after it. Reading them reads the reader's
 * notices for the call.
 */
export async function listComments(
  db: Queryable,
  principal: Principal,
  callId: string,
  now: Date,
): Promise<CallComment[]> {
  await getCallFor(db, principal, callId);
  const rows = await db.many<CallComment>(sql`
    select t.* from (${select} where c.call_id = ${callId} and c.account_id = ${principal.accountId}) t
      left join call_comments root on root.id = t."parentId"
    order by coalesce(root.at_seconds, t."atSeconds") nulls first, coalesce(root.created_at, t."createdAt"),
      t."parentId" nulls first, t."createdAt"`);
  await markCallNoticesRead(db, principal, callId, now);
  return rows;
}

/**
 * A comment pinned to a moment of the recording or to the whole call, or a reply to one: by an
 * admin, or by a member on a call of theirs. A reply joins the thread of the comment it answers
 * (threads are one level deep) at that comment's moment. The rep and, for a reply, the author of
 * the comment answered are notified.
 */
export async function addComment(
  db: Queryable,
  bus: Bus,
  principal: Principal,
  callId: string,
  input: { body: string; atSeconds?: number | undefined; parentId?: string | undefined },
): Promise<CallComment> {
  await getCallFor(db, principal, callId);
  const parent = input.parentId
    ? await db.maybeOne<{ id: string; parent_id: string | null; at_seconds: number | null }>(
        sql`select id, parent_id, at_seconds from call_comments where id = ${input.parentId}
          and call_id = ${callId} and account_id = ${principal.accountId}`,
      )
    : null;
  if (input.parentId && !parent)
    throw new AppError(
      'not_found',
      'comment_not_found',
      'The comment you answer is not on this call any more.',
      {
        fields: { parentId: 'No such comment on this call' },
      },
    );
  const threadId = parent ? (parent.parent_id ?? parent.id) : null;
  const atSeconds = parent ? parent.at_seconds : (input.atSeconds ?? null);
  const row = await db.one<{ id: string }>(sql`insert into call_comments
      (account_id, call_id, parent_id, author_member_id, at_seconds, body)
    values (${principal.accountId}, ${callId}, ${threadId}, ${principal.memberId}, ${atSeconds}, ${input.body})
    returning id`);
  const comment = await db.one<CallComment>(sql`${select} where c.id = ${row.id}`);
  // The author of the exact comment answered is told, even when it was itself a reply.
  await notifyComment(db, bus, principal.accountId, { ...comment, parentId: parent?.id ?? null });
  return comment;
}
