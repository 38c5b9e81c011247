import { z } from 'zod';
import type { ContactInput, RecordRef } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import type { OdooClient } from './client.ts';
import { leaf } from './domain.ts';
import { contactVals, parleyRef, refIsOurs } from './map.ts';

const crm = 'odoo' as const;

/**
 * Creates or updates the partner of a Parley contact. Parley's id goes in the partner's `ref`
 * (see map.ts), which also makes a retried create find the partner it made instead of a second.
 * The company is a company partner found by exact name, else created.
 */
export async function upsertPartner(
  client: OdooClient,
  contact: ContactInput,
  link: (id: number) => RecordRef,
): Promise<RecordRef> {
  const vals: Record<string, unknown> = contactVals(contact);
  if (contact.company !== undefined)
    vals.parent_id = contact.company ? await companyId(client, contact.company) : false;
  if (contact.ownerEmail) vals.user_id = (await userIdByLogin(client, contact.ownerEmail)) ?? false;
  const existing = await partnerToUpdate(client, contact);
  if (existing) {
    if (refIsOurs(existing.ref)) vals.ref = parleyRef(contact.parleyId);
    await client.execute(z.literal(true), {
      model: 'res.partner',
      method: 'write',
      args: [[existing.id], vals],
      idempotent: true,
    });
    return link(existing.id);
  }
  const [id] = await client.execute(z.array(z.number().int()).length(1), {
    model: 'res.partner',
    method: 'create',
    args: [[{ ...vals, ref: parleyRef(contact.parleyId) }]],
    idempotent: false,
  });
  if (id === undefined) throw new CrmError('unavailable', 'Odoo created no contact.', { crm });
  return link(id);
}

/** The partner named by `contact.ref`, else one Parley created before (a retried create finds it). */
async function partnerToUpdate(
  client: OdooClient,
  contact: ContactInput,
): Promise<{ id: number; ref: string | false } | null> {
  const RowSchema = z.array(z.object({ id: z.number().int(), ref: z.union([z.string(), z.literal(false)]) }));
  if (contact.ref) {
    if (
      contact.ref.crm !== crm ||
      contact.ref.objectType !== 'res.partner' ||
      !/^\d+$/.test(contact.ref.id)
    ) {
      throw new CrmError('invalid', `An Odoo contact is a res.partner, not ${contact.ref.objectType}.`, {
        crm,
      });
    }
    const [row] = await client.execute(RowSchema, {
      model: 'res.partner',
      method: 'read',
      args: [[Number(contact.ref.id)], ['ref']],
      kwargs: { context: { active_test: false } },
      idempotent: true,
    });
    if (!row) {
      throw new CrmError(
        'not_found',
        `The Odoo contact ${contact.ref.id} no longer exists (deleted in Odoo?).`,
        {
          crm,
          vendorCode: 'MissingError',
        },
      );
    }
    return row;
  }
  const [row] = await client.execute(RowSchema, {
    model: 'res.partner',
    method: 'search_read',
    args: [[leaf('ref', '=', parleyRef(contact.parleyId))]],
    kwargs: { fields: ['ref'], limit: 1, context: { active_test: false } },
    idempotent: true,
  });
  return row ?? null;
}

async function companyId(client: OdooClient, name: string): Promise<number> {
  const [found] = await client.execute(z.array(z.number().int()), {
    model: 'res.partner',
    method: 'search',
    args: [[leaf('is_company', '=', true), leaf('name', '=', name)]],
    kwargs: { limit: 1 },
    idempotent: true,
  });
  if (found !== undefined) return found;
  const [created] = await client.execute(z.array(z.number().int()).length(1), {
    model: 'res.partner',
    method: 'create',
    args: [[{ name, is_company: true }]],
    idempotent: false,
  });
  if (created === undefined) throw new CrmError('unavailable', 'Odoo created no company.', { crm });
  return created;
}

async function userIdByLogin(client: OdooClient, login: string): Promise<number | null> {
  const [found] = await client.execute(z.array(z.number().int()), {
    model: 'res.users',
    method: 'search',
    args: [[leaf('login', '=', login)]],
    kwargs: { limit: 1 },
    idempotent: true,
  });
  return found ?? null;
}
