/**
 * Attio connector. Where calls go, and why:
 * - Not `/v2/meetings`: its find-or-create on `external_ref` is idempotent, but meetings cannot be
 *   updated afterwards (no PATCH in the spec, so notes and a summary arriving later have nowhere to
 *   go), an empty participant list is refused, and participant emails create people as a side effect.
 *   Call recordings (alpha, mp4 only, 1 request/s, no idempotency key) are not used either.
 * - Not `/v2/activities` (beta, newer than our spec; its phone-call activity's attributes are unknown).
 * - So a custom object, `parley_calls`, with a unique `call_id` text attribute: `PUT
 *   /v2/objects/parley_calls/records?matching_attribute=call_id` creates or updates in one request,
 *   which makes every retry, even after a lost answer, land on the same record. The connector creates
 *   the object, its attributes and select options when missing (once per connector instance).
 * - A summary is also posted as a note on the person, found again by the `[parley:call:<id>]`
 *   marker in its title, because notes have no idempotency key and no update.
 * `addNote` is idempotent the same way: the note's title ends with `[parley:<note id>]`, and the
 * parent's notes are listed (50 a page) for that marker before one is created.
 * Owners (`listOwners`) are the workspace's members that are not suspended; a call's owner is an
 * actor-reference attribute on the call record. People carry no owner in Attio, so
 * `ContactInput.ownerEmail` is not written.
 * Outcomes (`listOutcomes`) are the options of the calls object's `result` select attribute: Parley's
 * own results, plus whatever options an admin adds in Attio.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type {
  BatchResult,
  CallLog,
  ConnectedAs,
  ContactInput,
  CrmConnector,
  CrmOutcome,
  CrmOwner,
  Cursor,
  E164,
  Note,
  Page,
  Person,
  RecordRef,
} from '../core/connector.ts';
import type { ConnectorDeps } from '../core/descriptor.ts';
import { CrmError, isCrmError } from '../core/errors.ts';
import { phonesMatch } from '../core/phone.ts';
import { WorkspaceSchema } from './calls-object.ts';
import { readFeed } from './change-feed.ts';
import { AttioClient } from './client.ts';
import type { AttioConfig } from './config.ts';
import {
  type AttioRecord,
  CALLS_OBJECT,
  callValues,
  companyIdOf,
  noteMarker,
  noteTitle,
  PARLEY_ID_ATTRIBUTE,
  personalName,
  phonesOf,
  textOf,
  toPerson,
} from './map.ts';

/** Calls logged at once by `upsertCallLogs`: Attio has no batch assert, and writes are 25 a second. */
const CONCURRENCY = 4;
const NOTES_PAGE = 50;

export class AttioConnector implements CrmConnector {
  readonly kind = 'attio' as const;
  private readonly client: AttioClient;
  private readonly schema: WorkspaceSchema;

  constructor(
    private readonly config: AttioConfig,
    private readonly deps: ConnectorDeps,
  ) {
    this.client = new AttioClient(config, deps);
    this.schema = new WorkspaceSchema(this.client);
  }

  async verify(): Promise<ConnectedAs> {
    const self = await this.client.self();
    if (!self.active) {
      throw new CrmError('auth', 'Attio says Parley’s access token is no longer active. Reconnect Attio.', {
        crm: 'attio',
        status: 200,
      });
    }
    return {
      accountId: self.workspace_id,
      userId: self.authorized_by_workspace_member_id,
      instanceUrl: `${this.config.appBaseUrl.replace(/\/+$/, '')}/${self.workspace_slug}`,
    };
  }

  async findContactsByPhone(e164: E164): Promise<Person[]> {
    // Attio filters phone numbers on the normalised E.164 form (docs: attribute-types-phone-number);
    // the suffix also catches a number Attio normalised under the wrong country.
    const national = parsePhoneNumberFromString(e164)?.nationalNumber;
    const conditions: unknown[] = [{ phone_numbers: { phone_number: { $eq: e164 } } }];
    if (national && national.length >= 6) {
      conditions.push({ phone_numbers: { phone_number: { $ends_with: national } } });
    }
    const records = await this.client.queryRecords('people', {
      filter: { $or: conditions },
      limit: 50,
      offset: 0,
    });
    const country = this.config.defaultCountry;
    const matching = records.filter((record) =>
      phonesOf(record, country).some((phone) => phonesMatch(phone, e164, country)),
    );
    return this.toPeople(matching);
  }

  async upsertCallLog(call: CallLog): Promise<RecordRef> {
    await this.schema.callsObject();
    const record = await this.client.assertRecord(CALLS_OBJECT, 'call_id', callValues(call));
    if (call.summary && call.contact) {
      await this.ensureNote(call.contact.objectType, call.contact.id, `call:${call.id}`, {
        title: noteTitle('Call summary', `call:${call.id}`),
        content: call.summary,
        createdAt: call.startedAt,
      });
    }
    return { crm: 'attio', objectType: CALLS_OBJECT, id: record.id.record_id, url: record.web_url };
  }

  async upsertCallLogs(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const results: BatchResult<RecordRef> = new Array(calls.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < calls.length; index = next++) {
        const call = calls[index];
        if (!call) continue;
        try {
          results[index] = { ok: true, value: await this.upsertCallLog(call) };
        } catch (error) {
          results[index] = { ok: false, error: asCrmError(error) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, calls.length) }, worker));
    return results;
  }

  async addNote(target: RecordRef, note: Note): Promise<RecordRef> {
    const id = await this.ensureNote(target.objectType, target.id, note.id, {
      title: noteTitle(note.body, note.id),
      content: note.body,
      createdAt: note.createdAt,
    });
    return { crm: 'attio', objectType: 'notes', id };
  }

  async upsertContact(contact: ContactInput): Promise<RecordRef> {
    await this.schema.peopleAttribute();
    const values: Record<string, unknown[]> = {
      name: [personalName(contact.name)],
      [PARLEY_ID_ATTRIBUTE]: [contact.parleyId],
    };
    if (contact.emails.length > 0) values.email_addresses = contact.emails;
    if (contact.phones.length > 0) values.phone_numbers = contact.phones;
    if (contact.company === null) values.company = [];
    if (contact.company) {
      values.company = [
        { target_object: 'companies', target_record_id: await this.company(contact.company) },
      ];
    }
    let record: AttioRecord;
    if (contact.ref) record = await this.client.overwriteRecord('people', contact.ref.id, values);
    else if (contact.emails.length > 0) {
      record = await this.client.assertRecord('people', 'email_addresses', values);
    } else record = await this.client.assertRecord('people', PARLEY_ID_ATTRIBUTE, values);
    return { crm: 'attio', objectType: 'people', id: record.id.record_id, url: record.web_url };
  }

  async changedContacts(cursor: Cursor | null): Promise<Page<Person>> {
    const page = await readFeed(
      cursor,
      (offset, limit) =>
        this.client.queryRecords('people', {
          sorts: [{ attribute: 'created_at', direction: 'asc' }],
          limit,
          offset,
        }),
      () => this.deps.clock.now(),
    );
    return { items: await this.toPeople(page.records), next: page.next };
  }

  async listOwners(): Promise<CrmOwner[]> {
    const members = await this.client.workspaceMembers();
    return members
      .filter((member) => member.access_level !== 'suspended')
      .map((member) => ({
        id: member.id.workspace_member_id,
        email: member.email_address,
        name: `${member.first_name} ${member.last_name}`.trim(),
      }));
  }

  async listOutcomes(): Promise<CrmOutcome[]> {
    await this.schema.callsObject();
    const titles = await this.client.listOptions(CALLS_OBJECT, 'result');
    return titles.map((title) => ({ value: title, label: title }));
  }

  recordUrl(ref: RecordRef): string {
    if (ref.url) return ref.url;
    const base = `${this.config.appBaseUrl.replace(/\/+$/, '')}/${this.config.workspaceSlug}`;
    // People pages are `/<workspace>/person/<id>` (the spec's `web_url` example); other objects
    // follow the same pattern with their slug (verify against a live workspace).
    const segment = ref.objectType === 'people' ? 'person' : ref.objectType;
    return `${base}/${segment}/${ref.id}`;
  }

  /** Finds the note carrying `parleyId`'s marker on the parent, or creates it: a retry never doubles it. */
  private async ensureNote(
    parentObject: string,
    parentId: string,
    parleyId: string,
    note: { title: string; content: string; createdAt: Date },
  ): Promise<string> {
    const marker = noteMarker(parleyId);
    for (let offset = 0; ; offset += NOTES_PAGE) {
      const page = await this.client.listNotes(parentObject, parentId, offset, NOTES_PAGE);
      const found = page.find((existing) => existing.title.includes(marker));
      if (found) return found.id.note_id;
      if (page.length < NOTES_PAGE) break;
    }
    const created = await this.client.createNote({ parentObject, parentRecordId: parentId, ...note });
    return created.id.note_id;
  }

  /** The company record named `name`, created when Attio has none (companies have no unique name). */
  private async company(name: string): Promise<string> {
    const [existing] = await this.client.queryRecords('companies', {
      filter: { name: { $eq: name } },
      limit: 1,
      offset: 0,
    });
    if (existing) return existing.id.record_id;
    return (await this.client.createRecord('companies', { name: [name] })).id.record_id;
  }

  private async toPeople(records: AttioRecord[]): Promise<Person[]> {
    const companyIds = [...new Set(records.map(companyIdOf).filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    if (companyIds.length > 0) {
      const companies = await this.client.queryRecords('companies', {
        filter: { record_id: { $in: companyIds } },
        limit: companyIds.length,
        offset: 0,
      });
      for (const company of companies) names.set(company.id.record_id, textOf(company, 'name') ?? '');
    }
    const options = this.config.defaultCountry ? { defaultCountry: this.config.defaultCountry } : {};
    return records.map((record) => {
      const companyId = companyIdOf(record);
      return toPerson(record, { ...options, companyName: companyId ? (names.get(companyId) ?? null) : null });
    });
  }
}

function asCrmError(error: unknown): CrmError {
  if (isCrmError(error)) return error;
  return new CrmError('unavailable', 'Logging this call in Attio failed unexpectedly; Parley will retry.', {
    crm: 'attio',
    cause: error,
  });
}
