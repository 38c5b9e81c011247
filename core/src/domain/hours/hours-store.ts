import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { requireFeature } from '../accounts/plans.ts';
import { recordAudit } from '../audit/audit.ts';
import { isOpen, nextChange } from './is-open.ts';
import { defaultSchedule, type Schedule, ScheduleSchema } from './schedule.ts';

export async function getSchedule(
  db: Queryable,
  accountId: string,
): Promise<{ schedule: Schedule; isDefault: boolean }> {
  const row = await db.maybeOne<{ schedule: unknown }>(
    sql`select schedule from business_hours where account_id = ${accountId}`,
  );
  if (row) return { schedule: ScheduleSchema.parse(row.schedule), isDefault: false };
  const account = await getAccount(db, accountId);
  return { schedule: defaultSchedule(account.timeZone), isDefault: true };
}

export function describeNow(schedule: Schedule, now: Date) {
  return { openNow: isOpen(schedule, now), nextChange: nextChange(schedule, now) };
}

export async function saveSchedule(
  db: Db,
  actor: { accountId: string; memberId: string },
  schedule: Schedule,
): Promise<Schedule> {
  const account = await getAccount(db, actor.accountId);
  if (schedule.afterHours.kind === 'ai_receptionist') requireFeature(account.plan, 'ai_receptionist');
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into business_hours (account_id, schedule, updated_at)
      values (${actor.accountId}, ${JSON.stringify(schedule)}, now())
      on conflict (account_id) do update set schedule = excluded.schedule, updated_at = now()`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'business_hours.updated',
      targetType: 'business_hours',
      targetId: actor.accountId,
      details: { schedule },
    });
  });
  return schedule;
}
