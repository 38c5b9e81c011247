import { randomInt } from 'node:crypto';
import { hashToken } from '../../crypto/tokens.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { Plan } from './plans.ts';

// No 0/O or 1/I/L: the code is read aloud or typed from a signed PDF.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface QuoteTerms {
  plan: Plan;
  seats: number;
  seatPriceCents: number;
  currency: string;
}

export function newQuoteCode(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return `PQ-${groups.join('-')}`;
}

export function normaliseQuoteCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.startsWith('PQ') ? compact.slice(2) : compact;
  return `PQ-${body.match(/.{1,4}/g)?.join('-') ?? ''}`;
}

/** Issued by the operator (`parley admin quote`); the code is shown once and stored hashed. */
export async function issueQuote(
  db: Queryable,
  terms: QuoteTerms & { note?: string; validDays: number },
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newQuoteCode();
  const expiresAt = new Date(now.getTime() + terms.validDays * 86_400_000);
  await db.execute(sql`insert into quotes (code_hash, plan, seats, seat_price_cents, currency, note, expires_at)
    values (${hashToken(code)}, ${terms.plan}, ${terms.seats}, ${terms.seatPriceCents}, ${terms.currency},
      ${terms.note ?? null}, ${expiresAt})`);
  return { code, expiresAt };
}

/** Marks the quote used by this new account and returns its terms, or a field error on quoteCode. */
export async function redeemQuote(
  tx: Queryable,
  code: string,
  now: Date,
): Promise<QuoteTerms & { id: string }> {
  const row = await tx.maybeOne<{
    id: string;
    plan: Plan;
    seats: number;
    seat_price_cents: number;
    currency: string;
    expires_at: Date;
    used_at: Date | null;
  }>(sql`select id, plan, seats, seat_price_cents, currency, expires_at, used_at from quotes
    where code_hash = ${hashToken(normaliseQuoteCode(code))} for update`);
  if (!row)
    throw fieldError(
      'quoteCode',
      'This quote code is not known: check it against your signed quote.',
      'quote_invalid',
    );
  if (row.used_at)
    throw fieldError('quoteCode', 'This quote code has already been used to open an account.', 'quote_used');
  if (row.expires_at <= now)
    throw fieldError(
      'quoteCode',
      'This quote has expired: ask your Parley contact for a new one.',
      'quote_expired',
    );
  return {
    id: row.id,
    plan: row.plan,
    seats: row.seats,
    seatPriceCents: row.seat_price_cents,
    currency: row.currency,
  };
}

export async function markQuoteUsed(tx: Queryable, quoteId: string, accountId: string, now: Date) {
  const changed = await tx.execute(
    sql`update quotes set used_at = ${now}, used_by_account_id = ${accountId} where id = ${quoteId} and used_at is null`,
  );
  if (changed !== 1)
    throw new AppError('conflict', 'quote_used', 'This quote code has just been used by another sign-up.');
}
