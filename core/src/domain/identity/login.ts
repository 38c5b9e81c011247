import type { Bus } from '../../bus/bus.ts';
import { hashPassword, verifyPassword } from '../../crypto/passwords.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { normaliseEmail } from './members.ts';
import { createSession } from './sessions.ts';

// Verifying against a real hash when the email is unknown keeps the response time the same,
// so timing does not tell which emails have a login.
const decoy = hashPassword('parley-decoy-password');

export async function signIn(services: { db: Db; bus: Bus }, email: string, password: string, now: Date) {
  const address = normaliseEmail(email);
  const budget = await services.bus.take(`login:${address}`, { capacity: 10, refillPerSecond: 10 / 60 });
  if (!budget.allowed)
    throw new AppError(
      'rate_limited',
      'too_many_attempts',
      `Too many sign-in attempts for this email: wait ${Math.ceil(budget.retryAfterMs / 1000)} s and try again.`,
      { retryAfterMs: budget.retryAfterMs },
    );
  const row = await services.db.maybeOne<{ id: string; account_id: string; password_hash: string }>(
    sql`select id, account_id, password_hash from members where email = ${address}`,
  );
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoy));
  if (!row || !ok)
    throw new AppError('unauthenticated', 'invalid_credentials', 'Email or password is wrong.', {
      fields: { password: 'Email or password is wrong.' },
    });
  const session = await createSession(services.db, { accountId: row.account_id, memberId: row.id }, now);
  return { session, memberId: row.id, accountId: row.account_id };
}
