import type { Bus } from '../../bus/bus.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { memberChannel } from '../events/channels.ts';

export interface CoachingNotice {
  id: string;
  callId: string;
  commentId: string;
  authorName: string | null;
  body: string;
  atSeconds: number | null;
  isReply: boolean;
  createdAt: Date;
}

/** How much of a comment the live event carries: enough for a toast, not the whole text. */
const EXCERPT_CHARS = 140;

/**
 * Who is told about a new comment: the rep whose call it is, and for a reply the author of the
 * comment it answers — never the author themselves.
 */
export async function noticeRecipients(
  db: Queryable,
  comment: { callId: string; authorMemberId: string | null; parentId: string | null },
): Promise<string[]> {
  const rows = await db.many<{ member_id: string | null }>(sql`
    select member_id from calls where id = ${comment.callId}
    union select author_member_id from call_comments where id = ${comment.parentId}`);
  const ids = rows.map((r) => r.member_id).filter((id): id is string => id !== null);
  return [...new Set(ids)].filter((id) => id !== comment.authorMemberId);
}

/** Stores a notice for each recipient and tells their open dialers and consoles at once. */
export async function notifyComment(
  db: Queryable,
  bus: Bus,
  accountId: string,
  comment: {
    id: string;
    callId: string;
    authorMemberId: string | null;
    authorName: string | null;
    parentId: string | null;
    body: string;
    atSeconds: number | null;
  },
): Promise<string[]> {
  const recipients = await noticeRecipients(db, comment);
  for (const memberId of recipients) {
    await db.execute(sql`insert into coaching_notices (account_id, member_id, comment_id, call_id)
      values (${accountId}, ${memberId}, ${comment.id}, ${comment.callId}) on conflict do nothing`);
  }
  await Promise.all(
    recipients.map((memberId) =>
      bus.publish(memberChannel(accountId, memberId), {
        type: 'coaching_comment',
        callId: comment.callId,
        commentId: comment.id,
        authorName: comment.authorName,
        atSeconds: comment.atSeconds,
        isReply: comment.parentId !== null,
        excerpt: comment.body.slice(0, EXCERPT_CHARS),
      }),
    ),
  );
  return recipients;
}

/** A member's unread coaching notices, newest first: the dialer's badge and list. */
export function unreadNotices(db: Queryable, accountId: string, memberId: string): Promise<CoachingNotice[]> {
  return db.many<CoachingNotice>(sql`select n.id, n.call_id as "callId", n.comment_id as "commentId",
      m.name as "authorName", c.body, c.at_seconds as "atSeconds", c.parent_id is not null as "isReply",
      n.created_at as "createdAt"
    from coaching_notices n join call_comments c on c.id = n.comment_id
      left join members m on m.id = c.author_member_id
    where n.account_id = ${accountId} and n.member_id = ${memberId} and n.read_at is null
    order by n.created_at desc limit 50`);
}

/** Reading a call's comments reads its notices. */
export async function markCallNoticesRead(
  db: Queryable,
  member: { accountId: string; memberId: string },
  callId: string,
  now: Date,
): Promise<void> {
  await db.execute(sql`update coaching_notices set read_at = ${now}
    where account_id = ${member.accountId} and member_id = ${member.memberId} and call_id = ${callId}
      and read_at is null`);
}
