import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { normalisePhones } from '../contacts/contacts.ts';
import { getMember, type Member } from './members.ts';

export interface Profile extends Member {
  phone: string | null;
}

export async function getProfile(db: Db, accountId: string, memberId: string): Promise<Profile> {
  const member = await getMember(db, accountId, memberId);
  const row = await db.one<{ phone: string | null }>(
    sql`select phone from members where id = ${memberId} and account_id = ${accountId}`,
  );
  return { ...member, phone: row.phone };
}

/** A member's own name and phone (the one call-me-first rings), the phone in E.164. */
export async function updateProfile(
  db: Db,
  actor: { accountId: string; memberId: string },
  patch: { name?: string | undefined; phone?: string | null | undefined },
): Promise<Profile> {
  const account = await getAccount(db, actor.accountId);
  const phone = patch.phone
    ? normalisePhones([patch.phone], account.defaultCountry, 'phone')[0]
    : patch.phone;
  await db.execute(sql`update members set
      name = coalesce(${patch.name ?? null}, name),
      phone = ${phone === undefined ? sql`phone` : sql`${phone}`},
      updated_at = now()
    where id = ${actor.memberId} and account_id = ${actor.accountId}`);
  return getProfile(db, actor.accountId, actor.memberId);
}
