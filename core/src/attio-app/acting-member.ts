import { AppError } from '../errors.ts';
import type { Principal } from '../http/route.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';

/**
 * The header the Attio app's server functions name the Attio user with. The app reads that
 * user's email from Attio itself (never from its browser code), and Parley acts as the member
 * with the same email, with that member's own role and visibility.
 */
export const ACTING_MEMBER_HEADER = 'parley-acting-member';

/** The Attio app's secret is an API token; a browser session never acts for another member. */
export function requireApiToken(installer: Principal): void {
  if (installer.via !== 'token')
    throw new AppError(
      'forbidden',
      'api_token_required',
      'The Attio app signs in with an admin’s API token, not a browser session.',
    );
}

/**
 * An Attio workspace reaches Parley with one secret for every user: an admin's API token, set at
 * install as the app's workspace connection. Only an admin's token may act for others, and only
 * for members of its own account.
 */
export async function actingMember(
  db: Queryable,
  installer: Principal,
  email: string,
): Promise<{ principal: Principal; name: string }> {
  requireApiToken(installer);
  const row = await db.maybeOne<{ id: string; name: string; role: Principal['role'] }>(
    sql`select id, name, role from members where account_id = ${installer.accountId} and lower(email) = ${email.toLowerCase()}`,
  );
  if (!row)
    throw new AppError(
      'forbidden',
      'member_not_found',
      `No Parley member uses ${email} in this account: invite this person to Parley with the email they use in Attio.`,
    );
  return {
    principal: { accountId: installer.accountId, memberId: row.id, role: row.role, via: 'token' },
    name: row.name,
  };
}
