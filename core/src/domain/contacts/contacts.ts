import { z } from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { type E164, toE164 } from '../../phone/e164.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit.ts';

export interface Contact {
  id: string;
  name: string;
  company: string | null;
  emails: string[];
  phones: E164[];
  ownerMemberId: string | null;
  source: string;
  externalIds: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContactRow {
  id: string;
  name: string;
  company: string | null;
  emails: string[];
  phones: E164[];
  owner_member_id: string | null;
  source: string;
  external_ids: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  company: r.company,
  emails: r.emails,
  phones: r.phones,
  ownerMemberId: r.owner_member_id,
  source: r.source,
  externalIds: r.external_ids,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What a person types: phones in any format, read in the account's country. */
export const ContactBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'A contact needs a name').max(200),
  company: z.string().trim().max(200).nullable().optional(),
  emails: z.array(z.email('Not a valid email address').max(254)).max(10).default([]),
  phones: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  ownerMemberId: z.uuid().nullable().optional(),
});
export type ContactBody = z.infer<typeof ContactBodySchema>;

export function normalisePhones(phones: readonly string[], country: string, field = 'phones'): E164[] {
  return [
    ...new Set(
      phones.map((raw, index) => {
        const e164 = toE164(raw, country);
        if (!e164)
          throw fieldError(
            phones.length === 1 && field === 'phone' ? field : `${field}.${index}`,
            `"${raw}" is not a valid phone number for ${country}: write it in international format, e.g. +33 6 12 34 56 78.`,
          );
        return e164;
      }),
    ),
  ];
}

async function refuseForeignOwner(db: Queryable, accountId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const row = await db.maybeOne(
    sql`select 1 from members where id = ${ownerId} and account_id = ${accountId}`,
  );
  if (!row) throw fieldError('ownerMemberId', 'No member with this id in your team.');
}

type Actor = { accountId: string; memberId: string };

/**
 * What a member saves flows to the account's CRMs: the outbox row is written with the contact, so
 * the push happens even if the server stops right after. Contacts imported from a CRM are written
 * by the sync itself and never queued, which is half of what keeps sync free of echoes.
 */
async function queueContactPush(tx: Queryable, accountId: string, contactId: string): Promise<void> {
  await tx.execute(
    sql`insert into outbox (account_id, topic, subject_id) values (${accountId}, 'contact.saved', ${contactId})`,
  );
}

export async function createContact(db: Db, actor: Actor, body: ContactBody): Promise<Contact> {
  const account = await getAccount(db, actor.accountId);
  const phones = normalisePhones(body.phones, account.defaultCountry);
  await refuseForeignOwner(db, actor.accountId, body.ownerMemberId);
  const emails = [...new Set(body.emails.map((e) => e.toLowerCase()))];
  return db.transaction(async (tx) => {
    const row =
      await tx.one<ContactRow>(sql`insert into contacts (account_id, name, company, emails, phones, owner_member_id, source)
      values (${actor.accountId}, ${body.name}, ${body.company ?? null}, ${emails}::text[], ${phones}::text[],
        ${body.ownerMemberId ?? actor.memberId}, 'manual') returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'contact.created',
      targetType: 'contact',
      targetId: row.id,
    });
    await queueContactPush(tx, actor.accountId, row.id);
    return toContact(row);
  });
}

export async function getContact(db: Queryable, accountId: string, id: string): Promise<Contact> {
  const row = await db.maybeOne<ContactRow>(
    sql`select * from contacts where id = ${id} and account_id = ${accountId}`,
  );
  if (!row) throw new AppError('not_found', 'contact_not_found', 'No such contact in this account.');
  return toContact(row);
}

export async function updateContact(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<ContactBody>,
): Promise<Contact> {
  const account = await getAccount(db, actor.accountId);
  const phones = patch.phones ? normalisePhones(patch.phones, account.defaultCountry) : undefined;
  await refuseForeignOwner(db, actor.accountId, patch.ownerMemberId);
  return db.transaction(async (tx) => {
    const current = await getContact(tx, actor.accountId, id);
    const row = await tx.one<ContactRow>(sql`update contacts set
        name = ${patch.name ?? current.name},
        company = ${patch.company === undefined ? current.company : patch.company},
        emails = ${patch.emails ? [...new Set(patch.emails.map((e) => e.toLowerCase()))] : current.emails}::text[],
        phones = ${phones ?? current.phones}::text[],
        owner_member_id = ${patch.ownerMemberId === undefined ? current.ownerMemberId : patch.ownerMemberId},
        updated_at = now()
      where id = ${id} and account_id = ${actor.accountId} returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'contact.updated',
      targetType: 'contact',
      targetId: id,
    });
    await queueContactPush(tx, actor.accountId, id);
    return toContact(row);
  });
}

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await tx.execute(
      sql`delete from contacts where id = ${id} and account_id = ${actor.accountId}`,
    );
    if (!deleted) throw new AppError('not_found', 'contact_not_found', 'No such contact in this account.');
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'contact.deleted',
      targetType: 'contact',
      targetId: id,
    });
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Search by name, company or number. A query that reads as a phone number matches that exact
 * number (caller recognition); a run of digits matches numbers containing it.
 */
export async function searchContacts(
  db: Queryable,
  accountId: string,
  options: { q?: string | undefined; limit: number; offset: number; country: string },
): Promise<Contact[]> {
  const q = options.q?.trim() ?? '';
  const e164 = q ? toE164(q, options.country) : null;
  const digits = q.replace(/\D/g, '');
  const filter = !q
    ? sql``
    : e164
      ? sql`and phones @> ${[e164]}::text[]`
      : sql`and (name ilike ${`%${escapeLike(q)}%`} or company ilike ${`%${escapeLike(q)}%`}
          or exists (select 1 from unnest(emails) e where e ilike ${`%${escapeLike(q)}%`})
          ${digits.length >= 4 ? sql`or array_to_string(phones, ' ') like ${`%${digits}%`}` : sql``})`;
  const rows = await db.many<ContactRow>(sql`select * from contacts where account_id = ${accountId} ${filter}
    order by lower(name), id limit ${options.limit} offset ${options.offset}`);
  return rows.map(toContact);
}

export async function allContacts(db: Queryable, accountId: string): Promise<Contact[]> {
  const rows = await db.many<ContactRow>(
    sql`select * from contacts where account_id = ${accountId} order by lower(name), id`,
  );
  return rows.map(toContact);
}
