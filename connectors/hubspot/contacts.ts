import { z } from 'zod';
import type { ContactInput, Cursor, E164, Page, Person, RecordRef } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import { phonesMatch } from '../core/phone.ts';
import { BatchUpsertResponse, batchErrorToCrmError, missingAnswer } from './batch.ts';
import type { HubspotClient } from './client.ts';
import { readBody } from './errors.ts';
import {
  CONTACT_PROPERTIES,
  contactProperties,
  HubspotObject,
  PARLEY_CONTACT_ID,
  type PersonContext,
  personOf,
  phoneSearchBody,
  recordUrl,
  searchableDigits,
} from './map.ts';
import type { ParleyProperties } from './properties.ts';

const SearchResponse = z.looseObject({
  total: z.number().int(),
  results: z.array(HubspotObject),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

const PAGE = 200;
/** Search refuses `after` past 10,000 results; the feed moves its window instead (see below). */
const SEARCH_CAP = 10_000;

/**
 * The feed's position: changes at or after `since` (lastmodifieddate, epoch ms), minus the `seen`
 * ids already given whose change is exactly at `since` (as many as changed in that millisecond,
 * usually one). base64url JSON, opaque to core.
 */
const FeedCursor = z.strictObject({ since: z.number().int(), seen: z.array(z.string()) });
type FeedCursor = z.infer<typeof FeedCursor>;

export function encodeCursor(cursor: FeedCursor): Cursor {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(cursor: Cursor | null): FeedCursor {
  if (cursor === null) return { since: 0, seen: [] };
  try {
    return FeedCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (cause) {
    throw new CrmError(
      'invalid',
      'The saved HubSpot sync position is unreadable; resync contacts from the start.',
      {
        crm: 'hubspot',
        cause,
      },
    );
  }
}

export class HubspotContacts {
  constructor(
    private readonly client: HubspotClient,
    private readonly properties: ParleyProperties,
  ) {}

  private get context(): PersonContext {
    const { appBaseUrl, portalId, defaultCountry } = this.client.settings;
    return { appBaseUrl, portalId, defaultCountry };
  }

  /**
   * HubSpot keeps `phone`/`mobilephone` as typed, so the search runs on its computed national-digit
   * indexes and every hit is confirmed in our own comparison (a national index matches numbers of
   * other countries too). Contacts first, then leads (lifecyclestage `lead`).
   * https://developers.hubspot.com/docs/api/crm/search
   */
  async findByPhone(e164: E164): Promise<Person[]> {
    const digits = searchableDigits(e164);
    if (!digits) return [];
    const response = await this.client.search('contacts', phoneSearchBody(digits));
    const { results } = readBody(SearchResponse, response, 'a contact search');
    const country = this.context.defaultCountry;
    const people = results
      .filter((contact) =>
        [contact.properties.phone, contact.properties.mobilephone].some(
          (raw) => raw && phonesMatch(raw, e164, country),
        ),
      )
      .map((contact) => personOf(contact, this.context));
    return [...people.filter((p) => p.kind === 'contact'), ...people.filter((p) => p.kind === 'lead')];
  }

  /**
   * Search sorted by `lastmodifieddate` with a GTE filter on the last change seen, always from the
   * start of the results: the window moves with the feed, so the 10,000-result cap of `after` only
   * bites inside a run of more than 10,000 changes in one millisecond. Ids already given at the
   * boundary millisecond travel in the cursor and are skipped.
   */
  async changed(cursor: Cursor | null): Promise<Page<Person>> {
    const position = decodeCursor(cursor);
    const seen = new Set(position.seen);
    for (let after = 0; after < SEARCH_CAP; after += PAGE) {
      const response = await this.client.search('contacts', {
        filterGroups: [
          { filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(position.since) }] },
        ],
        sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
        properties: CONTACT_PROPERTIES,
        limit: PAGE,
        after: String(after),
      });
      const { results } = readBody(SearchResponse, response, 'a contact search');
      const fresh = results.filter(
        (contact) => !(seen.has(contact.id) && modifiedAt(contact) === position.since),
      );
      if (fresh.length > 0) {
        return {
          items: fresh.map((contact) => personOf(contact, this.context)),
          next: encodeCursor(advance(position, fresh)),
        };
      }
      if (results.length < PAGE) return { items: [], next: null };
      // A full page of boundary ids already given: read past them.
    }
    throw new CrmError(
      'unavailable',
      'More than 10,000 HubSpot contacts changed in the same millisecond; Parley will retry.',
      {
        crm: 'hubspot',
      },
    );
  }

  /**
   * Idempotent on Parley's id: without a ref, a batch upsert of one on the unique `parley_contact_id`
   * (a retry finds the contact it made); with a ref, a PATCH of that record.
   */
  async upsert(input: ContactInput): Promise<RecordRef> {
    await this.properties.ensure('contacts', PARLEY_CONTACT_ID, 'Parley contact id');
    const props = contactProperties(input);
    let id: string;
    if (input.ref) {
      // https://developers.hubspot.com/docs/api/crm/contacts (update)
      const response = await this.client.request({
        method: 'PATCH',
        path: `/crm/v3/objects/contacts/${encodeURIComponent(input.ref.id)}`,
        json: { properties: props },
        idempotent: true,
      });
      id = readBody(HubspotObject, response, 'a contact update').id;
    } else {
      const response = await this.client.request({
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/upsert',
        json: { inputs: [{ id: input.parleyId, idProperty: PARLEY_CONTACT_ID, properties: props }] },
        idempotent: true,
      });
      const body = readBody(BatchUpsertResponse, response, 'a contact upsert');
      const [error] = body.errors ?? [];
      const [result] = body.results;
      if (!result) throw error ? batchErrorToCrmError(error) : missingAnswer('contact');
      id = result.id;
    }
    const { appBaseUrl, portalId } = this.client.settings;
    return {
      crm: 'hubspot',
      objectType: 'contacts',
      id,
      url: recordUrl(appBaseUrl, portalId, { objectType: 'contacts', id }),
    };
  }
}

function modifiedAt(contact: HubspotObject): number {
  return Date.parse(contact.properties.lastmodifieddate ?? contact.updatedAt);
}

function advance(position: FeedCursor, given: HubspotObject[]): FeedCursor {
  const last = Math.max(...given.map(modifiedAt));
  const atLast = given.filter((contact) => modifiedAt(contact) === last).map((contact) => contact.id);
  return { since: last, seen: last === position.since ? [...position.seen, ...atLast] : atLast };
}
