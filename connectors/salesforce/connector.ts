import { z } from 'zod';
import type {
  ConnectedAs,
  ContactInput,
  CrmConnector,
  CrmOutcome,
  CrmOwner,
  E164,
  Note,
  Page,
  Person,
  RecordRef,
} from '../core/connector.ts';
import type { ConnectorDeps } from '../core/descriptor.ts';
import { CrmError } from '../core/errors.ts';
import { phonesMatch } from '../core/phone.ts';
import { createCallLogs } from './call-logs.ts';
import { createSalesforceClient, type SalesforceClientOptions } from './client.ts';
import type { SalesforceConfig } from './config.ts';
import { saveErrorToCrmError } from './errors.ts';
import {
  CONTACT_EXTERNAL_ID,
  CONTACT_FIELDS,
  decodeCursor,
  encodeCursor,
  type FeedPosition,
  LEAD_FIELDS,
  noteMarker,
  noteTitle,
  type PersonRecord,
  PersonRecordSchema,
  rawPhones,
  recordRef,
  recordUrl,
  searchTerms,
  toContactFields,
  toPerson,
} from './map.ts';
import { SaveResultSchema } from './save-result.ts';
import { soqlLikeContaining, soqlString, soslAny } from './soql.ts';

const IdentitySchema = z.object({
  user_id: z.string(),
  organization_id: z.string(),
  email: z.string().optional(),
});
const SearchSchema = z.object({ searchRecords: z.array(PersonRecordSchema) });
const QuerySchema = <T extends z.ZodType>(record: T) =>
  z.object({ done: z.boolean(), records: z.array(record) });
const IdRecordSchema = z.object({ Id: z.string() });
const UserSchema = z.object({ Id: z.string(), Email: z.string().nullish(), Name: z.string() });
const DescribeSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      picklistValues: z
        .array(z.object({ value: z.string(), label: z.string().nullish(), active: z.boolean() }))
        .default([]),
    }),
  ),
});

const CHANGES_PAGE = 200;

export function createSalesforceConnector(
  config: SalesforceConfig,
  deps: ConnectorDeps,
  options: SalesforceClientOptions = {},
): CrmConnector {
  const client = createSalesforceClient(config, deps, options);
  const instanceUrl = () => client.config().instanceUrl;
  const ref = (objectType: string, id: string) => recordRef(instanceUrl(), objectType, id);

  const callLogs = createCallLogs(client, ref);

  /**
   * One object's changes after `from`, by SystemModstamp then Id (a keyset: no query locator to
   * expire, nor a cap of open cursors); queryAll so records deleted into the recycle bin come back
   * as archived. Not verified against an org: Salesforce is reported to ignore milliseconds when it
   * compares datetimes (salesforce.stackexchange.com/q/234824), which would let a page boundary
   * inside one second skip records; Change Data Capture, the preferred feed, has no such edge.
   */
  async function feedPage(
    object: 'Contact' | 'Lead',
    fields: readonly string[],
    from: FeedPosition | null,
    limit: number,
  ): Promise<PersonRecord[]> {
    // SOQL datetime literals are unquoted; `at` passed the cursor's ISO check.
    const since = from
      ? ` WHERE SystemModstamp > ${from.at} OR (SystemModstamp = ${from.at} AND Id > ${soqlString(from.id)})`
      : '';
    const soql = `SELECT ${fields.join(', ')}, IsDeleted FROM ${object}${since} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
    const answer = await client.call(async (conn) => await conn.query(soql, { scanAll: true }), {
      idempotent: true,
    });
    return QuerySchema(PersonRecordSchema).parse(answer).records;
  }

  async function queryRecords<T extends z.ZodType>(soql: string, record: T): Promise<z.infer<T>[]> {
    const answer = await client.call(async (conn) => await conn.query(soql), { idempotent: true });
    return QuerySchema(record).parse(answer).records;
  }

  return {
    kind: 'salesforce',

    async verify(): Promise<ConnectedAs> {
      // jsforce identity(): GET /services/data/vXX.X/ for the identity URL, then GET that URL with
      // the token in its query. Forgetting the cached URL makes the first request the REST one,
      // whose 401 jsforce refreshes on; the identity service answers a dead token with 403.
      const who = IdentitySchema.parse(
        await client.call(
          (conn) => {
            conn.userInfo = undefined;
            return conn.identity();
          },
          { idempotent: true },
        ),
      );
      return {
        accountId: who.organization_id,
        userId: who.user_id,
        ...(who.email ? { userEmail: who.email } : {}),
        instanceUrl: instanceUrl(),
      };
    },

    async findContactsByPhone(e164: E164): Promise<Person[]> {
      const sosl =
        `FIND ${soslAny(searchTerms(e164))} IN PHONE FIELDS RETURNING ` +
        `Contact(${CONTACT_FIELDS.join(', ')}), Lead(${LEAD_FIELDS.join(', ')} WHERE IsConverted = false)`;
      const answer = SearchSchema.parse(await client.call((conn) => conn.search(sosl), { idempotent: true }));
      const { defaultCountry } = client.config();
      const matching = answer.searchRecords.filter((record) =>
        rawPhones(record).some((raw) => phonesMatch(raw, e164, defaultCountry)),
      );
      const people = matching.map((record) => toPerson(record, instanceUrl(), defaultCountry));
      return [...people.filter((p) => p.kind === 'contact'), ...people.filter((p) => p.kind === 'lead')];
    },

    upsertCallLog: callLogs.upsertCallLog,
    upsertCallLogs: callLogs.upsertCallLogs,

    async addNote(target: RecordRef, note: Note): Promise<RecordRef> {
      // Classic Note: one record holding ParentId, so a retry finds it by its title's marker.
      const found = await queryRecords(
        `SELECT Id FROM Note WHERE ParentId = ${soqlString(target.id)} AND Title LIKE ${soqlLikeContaining(noteMarker(note.id))} LIMIT 1`,
        IdRecordSchema,
      );
      if (found[0]) return ref('Note', found[0].Id);
      const answer = await client.call(
        (conn) =>
          conn
            .sobject('Note')
            .create({ ParentId: target.id, Title: noteTitle(note.body, note.id), Body: note.body }),
        { idempotent: false },
      );
      const saved = SaveResultSchema.parse(answer);
      if (!saved.success || !saved.id) throw saveErrorToCrmError(saved.errors, saved);
      return ref('Note', saved.id);
    },

    async upsertContact(contact: ContactInput): Promise<RecordRef> {
      const owners = contact.ownerEmail
        ? await queryRecords(
            `SELECT Id FROM User WHERE Email = ${soqlString(contact.ownerEmail)} AND IsActive = true LIMIT 1`,
            IdRecordSchema,
          )
        : [];
      const fields = toContactFields(contact, owners[0]?.Id);
      if (contact.ref) {
        // A record Parley knows but may not have created: update it by Id and tag it, never upsert a twin.
        const { id, objectType } = contact.ref;
        const isLead = objectType === 'Lead';
        const record = isLead
          ? { Id: id, ...fields }
          : { Id: id, [CONTACT_EXTERNAL_ID]: contact.parleyId, ...fields };
        const saved = SaveResultSchema.parse(
          await client.call((conn) => conn.sobject(isLead ? 'Lead' : 'Contact').update(record), {
            idempotent: true,
          }),
        );
        if (!saved.success) throw saveErrorToCrmError(saved.errors, saved);
        return ref(isLead ? 'Lead' : 'Contact', id);
      }
      // PATCH /sobjects/Contact/Parley_Contact_Id__c/<id>: creates once, then updates the same record.
      const saved = SaveResultSchema.parse(
        await client.call(
          (conn) =>
            conn
              .sobject('Contact')
              .upsert(
                { [CONTACT_EXTERNAL_ID]: encodeURIComponent(contact.parleyId), ...fields },
                CONTACT_EXTERNAL_ID,
              ),
          { idempotent: true },
        ),
      );
      if (!saved.success || !saved.id) throw saveErrorToCrmError(saved.errors, saved);
      return ref('Contact', saved.id);
    },

    async changedContacts(cursor: string | null): Promise<Page<Person>> {
      const position = cursor ? decodeCursor(cursor) : { Contact: null, Lead: null };
      if (!position) {
        throw new CrmError(
          'invalid',
          'Salesforce: the saved sync position is unreadable; restart the contact sync.',
          {
            crm: 'salesforce',
          },
        );
      }
      const contacts = await feedPage('Contact', CONTACT_FIELDS, position.Contact, CHANGES_PAGE);
      const room = CHANGES_PAGE - contacts.length;
      const leads =
        room > 0 ? await feedPage('Lead', [...LEAD_FIELDS, 'IsConverted'], position.Lead, room) : [];
      const records = [...contacts, ...leads];
      if (records.length === 0) return { items: [], next: null };
      const after = (list: PersonRecord[], previous: FeedPosition | null) => {
        const last = list.at(-1);
        return last ? { at: last.SystemModstamp.toISOString(), id: last.Id } : previous;
      };
      const { defaultCountry } = client.config();
      return {
        items: records.map((record) => toPerson(record, instanceUrl(), defaultCountry)),
        next: encodeCursor({ Contact: after(contacts, position.Contact), Lead: after(leads, position.Lead) }),
      };
    },

    async listOwners(): Promise<CrmOwner[]> {
      const users = await queryRecords(
        'SELECT Id, Email, Name FROM User WHERE IsActive = true ORDER BY Name',
        UserSchema,
      );
      return users.map((user) => ({ id: user.Id, email: user.Email ?? '', name: user.Name }));
    },

    async listOutcomes(): Promise<CrmOutcome[]> {
      // CallDisposition is a free-text string(255) in the standard Task; an org may have made it a picklist.
      const described = DescribeSchema.parse(
        await client.call((conn) => conn.sobject('Task').describe(), { idempotent: true }),
      );
      const field = described.fields.find((candidate) => candidate.name === 'CallDisposition');
      if (field?.type !== 'picklist') return [];
      return field.picklistValues
        .filter((value) => value.active)
        .map((value) => ({ value: value.value, label: value.label ?? value.value }));
    },

    recordUrl(target: RecordRef): string {
      return recordUrl(instanceUrl(), target.objectType, target.id);
    },
  };
}
