import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

/**
 * Whether calls on a number are recorded: always, unless the number is marked "do not record".
 * A call on no known number (a deleted one) is recorded, as calls were before the switch existed.
 */
export async function recordsCalls(db: Queryable, numberId: string | null): Promise<boolean> {
  if (!numberId) return true;
  const row = await db.maybeOne<{ do_not_record: boolean }>(
    sql`select do_not_record from phone_numbers where id = ${numberId}`,
  );
  return !row?.do_not_record;
}
