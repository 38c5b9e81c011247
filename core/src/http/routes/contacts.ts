import { z } from 'zod';
import { getAccount } from '../../domain/accounts/accounts.ts';
import {
  allContacts,
  ContactBodySchema,
  createContact,
  deleteContact,
  getContact,
  searchContacts,
  updateContact,
} from '../../domain/contacts/contacts.ts';
import { contactsToCsv } from '../../domain/contacts/formats/csv.ts';
import { contactsToVcards } from '../../domain/contacts/formats/vcard.ts';
import { getImport, listImports, startImport } from '../../domain/contacts/imports.ts';
import { route } from '../route.ts';
import { IdParams, LimitQuery } from '../schemas.ts';

const SearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: LimitQuery,
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const ImportBody = z.strictObject({
  format: z.enum(['csv', 'vcard'], 'Choose csv or vcard'),
  content: z.string().min(1, 'The file is empty').max(10_000_000, 'Files up to 10 MB: split larger ones'),
  fileName: z.string().trim().max(200).optional(),
});

const ExportQuery = z.strictObject({
  format: z.enum(['csv', 'vcard'], 'Choose csv or vcard').default('csv'),
});

export const contactRoutes = [
  route({
    method: 'get',
    path: '/api/contacts',
    summary: 'Search shared contacts by name, company, email or number',
    tag: 'contacts',
    access: 'member',
    query: SearchQuery,
    response: { status: 200 },
    async handler({ principal, query, services }) {
      const account = await getAccount(services.db, principal.accountId);
      const contacts = await searchContacts(services.db, principal.accountId, {
        ...query,
        country: account.defaultCountry,
      });
      return { body: { contacts } };
    },
  }),
  route({
    method: 'post',
    path: '/api/contacts',
    summary: 'Add a shared contact (numbers in any format, stored as E.164)',
    tag: 'contacts',
    access: 'member',
    body: ContactBodySchema,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      return { status: 201, body: await createContact(services.db, principal, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/contacts/export',
    summary: 'Download all shared contacts as CSV or vCard',
    tag: 'contacts',
    access: 'member',
    query: ExportQuery,
    response: { status: 200, description: 'text/csv or text/vcard file' },
    async handler({ principal, query, services }) {
      const contacts = await allContacts(services.db, principal.accountId);
      return query.format === 'csv'
        ? {
            text: {
              contentType: 'text/csv; charset=utf-8',
              body: contactsToCsv(contacts),
              fileName: 'parley-contacts.csv',
            },
          }
        : {
            text: {
              contentType: 'text/vcard; charset=utf-8',
              body: contactsToVcards(contacts),
              fileName: 'parley-contacts.vcf',
            },
          };
    },
  }),
  route({
    method: 'get',
    path: '/api/contacts/imports',
    summary: 'Recent contact imports with their progress',
    tag: 'contacts',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { imports: await listImports(services.db, principal.accountId) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/contacts/imports',
    summary:
      'Import a CSV or vCard file; runs in the background, poll the import for progress and row errors',
    tag: 'contacts',
    access: 'admin',
    body: ImportBody,
    response: { status: 202 },
    async handler({ principal, body, services }) {
      const { job } = await startImport(services.db, principal, body, services.log);
      return { status: 202, body: job };
    },
  }),
  route({
    method: 'get',
    path: '/api/contacts/imports/:id',
    summary: 'One import: processed/total, created, updated, and each failed row with its line',
    tag: 'contacts',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await getImport(services.db, principal.accountId, params.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/contacts/:id',
    summary: 'One shared contact',
    tag: 'contacts',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await getContact(services.db, principal.accountId, params.id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/contacts/:id',
    summary: 'Change a shared contact',
    tag: 'contacts',
    access: 'member',
    params: IdParams,
    body: ContactBodySchema.partial(),
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: await updateContact(services.db, principal, params.id, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/contacts/:id',
    summary: 'Delete a shared contact',
    tag: 'contacts',
    access: 'admin',
    params: IdParams,
    response: { status: 204 },
    async handler({ principal, params, services }) {
      await deleteContact(services.db, principal, params.id);
      return { status: 204 };
    },
  }),
];
