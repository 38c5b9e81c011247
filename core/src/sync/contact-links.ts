import { createHash } from 'node:crypto';
import type { ContactInput, CrmConnector, CrmKind, E164, Person, RecordRef } from '@parley/connectors';
import type { Db, Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import type { ConnectionRow } from './connections.ts';

/** The fields both sides hold, in a canonical order: equal hashes mean nothing to sync. */
export function contentHash(person: {
  name: string;
  company: string | null | undefined;
  emails: readonly string[];
  phones: readonly string[];
}): string {
  const canonical = JSON.stringify([
    person.name.trim(),
    person.company?.trim() || null,
    [...person.emails].map((e) => e.toLowerCase()).sort(),
    [...person.phones].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

export async function saveLink(
  db: Queryable,
  row: Pick<ConnectionRow, 'id' | 'account_id'>,
  contactId: string,
  ref: RecordRef,
  hash: string,
  crmUpdatedAt: Date | null,
): Promise<void> {
  await db.execute(sql`insert into contact_links (connection_id, crm_id, contact_id, account_id, crm_object_type,
      content_hash, crm_updated_at)
    values (${row.id}, ${ref.id}, ${contactId}, ${row.account_id}, ${ref.objectType}, ${hash}, ${crmUpdatedAt})
    on conflict (connection_id, crm_id) do update set contact_id = excluded.contact_id,
      crm_object_type = excluded.crm_object_type, content_hash = excluded.content_hash,
      crm_updated_at = excluded.crm_updated_at, updated_at = now()`);
}

export async function linkOf(
  db: Queryable,
  connectionId: string,
  contactId: string,
): Promise<{ crm_id: string; crm_object_type: string; content_hash: string } | null> {
  return db.maybeOne(sql`select crm_id, crm_object_type, content_hash from contact_links
    where connection_id = ${connectionId} and contact_id = ${contactId} limit 1`);
}

/**
 * An unknown caller, with settings saying to create them: a shared contact named by their number
 * in Parley, the same person in the CRM, and the link between the two.
 */
export async function createLinkedContact(
  db: Db,
  connector: CrmConnector,
  row: ConnectionRow,
  number: string,
): Promise<RecordRef> {
  const contact = await db.one<{ id: string }>(sql`insert into contacts (account_id, name, phones, source)
    values (${row.account_id}, ${number}, ${[number]}::text[], ${`crm:${row.kind}`}) returning id`);
  const input: ContactInput = { parleyId: contact.id, name: number, emails: [], phones: [number as E164] };
  const ref = await connector.upsertContact(input);
  await saveLink(db, row, contact.id, ref, contentHash({ ...input, company: null }), null);
  return ref;
}

export function personHash(person: Person): string {
  return contentHash(person);
}

/**
 * The Parley contact the sync linked to this CRM record, through the account's own connection of
 * that kind only: a record id of another account's CRM never reaches this account's contacts.
 */
export async function contactOfCrmRecord(
  db: Queryable,
  accountId: string,
  record: { kind: CrmKind; id: string },
): Promise<string | null> {
  const row = await db.maybeOne<{ contact_id: string }>(sql`select l.contact_id from contact_links l
    join crm_connections k on k.id = l.connection_id
    where k.account_id = ${accountId} and k.kind = ${record.kind} and l.account_id = ${accountId}
      and l.crm_id = ${record.id} limit 1`);
  return row?.contact_id ?? null;
}
