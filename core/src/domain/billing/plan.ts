import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { PLANS, type Plan } from '../accounts/plans.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Billing } from './billing.ts';

/** A plan change moves the seat price to the new plan's list price. */
export async function changePlan(
  db: Db,
  billing: Billing,
  actor: { accountId: string; memberId: string },
  plan: Plan,
) {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, actor.accountId, true);
    if (account.plan === plan) return { plan, seatPriceCents: account.seatPriceCents, changed: false };
    const price = PLANS[plan].listPriceCents;
    await tx.execute(sql`update accounts set plan = ${plan}, seat_price_cents = ${price}, updated_at = now()
      where id = ${actor.accountId}`);
    await billing.charge(tx, actor.accountId, {
      kind: 'plan_changed',
      amountCents: account.seats * (price - account.seatPriceCents),
      description: `${PLANS[account.plan].label} → ${PLANS[plan].label}, ${account.seats} seat(s) at ${price / 100} ${account.currency}`,
    });
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'billing.plan_changed',
      targetType: 'account',
      targetId: actor.accountId,
      details: { from: account.plan, to: plan },
    });
    return { plan, seatPriceCents: price, changed: true };
  });
}

export async function listLedger(db: Queryable, accountId: string) {
  const rows = await db.many<{
    id: string;
    kind: string;
    amount_cents: number;
    description: string;
    created_at: Date;
  }>(
    sql`select id, kind, amount_cents, description, created_at from billing_ledger where account_id = ${accountId}
      order by created_at desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amountCents: r.amount_cents,
    description: r.description,
    at: r.created_at,
  }));
}
