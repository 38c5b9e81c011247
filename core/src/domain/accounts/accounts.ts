import { AppError } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { Plan } from './plans.ts';

export type SubscriptionStatus = 'active' | 'past_due' | 'suspended';

export interface PaymentMethod {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface Account {
  id: string;
  name: string;
  plan: Plan;
  seats: number;
  seatPriceCents: number;
  currency: string;
  defaultCountry: string;
  timeZone: string;
  locale: 'fr' | 'en';
  subscriptionStatus: SubscriptionStatus;
  paymentMethod: PaymentMethod | null;
  carrierCredentials: string | null;
  createdAt: Date;
}

interface AccountRow {
  id: string;
  name: string;
  plan: Plan;
  seats: number;
  seat_price_cents: number;
  currency: string;
  default_country: string;
  time_zone: string;
  locale: 'fr' | 'en';
  subscription_status: SubscriptionStatus;
  payment_method: PaymentMethod | null;
  carrier_credentials: string | null;
  created_at: Date;
}

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    name: r.name,
    plan: r.plan,
    seats: r.seats,
    seatPriceCents: r.seat_price_cents,
    currency: r.currency,
    defaultCountry: r.default_country,
    timeZone: r.time_zone,
    locale: r.locale,
    subscriptionStatus: r.subscription_status,
    paymentMethod: r.payment_method,
    carrierCredentials: r.carrier_credentials,
    createdAt: r.created_at,
  };
}

export async function getAccount(db: Queryable, accountId: string, lock = false): Promise<Account> {
  const row = await db.maybeOne<AccountRow>(
    sql`select * from accounts where id = ${accountId} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw new AppError('not_found', 'account_not_found', 'This account no longer exists.');
  return toAccount(row);
}

/** Seats taken: members plus invitations still waiting for an answer. */
export async function seatsUsed(db: Queryable, accountId: string, now: Date) {
  const row = await db.one<{ members: number; pending: number }>(sql`select
    (select count(*) from members where account_id = ${accountId})::int as members,
    (select count(*) from invitations where account_id = ${accountId}
       and accepted_at is null and revoked_at is null and expires_at > ${now})::int as pending`);
  return { members: row.members, pendingInvitations: row.pending, total: row.members + row.pending };
}

export function publicAccount(account: Account) {
  const { carrierCredentials, ...rest } = account;
  return { ...rest, carrier: carrierCredentials ? 'own_twilio' : 'deployment' };
}
