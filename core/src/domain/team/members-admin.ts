import { AppError } from '../../errors.ts';
import type { Role } from '../../http/route.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';
import { getMember, type Member } from '../identity/members.ts';

type Actor = { accountId: string; memberId: string };

async function refuseLosingLastAdmin(tx: Queryable, accountId: string, target: Member) {
  if (target.role !== 'admin') return;
  const { n } = await tx.one<{ n: number }>(
    sql`select count(*)::int as n from members where account_id = ${accountId} and role = 'admin'`,
  );
  if (n <= 1)
    throw new AppError(
      'conflict',
      'last_admin',
      'The account needs at least one admin: make another member admin first.',
    );
}

export async function changeRole(db: Db, actor: Actor, memberId: string, role: Role): Promise<Member> {
  return db.transaction(async (tx) => {
    await tx.many(
      sql`select id from members where account_id = ${actor.accountId} and role = 'admin' for update`,
    );
    const target = await getMember(tx, actor.accountId, memberId);
    if (target.role === role) return target;
    if (role === 'member') await refuseLosingLastAdmin(tx, actor.accountId, target);
    await tx.execute(sql`update members set role = ${role}, updated_at = now()
      where id = ${memberId} and account_id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'member.role_changed',
      targetType: 'member',
      targetId: memberId,
      details: { from: target.role, to: role },
    });
    return { ...target, role };
  });
}

/** Frees the seat; the member's numbers stay with the account, unassigned. */
export async function removeMember(db: Db, actor: Actor, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.many(
      sql`select id from members where account_id = ${actor.accountId} and role = 'admin' for update`,
    );
    const target = await getMember(tx, actor.accountId, memberId);
    await refuseLosingLastAdmin(tx, actor.accountId, target);
    await tx.execute(sql`delete from members where id = ${memberId} and account_id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId === memberId ? null : actor.memberId,
      action: 'member.removed',
      targetType: 'member',
      targetId: memberId,
      details: { email: target.email },
    });
  });
}
