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
import { missingAnswer } from './batch.ts';
import { HubspotClient } from './client.ts';
import type { HubspotConfig } from './config.ts';
import { HubspotContacts } from './contacts.ts';
import { type EngagementKind, upsertEngagements } from './engagements.ts';
import { readBody } from './errors.ts';
import {
  CALL_TO_CONTACT,
  callProperties,
  NOTE_TO_CONTACT,
  noteProperties,
  PARLEY_CALL_ID,
  PARLEY_NOTE_ID,
  recordUrl,
  usesRecordingPipeline,
} from './map.ts';
import { ParleyProperties } from './properties.ts';
import { announceRecordings } from './recordings.ts';

const CALLS: EngagementKind = {
  objectType: 'calls',
  idProperty: PARLEY_CALL_ID,
  idLabel: 'Parley call id',
  toContactType: CALL_TO_CONTACT,
  noun: 'call',
};

/**
 * Notes have no external-id property of their own (notes-v3 lists none), so Parley's note id goes in
 * a unique custom property, and notes-v3's batch upsert finds a retried note by it, as for calls.
 */
const NOTES: EngagementKind = {
  objectType: 'notes',
  idProperty: PARLEY_NOTE_ID,
  idLabel: 'Parley note id',
  toContactType: NOTE_TO_CONTACT,
  noun: 'note',
};

const OwnersPage = z.looseObject({
  results: z.array(
    z.looseObject({
      id: z.string(),
      email: z.string().optional(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      archived: z.boolean().optional(),
    }),
  ),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

/** `GET /calling/v1/dispositions`: legacy, outside the published specs. */
const Dispositions = z.array(
  z.looseObject({ id: z.string(), label: z.string(), deleted: z.boolean().optional() }),
);

export class HubspotConnector implements CrmConnector {
  readonly kind = 'hubspot';
  private readonly client: HubspotClient;
  private readonly properties: ParleyProperties;
  private readonly contacts: HubspotContacts;

  constructor(config: HubspotConfig, deps: ConnectorDeps) {
    this.client = new HubspotClient(config, deps);
    this.properties = new ParleyProperties(this.client);
    this.contacts = new HubspotContacts(this.client, this.properties);
  }

  async verify(): Promise<ConnectedAs> {
    const settings = this.client.settings;
    const instanceUrl = `${settings.appBaseUrl.replace(/\/+$/, '')}/contacts/${settings.portalId}`;
    // An authenticated read first: it answers 401 on a revoked token whatever the kind of token.
    await this.client.request({ method: 'GET', path: '/crm/v3/owners', query: { limit: 1 } });
    if (settings.credentials.kind === 'private-app') {
      return { accountId: settings.portalId, userId: 'private-app', instanceUrl };
    }
    const info = await this.client.describeToken();
    if (String(info.hub_id) !== settings.portalId) {
      throw new CrmError(
        'auth',
        `This HubSpot token belongs to portal ${info.hub_id}, not ${settings.portalId}; reconnect HubSpot.`,
        { crm: 'hubspot' },
      );
    }
    return {
      accountId: String(info.hub_id),
      userId: String(info.user_id),
      ...(info.user ? { userEmail: info.user } : {}),
      instanceUrl,
    };
  }

  findContactsByPhone(e164: E164): Promise<Person[]> {
    return this.contacts.findByPhone(e164);
  }

  async upsertCallLog(call: CallLog): Promise<RecordRef> {
    const [result] = await this.upsertCallLogs([call]);
    if (!result) throw missingAnswer('call');
    if (!result.ok) throw result.error;
    return result.value;
  }

  /**
   * Logs the calls, then, when the recordings pipeline is on, announces each logged call's
   * recording to HubSpot (once per call, see `announceRecordings`). A call whose announcement
   * failed fails as a whole, so the sync's retry brings it back.
   */
  async upsertCallLogs(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const app = this.client.settings;
    const results = await upsertEngagements(
      this.client,
      this.properties,
      CALLS,
      calls.map((call) => ({
        key: call.id,
        properties: callProperties(call, app),
        ...(call.contact ? { contactId: call.contact.id } : {}),
      })),
    );
    const recorded = usesRecordingPipeline(app)
      ? calls.flatMap((call, i) => {
          const result = results[i];
          return call.recordingUrl && result?.ok ? [{ engagementId: result.value, callId: call.id }] : [];
        })
      : [];
    const failed = await announceRecordings(this.client, this.properties, recorded);
    return results.map((result) => {
      if (!result.ok) return result;
      const error = failed.get(result.value);
      return error ? { ok: false, error } : { ok: true, value: this.ref('calls', result.value) };
    });
  }

  async addNote(target: RecordRef, note: Note): Promise<RecordRef> {
    const [result] = await upsertEngagements(this.client, this.properties, NOTES, [
      { key: note.id, properties: noteProperties(note.body, note.createdAt), contactId: target.id },
    ]);
    if (!result) throw missingAnswer('note');
    if (!result.ok) throw result.error;
    return this.ref('notes', result.value);
  }

  upsertContact(contact: ContactInput): Promise<RecordRef> {
    return this.contacts.upsert(contact);
  }

  changedContacts(cursor: Cursor | null): Promise<Page<Person>> {
    return this.contacts.changed(cursor);
  }

  async listOwners(): Promise<CrmOwner[]> {
    const owners: CrmOwner[] = [];
    let after: string | undefined;
    do {
      // https://developers.hubspot.com/docs/api/crm/owners
      const response = await this.client.request({
        method: 'GET',
        path: '/crm/v3/owners',
        query: { limit: 100, after },
      });
      const page = readBody(OwnersPage, response, 'the owners list');
      for (const owner of page.results) {
        if (owner.archived) continue;
        const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ');
        owners.push({ id: owner.id, email: owner.email ?? '', name: name || owner.email || owner.id });
      }
      after = page.paging?.next?.after;
    } while (after);
    return owners;
  }

  async listOutcomes(): Promise<CrmOutcome[]> {
    // https://developers.hubspot.com/docs/api/crm/calls ("GET /calling/v1/dispositions")
    const response = await this.client.request({ method: 'GET', path: '/calling/v1/dispositions' });
    return readBody(Dispositions, response, 'the dispositions list')
      .filter((disposition) => !disposition.deleted)
      .map((disposition) => ({ value: disposition.id, label: disposition.label }));
  }

  recordUrl(ref: RecordRef): string {
    const { appBaseUrl, portalId } = this.client.settings;
    return recordUrl(appBaseUrl, portalId, ref);
  }

  private ref(objectType: string, id: string): RecordRef {
    return { crm: 'hubspot', objectType, id, url: this.recordUrl({ crm: 'hubspot', objectType, id }) };
  }
}
