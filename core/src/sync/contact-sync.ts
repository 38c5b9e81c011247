import {
  type ConnectionKind,
  type ContactInput,
  CRM_KINDS,
  type CrmKind,
  type E164,
  isCrmError,
  type Person,
} from '@parley/connectors';
import type { Db, Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type ConnectionRow, connectionRow, toConnection } from './connections.ts';
import type { ConnectorFor } from './connector-cache.ts';
import { contentHash, linkOf, personHash, saveLink } from './contact-links.ts';

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'removed';

/**
 * Applies one person from the CRM's change feed to the shared contacts, echo-free: a change whose
 * content is what both sides already agree on (our own write coming back) changes nothing, and a
 * person carrying a Parley id joins that contact instead of making a second one.
 */
export async function applyPerson(db: Queryable, row: ConnectionRow, person: Person): Promise<ImportOutcome> {
  const link = await db.maybeOne<{
    contact_id: string;
    content_hash: string;
  }>(sql`select contact_id, content_hash
    from contact_links where connection_id = ${row.id} and crm_id = ${person.ref.id}`);
  if (person.archived) {
    if (!link) return 'unchanged';
    await db.execute(
      sql`delete from contact_links where connection_id = ${row.id} and crm_id = ${person.ref.id}`,
    );
    // Only a contact this CRM brought in goes with it; one a rep made stays in Parley.
    await db.execute(sql`delete from contacts where id = ${link.contact_id} and source = ${`crm:${row.kind}`}
      and not exists (select 1 from contact_links where contact_id = ${link.contact_id})`);
    return 'removed';
  }
  const hash = personHash(person);
  if (link?.content_hash === hash) return 'unchanged';
  let contactId = link?.contact_id ?? null;
  if (!contactId && person.parleyId) {
    const ours = await db.maybeOne<{ id: string }>(
      sql`select id from contacts where id::text = ${person.parleyId} and account_id = ${row.account_id}`,
    );
    contactId = ours?.id ?? null;
  }
  let outcome: ImportOutcome;
  if (contactId) {
    const current = await db.maybeOne<{
      name: string;
      company: string | null;
      emails: string[];
      phones: string[];
    }>(sql`select name, company, emails, phones from contacts where id = ${contactId}`);
    if (current && contentHash(current) === hash) outcome = 'unchanged';
    else {
      await db.execute(sql`update contacts set name = ${person.name}, company = ${person.company},
          emails = ${person.emails.map((e) => e.toLowerCase())}::text[], phones = ${person.phones}::text[], updated_at = now()
        where id = ${contactId}`);
      outcome = 'updated';
    }
  } else {
    const created = await db.one<{
      id: string;
    }>(sql`insert into contacts (account_id, name, company, emails, phones, source)
      values (${row.account_id}, ${person.name}, ${person.company}, ${person.emails.map((e) => e.toLowerCase())}::text[],
        ${person.phones}::text[], ${`crm:${row.kind}`}) returning id`);
    contactId = created.id;
    outcome = 'created';
  }
  await saveLink(db, row, contactId, person.ref, hash, person.updatedAt);
  return outcome;
}

export interface PullDeps {
  db: Db;
  connectorFor: ConnectorFor;
}

export interface PullResult {
  pages: number;
  counts: Record<ImportOutcome, number>;
}

/**
 * Pulls the CRM's change feed from the stored cursor until it is drained. Each page and the cursor
 * after it commit together, so a crash resumes at the first page not applied. `full` starts from
 * the beginning (the initial import) and reports progress on the connection as it goes.
 */
export async function pullContacts(
  deps: PullDeps,
  connectionId: string,
  options: { full?: boolean; maxPages?: number } = {},
): Promise<PullResult> {
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const row = await connectionRow(deps.db, connectionId);
  if (row?.status !== 'active') return { pages: 0, counts };
  const feed = deps.connectorFor.feedFor(row);
  const startedAt = new Date().toISOString();
  if (options.full) await setImport(deps.db, row.id, { state: 'running', imported: 0, startedAt });
  let cursor = options.full ? null : row.contacts_cursor;
  let pages = 0;
  try {
    for (; pages < (options.maxPages ?? 1_000); ) {
      const page = await feed.changedContacts(cursor);
      pages++;
      const current: ConnectionRow = row;
      await deps.db.transaction(async (tx) => {
        for (const person of page.items) counts[await applyPerson(tx, current, person)]++;
        const next = page.next ?? cursor;
        await tx.execute(sql`update crm_connections set contacts_cursor = ${next}, contacts_synced_at = now()
          where id = ${current.id}`);
        if (options.full) {
          await tx.execute(
            sql`update crm_connections set import = ${JSON.stringify({
              state: 'running',
              imported: counts.created + counts.updated + counts.unchanged,
              startedAt,
            })} where id = ${current.id}`,
          );
        }
      });
      if (page.next === null) break;
      cursor = page.next;
    }
    if (options.full) {
      await setImport(deps.db, row.id, {
        state: 'done',
        imported: counts.created + counts.updated + counts.unchanged,
        startedAt,
        finishedAt: new Date().toISOString(),
      });
    }
    return { pages, counts };
  } catch (error) {
    if (options.full) {
      await setImport(deps.db, row.id, {
        state: 'failed',
        imported: counts.created + counts.updated + counts.unchanged,
        startedAt,
        finishedAt: new Date().toISOString(),
        error: isCrmError(error) ? error.message : 'The import stopped on an unexpected error; try again.',
      });
    }
    throw error;
  }
}

async function setImport(db: Queryable, id: string, progress: Record<string, unknown>) {
  await db.execute(sql`update crm_connections set import = ${JSON.stringify(progress)} where id = ${id}`);
}

/**
 * Sends a contact a member saved to one CRM, creating or updating the linked record. The link
 * records the content sent, so when the CRM's change feed returns it, it is recognised as ours.
 */
export async function pushContact(
  deps: PullDeps,
  row: ConnectionRow,
  contactId: string,
): Promise<'pushed' | 'skipped'> {
  const connection = toConnection(row);
  // Contact sources are read-only address books; only CRMs take Parley's contacts.
  if (!isCrmKind(connection.kind) || !connection.settings.pushContacts || row.status !== 'active')
    return 'skipped';
  const contact = await deps.db.maybeOne<{
    id: string;
    name: string;
    company: string | null;
    emails: string[];
    phones: string[];
    owner_email: string | null;
  }>(sql`select c.id, c.name, c.company, c.emails, c.phones, m.email as owner_email
    from contacts c left join members m on m.id = c.owner_member_id
    where c.id = ${contactId} and c.account_id = ${row.account_id}`);
  if (!contact) return 'skipped';
  const hash = contentHash(contact);
  const link = await linkOf(deps.db, row.id, contact.id);
  if (link?.content_hash === hash) return 'skipped';
  const { connector } = deps.connectorFor(row);
  const input: ContactInput = {
    parleyId: contact.id,
    name: contact.name,
    company: contact.company,
    emails: contact.emails,
    phones: contact.phones as E164[],
    ...(link ? { ref: { crm: connection.kind, objectType: link.crm_object_type, id: link.crm_id } } : {}),
    ...(contact.owner_email ? { ownerEmail: contact.owner_email } : {}),
  };
  const ref = await connector.upsertContact(input);
  await saveLink(deps.db, row, contact.id, ref, hash, null);
  return 'pushed';
}

export function isCrmKind(kind: ConnectionKind): kind is CrmKind {
  return (CRM_KINDS as readonly string[]).includes(kind);
}
