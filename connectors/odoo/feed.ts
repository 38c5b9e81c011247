import { z } from 'zod';
import type { Cursor, Page, Person } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import type { OdooClient } from './client.ts';
import { type Domain, leaf } from './domain.ts';
import {
  decodeCursor,
  encodeCursor,
  type FeedPosition,
  PARTNER_FIELDS,
  type PartnerRow,
  PartnerRowSchema,
} from './map.ts';

export const FEED_PAGE_SIZE = 100;
/** Ids of one second the cursor remembers; past this (a bulk import) it counts rows instead. */
export const FEED_TAIL_MAX = 1000;

/** People only: companies reach Parley as a person's `company`, not as contacts of their own. */
const PEOPLE: Domain = [leaf('is_company', '=', false)];

/**
 * The rows of the cursor's second that were already delivered: the longest run of them, in order,
 * at the head of what Odoo now lists for that second. A row changed again since moved past them
 * (its new write_date is later), so the run stops before it and it is delivered again.
 */
function deliveredRun(rows: PartnerRow[], at: FeedPosition): number {
  let matched = 0;
  let next = 0;
  for (const row of rows) {
    if (row.write_date !== at.second) break;
    const found = at.tail.indexOf(row.id, next);
    if (found < 0) break;
    next = found + 1;
    matched++;
  }
  return matched;
}

/**
 * Partners changed since a position, by `write_date`, archived ones included (`active_test` off):
 * an archived partner comes back with `archived: true`; one deleted outright leaves no row, so it
 * never shows here (research/odoo.md §3.4).
 *
 * Odoo orders by `write_date` in microseconds but answers whole seconds, so a keyset on
 * (write_date, id) as answered would skip rows of a second changed after a poll. The position is a
 * whole second plus how far into it (in Odoo's order) the feed got. Known gaps: a row changed by a
 * transaction that started before the last poll but committed after it (write_date is the
 * transaction's start), and the last row of a second changed again within that same second.
 */
export async function changedPartners(
  client: OdooClient,
  cursor: Cursor | null,
  toPerson: (row: PartnerRow) => Person,
): Promise<Page<Person>> {
  const at = cursor === null ? null : decodeCursor(cursor);
  if (cursor !== null && at === null) {
    throw new CrmError('invalid', 'This Odoo change cursor is not one Parley issued; start the sync over.', {
      crm: 'odoo',
    });
  }
  const tracked = at !== null && at.tail.length > 0;
  const rows = await client.execute(z.array(PartnerRowSchema), {
    model: 'res.partner',
    method: 'search_read',
    args: [[...PEOPLE, ...(at ? [leaf('write_date', '>=', at.second)] : [])]],
    kwargs: {
      fields: [...PARTNER_FIELDS],
      order: 'write_date asc, id asc',
      offset: at && !tracked ? at.count : 0,
      limit: FEED_PAGE_SIZE + (tracked ? at.tail.length : 0),
      context: { active_test: false },
    },
    idempotent: true,
  });
  const skipped = at && tracked ? deliveredRun(rows, at) : 0;
  const fresh = rows.slice(skipped, skipped + FEED_PAGE_SIZE);
  const last = fresh.at(-1);
  if (!last) return { items: [], next: null };

  const inLast = fresh.filter((row) => row.write_date === last.write_date).map((row) => row.id);
  let count = inLast.length;
  let tail = inLast;
  if (at !== null && last.write_date === at.second) {
    // Still in the cursor's second: what was delivered of it before comes first.
    count += tracked ? skipped : at.count;
    tail = tracked ? [...rows.slice(0, skipped).map((row) => row.id), ...inLast] : [];
  }
  return {
    items: fresh.map(toPerson),
    next: encodeCursor({ second: last.write_date, count, tail: count <= FEED_TAIL_MAX ? tail : [] }),
  };
}
