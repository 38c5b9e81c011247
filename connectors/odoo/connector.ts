import { z } from 'zod';
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
import { CrmError } from '../core/errors.ts';
import { CallLogs } from './calls.ts';
import { postOnce } from './chatter.ts';
import { OdooClient, type OdooClientOptions } from './client.ts';
import type { OdooConfig } from './config.ts';
import { upsertPartner } from './contacts.ts';
import { anyOf, type Domain, leaf } from './domain.ts';
import { changedPartners } from './feed.ts';
import {
  hasModernRoutes,
  noteBody,
  noteMarker,
  PARTNER_FIELDS,
  type PartnerRow,
  PartnerRowSchema,
  partnerHasNumber,
  partnerToPerson,
  phoneSearchDigits,
  rankPartners,
  recordUrl,
  separatorTolerantPattern,
} from './map.ts';

const crm = 'odoo' as const;
/** Chatter lives on these; a note on anything else has nowhere to go. */
const NOTE_MODELS = new Set(['res.partner', 'parley.call']);

const VersionSchema = z.object({ server_version_info: z.array(z.union([z.string(), z.number()])) });
const FieldsSchema = z.record(z.string(), z.object({ type: z.string() }).loose());
const SelectionSchema = z.record(
  z.string(),
  z.object({ selection: z.array(z.tuple([z.string(), z.string()])).optional() }).loose(),
);
const UserSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  email: z.union([z.string(), z.literal(false)]),
  name: z.string(),
});

/** Memoises a check, forgetting it when it failed so the next call asks again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let held: Promise<T> | null = null;
  return () => {
    if (!held) {
      held = load();
      held.catch(() => {
        held = null;
      });
    }
    return held;
  };
}

export class OdooConnector implements CrmConnector {
  readonly kind = crm;
  private readonly client: OdooClient;
  private readonly calls: CallLogs;
  private modernRoutes = false;

  constructor(
    private readonly config: OdooConfig,
    deps: ConnectorDeps,
    options: OdooClientOptions = {},
  ) {
    this.client = new OdooClient(config, deps, options);
    this.calls = new CallLogs(this.client, (model, id) => this.ref(model, id), this.moduleInstalled);
  }

  /** Whether Parley's Odoo module (model `parley.call`) is installed; asked once per connector. */
  private readonly moduleInstalled = once(async () => {
    const count = await this.client.execute(z.number().int(), {
      model: 'ir.model',
      method: 'search_count',
      args: [[leaf('model', '=', 'parley.call')]],
      idempotent: true,
    });
    return count > 0;
  });

  /** `phone_mobile_search` comes with the `sms` module (auto-installed with mail, research/odoo.md §2.1). */
  private readonly separatorFreeSearch = once(async () => {
    const fields = await this.client.execute(FieldsSchema, {
      model: 'res.partner',
      method: 'fields_get',
      args: [],
      kwargs: { allfields: ['phone_mobile_search'], attributes: ['type'] },
      idempotent: true,
    });
    return 'phone_mobile_search' in fields;
  });

  private ref(model: string, id: string): RecordRef {
    return { crm, objectType: model, id, url: recordUrl(this.config.url, model, id, this.modernRoutes) };
  }

  async verify(): Promise<ConnectedAs> {
    // https://www.odoo.com/documentation/17.0/developer/reference/external_api.html#logging-in
    const version = VersionSchema.safeParse(await this.client.version());
    if (version.success) this.modernRoutes = hasModernRoutes(version.data.server_version_info);
    const uid = await this.client.uid();
    return {
      accountId: this.config.database,
      userId: String(uid),
      userEmail: this.config.login,
      instanceUrl: this.config.url,
    };
  }

  async findContactsByPhone(e164: E164): Promise<Person[]> {
    const digits = phoneSearchDigits(e164);
    if (!digits) return [];
    const domain: Domain = (await this.separatorFreeSearch())
      ? [leaf('phone_mobile_search', 'ilike', digits)]
      : anyOf(
          [leaf('phone', '=ilike', separatorTolerantPattern(digits))],
          [leaf('mobile', '=ilike', separatorTolerantPattern(digits))],
        );
    const rows = await this.client.execute(z.array(PartnerRowSchema), {
      model: 'res.partner',
      method: 'search_read',
      args: [domain],
      kwargs: { fields: [...PARTNER_FIELDS], limit: 50 },
      idempotent: true,
    });
    // The search is a substring match on the last digits: only numbers that are the same line count.
    return rankPartners(rows.filter((row) => partnerHasNumber(row, e164, this.config.defaultCountry))).map(
      (row) => this.person(row),
    );
  }

  private person(row: PartnerRow): Person {
    return partnerToPerson(
      row,
      this.config.defaultCountry,
      recordUrl(this.config.url, 'res.partner', String(row.id), this.modernRoutes),
    );
  }

  async upsertCallLog(call: CallLog): Promise<RecordRef> {
    const [result] = await this.calls.upsert([call]);
    if (!result) throw new CrmError('unavailable', 'Odoo gave no answer for this call.', { crm });
    if (!result.ok) throw result.error;
    return result.value;
  }

  upsertCallLogs(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    return this.calls.upsert(calls);
  }

  async addNote(target: RecordRef, note: Note): Promise<RecordRef> {
    if (target.crm !== crm || !NOTE_MODELS.has(target.objectType) || !/^\d+$/.test(target.id)) {
      throw new CrmError(
        'invalid',
        `A note goes on an Odoo contact or Parley call, not on ${target.crm} ${target.objectType}.`,
        { crm },
      );
    }
    const id = await postOnce(
      this.client,
      target.objectType,
      Number(target.id),
      noteMarker(note.id),
      noteBody(note),
    );
    return this.ref('mail.message', String(id));
  }

  upsertContact(contact: ContactInput): Promise<RecordRef> {
    return upsertPartner(this.client, contact, (id) => this.ref('res.partner', String(id)));
  }

  changedContacts(cursor: Cursor | null): Promise<Page<Person>> {
    return changedPartners(this.client, cursor, (row) => this.person(row));
  }

  async listOwners(): Promise<CrmOwner[]> {
    const users = await this.client.execute(z.array(UserSchema), {
      model: 'res.users',
      method: 'search_read',
      // Internal users only: portal users (share = true) cannot own calls.
      args: [[leaf('share', '=', false)]],
      kwargs: { fields: ['login', 'email', 'name'], order: 'id asc' },
      idempotent: true,
    });
    return users.map((user) => ({ id: String(user.id), email: user.email || user.login, name: user.name }));
  }

  async listOutcomes(): Promise<CrmOutcome[]> {
    if (!(await this.moduleInstalled())) return [];
    const fields = await this.client.execute(SelectionSchema, {
      model: 'parley.call',
      method: 'fields_get',
      args: [],
      kwargs: { allfields: ['outcome'], attributes: ['selection', 'string'] },
      idempotent: true,
    });
    return (fields.outcome?.selection ?? []).map(([value, label]) => ({ value, label }));
  }

  recordUrl(ref: RecordRef): string {
    return recordUrl(this.config.url, ref.objectType, ref.id, this.modernRoutes);
  }
}
