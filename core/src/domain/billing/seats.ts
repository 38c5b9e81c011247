import { AppError } from '../../errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { type Account, getAccount, seatsUsed } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Billing } from './billing.ts';

const PREVIEW_MINUTES = 15;

export interface SeatChange {
  id: string;
  delta: number;
  seatsBefore: number;
  seatsAfter: number;
  seatPriceCents: number;
  monthlyTotalBeforeCents: number;
  monthlyTotalAfterCents: number;
  currency: string;
  status: 'pending' | 'applied';
  expiresAt: Date;
  appliedAt: Date | null;
}

interface Row {
  id: string;
  delta: number;
  seats_before: number;
  seats_after: number;
  seat_price_cents: number;
  monthly_total_before_cents: number;
  monthly_total_after_cents: number;
  status: 'pending' | 'applied';
  expires_at: Date;
  applied_at: Date | null;
}

const toChange = (r: Row, currency: string): SeatChange => ({
  id: r.id,
  delta: r.delta,
  seatsBefore: r.seats_before,
  seatsAfter: r.seats_after,
  seatPriceCents: r.seat_price_cents,
  monthlyTotalBeforeCents: r.monthly_total_before_cents,
  monthlyTotalAfterCents: r.monthly_total_after_cents,
  currency,
  status: r.status,
  expiresAt: r.expires_at,
  appliedAt: r.applied_at,
});

function refusePastDue(account: Account, delta: number) {
  if (delta > 0 && account.subscriptionStatus !== 'active')
    throw new AppError(
      'payment_required',
      'payment_past_due',
      'Seats cannot be added while a payment is overdue: update the payment method in Billing, then try again.',
      { subscriptionStatus: account.subscriptionStatus },
    );
}

async function refuseBelowUsage(db: Queryable, account: Account, seatsAfter: number, now: Date) {
  const used = await seatsUsed(db, account.id, now);
  if (seatsAfter < used.total)
    throw new AppError(
      'conflict',
      'seats_in_use',
      `${used.total} seats are in use (${used.members} members, ${used.pendingInvitations} pending invitations): remove a member or revoke an invitation before removing seats.`,
      { fields: { delta: `At most ${account.seats - used.total} unused seat(s) can be removed.` }, used },
    );
}

/** Step one: what the change would cost. Nothing changes until it is confirmed. */
export async function previewSeatChange(
  db: Db,
  accountId: string,
  memberId: string,
  delta: number,
  now: Date,
) {
  const account = await getAccount(db, accountId);
  refusePastDue(account, delta);
  const seatsAfter = account.seats + delta;
  if (seatsAfter < 1)
    throw new AppError('invalid', 'invalid_input', 'An account keeps at least one seat.', {
      fields: { delta: `At most ${account.seats - 1} seat(s) can be removed.` },
    });
  await refuseBelowUsage(db, account, seatsAfter, now);
  const row = await db.one<Row>(sql`insert into seat_changes (account_id, delta, seats_before, seats_after,
      seat_price_cents, monthly_total_before_cents, monthly_total_after_cents, created_by, expires_at)
    values (${accountId}, ${delta}, ${account.seats}, ${seatsAfter}, ${account.seatPriceCents},
      ${account.seats * account.seatPriceCents}, ${seatsAfter * account.seatPriceCents}, ${memberId},
      ${new Date(now.getTime() + PREVIEW_MINUTES * 60_000)})
    returning *`);
  return toChange(row, account.currency);
}

/** Step two: apply a previewed change, re-checking everything that may have moved since. */
export async function confirmSeatChange(
  db: Db,
  billing: Billing,
  accountId: string,
  memberId: string,
  changeId: string,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, accountId, true);
    const row = await tx.maybeOne<Row>(
      sql`select * from seat_changes where id = ${changeId} and account_id = ${accountId} for update`,
    );
    if (!row)
      throw new AppError('not_found', 'seat_change_not_found', 'No such seat change in this account.');
    if (row.status === 'applied') return toChange(row, account.currency);
    if (row.expires_at <= now)
      throw new AppError('gone', 'seat_change_expired', 'This price preview has expired: ask for a new one.');
    if (row.seats_before !== account.seats || row.seat_price_cents !== account.seatPriceCents)
      throw new AppError(
        'conflict',
        'seat_change_stale',
        'Seats or prices changed since this preview: ask for a new preview and confirm that one.',
      );
    refusePastDue(account, row.delta);
    await refuseBelowUsage(tx, account, row.seats_after, now);
    await tx.execute(
      sql`update accounts set seats = ${row.seats_after}, updated_at = now() where id = ${accountId}`,
    );
    const applied = await tx.one<Row>(sql`update seat_changes set status = 'applied', applied_at = ${now}
      where id = ${changeId} and account_id = ${accountId} returning *`);
    await billing.charge(tx, accountId, {
      kind: row.delta > 0 ? 'seats_added' : 'seats_removed',
      amountCents: row.delta * row.seat_price_cents,
      description: `${row.delta > 0 ? '+' : ''}${row.delta} seat(s): ${row.seats_before} → ${row.seats_after}`,
    });
    await recordAudit(tx, {
      accountId,
      actorMemberId: memberId,
      action: row.delta > 0 ? 'seats.added' : 'seats.removed',
      targetType: 'account',
      targetId: accountId,
      details: { from: row.seats_before, to: row.seats_after, seatPriceCents: row.seat_price_cents },
    });
    return toChange(applied, account.currency);
  });
}
