import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';

/** The Parley contact the Attio sync linked to this Attio record, if any. */
export async function contactOfAttioRecord(
  db: Queryable,
  accountId: string,
  recordId: string,
): Promise<string | null> {
  const row = await db.maybeOne<{ contact_id: string }>(sql`select l.contact_id from contact_links l
    join crm_connections k on k.id = l.connection_id and k.kind = 'attio'
    where l.account_id = ${accountId} and l.crm_id = ${recordId} limit 1`);
  return row?.contact_id ?? null;
}
