import { hashPassword } from '../../crypto/passwords.ts';
import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';
import { insertMember, type Member } from '../identity/members.ts';
import { createSession } from '../identity/sessions.ts';
import { PLANS } from './plans.ts';
import { markQuoteUsed, redeemQuote } from './quotes.ts';

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  company: string;
  country: string;
  timeZone: string;
  locale: 'fr' | 'en';
  quoteCode?: string | undefined;
}

/**
 * Creates the account and its first admin. With a quote code the account starts on the quoted
 * plan, seats and price; without one it starts at once on Starter with one seat.
 */
export async function signUp(db: Db, input: SignupInput, now: Date) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const quote = input.quoteCode ? await redeemQuote(tx, input.quoteCode, now) : null;
    const terms = quote ?? {
      plan: 'starter' as const,
      seats: 1,
      seatPriceCents: PLANS.starter.listPriceCents,
      currency: 'EUR',
    };
    const { id: accountId } = await tx.one<{ id: string }>(sql`
      insert into accounts (name, plan, seats, seat_price_cents, currency, default_country, time_zone, locale)
      values (${input.company}, ${terms.plan}, ${terms.seats}, ${terms.seatPriceCents}, ${terms.currency},
        ${input.country}, ${input.timeZone}, ${input.locale})
      returning id`);
    const member: Member = await insertMember(tx, {
      accountId,
      email: input.email,
      name: input.name,
      role: 'admin',
      passwordHash,
    });
    if (quote) await markQuoteUsed(tx, quote.id, accountId, now);
    await tx.execute(sql`insert into billing_ledger (account_id, kind, amount_cents, description)
      values (${accountId}, 'subscription_started', ${terms.seats * terms.seatPriceCents},
        ${`${PLANS[terms.plan].label}, ${terms.seats} seat(s) at ${terms.seatPriceCents / 100} ${terms.currency}${quote ? ' (signed quote)' : ''}`})`);
    await recordAudit(tx, {
      accountId,
      actorMemberId: member.id,
      action: 'account.created',
      targetType: 'account',
      targetId: accountId,
      details: { plan: terms.plan, seats: terms.seats, fromQuote: Boolean(quote) },
    });
    const session = await createSession(tx, { accountId, memberId: member.id }, now);
    return { accountId, member, session };
  });
}
