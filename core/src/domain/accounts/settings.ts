import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { recordAudit } from '../audit/audit.ts';
import { type Account, getAccount } from './accounts.ts';

export async function updateAccount(
  db: Db,
  actor: { accountId: string; memberId: string },
  patch: {
    name?: string | undefined;
    defaultCountry?: string | undefined;
    timeZone?: string | undefined;
    locale?: 'fr' | 'en' | undefined;
  },
): Promise<Account> {
  return db.transaction(async (tx) => {
    const current = await getAccount(tx, actor.accountId, true);
    await tx.execute(sql`update accounts set name = ${patch.name ?? current.name},
      default_country = ${patch.defaultCountry ?? current.defaultCountry},
      time_zone = ${patch.timeZone ?? current.timeZone}, locale = ${patch.locale ?? current.locale}, updated_at = now()
      where id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'account.updated',
      targetType: 'account',
      targetId: actor.accountId,
      details: patch,
    });
    return getAccount(tx, actor.accountId);
  });
}
