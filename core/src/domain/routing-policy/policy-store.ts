import { fieldError } from '../../errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { requireFeature } from '../accounts/plans.ts';
import { recordAudit } from '../audit/audit.ts';
import { getNumber } from '../numbers/numbers.ts';
import { type RoutingPolicy, RoutingPolicySchema } from './policy.ts';
import { memberIdsIn, requiresBusinessPlan } from './references.ts';

export async function getPolicy(
  db: Queryable,
  accountId: string,
  numberId: string,
): Promise<RoutingPolicy | null> {
  await getNumber(db, accountId, numberId);
  const row = await db.maybeOne<{ policy: unknown }>(
    sql`select policy from routing_policies where number_id = ${numberId} and account_id = ${accountId}`,
  );
  return row ? RoutingPolicySchema.parse(row.policy) : null;
}

/** Every member a policy rings must be in this account: ids from another team are refused. */
export async function savePolicy(
  db: Db,
  actor: { accountId: string; memberId: string },
  numberId: string,
  policy: RoutingPolicy,
): Promise<RoutingPolicy> {
  const account = await getAccount(db, actor.accountId);
  if (requiresBusinessPlan(policy)) requireFeature(account.plan, 'ai_receptionist');
  return db.transaction(async (tx) => {
    await getNumber(tx, actor.accountId, numberId);
    const ids = memberIdsIn(policy);
    if (ids.length > 0) {
      const known = await tx.many<{ id: string }>(
        sql`select id from members where account_id = ${actor.accountId} and id = any(${ids}::uuid[])`,
      );
      const knownIds = new Set(known.map((k) => k.id));
      const unknown = ids.find((id) => !knownIds.has(id));
      if (unknown)
        throw fieldError(
          'policy',
          `No member with id ${unknown} in your team: pick members of this account.`,
          'unknown_member',
        );
    }
    await tx.execute(sql`insert into routing_policies (number_id, account_id, policy, updated_at)
      values (${numberId}, ${actor.accountId}, ${JSON.stringify(policy)}, now())
      on conflict (number_id) do update set policy = excluded.policy, updated_at = now()`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'routing_policy.updated',
      targetType: 'phone_number',
      targetId: numberId,
      details: { strategy: policy.strategy },
    });
    return policy;
  });
}
