import { z } from 'zod';
import type { ConnectedAs, Cursor, RecordRef } from '../core/connector.ts';
import type { ContactSource, SourcePage } from '../core/contact-source.ts';
import type { ConnectorDeps } from '../core/descriptor.ts';
import { GoogleClient } from './client.ts';
import type { GoogleConfig } from './config.ts';
import { decodeCursor, encodeCursor, type Position } from './cursor.ts';
import { isExpiredSyncToken, readBody } from './errors.ts';
import { CONTACTS_WEB_URL, GooglePersonSchema, PERSON_FIELDS, recordUrl, toPerson } from './map.ts';

/** `ListConnectionsResponse`; Google leaves `connections` out of a page with none. */
const ListConnectionsResponse = z.looseObject({
  connections: z.array(GooglePersonSchema).optional(),
  nextPageToken: z.string().min(1).optional(),
  nextSyncToken: z.string().min(1).optional(),
});

const Me = z.looseObject({
  resourceName: z.string().min(1),
  emailAddresses: z
    .array(
      z.looseObject({
        value: z.string().optional(),
        metadata: z.looseObject({ primary: z.boolean().optional() }).optional(),
      }),
    )
    .optional(),
});

/** The reference allows 1 to 1000 (people.connections.list `pageSize`); the most per request is cheapest. */
export const MAX_PAGE_SIZE = 1000;

export interface GoogleSourceOptions {
  /** Smaller pages, for tests that need several. */
  pageSize?: number;
}

export class GoogleSource implements ContactSource {
  readonly kind = 'google' as const;
  private readonly client: GoogleClient;
  private readonly pageSize: number;

  constructor(
    config: GoogleConfig,
    private readonly deps: ConnectorDeps,
    options: GoogleSourceOptions = {},
  ) {
    this.client = new GoogleClient(config, deps);
    this.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  }

  /** https://developers.google.com/people/api/rest/v1/people/get with `people/me`. */
  async verify(): Promise<ConnectedAs> {
    const response = await this.client.get('/v1/people/me', { personFields: 'names,emailAddresses' });
    const me = readBody(Me, response, 'the signed-in user');
    const emails = me.emailAddresses ?? [];
    const email = (emails.find((entry) => entry.metadata?.primary) ?? emails[0])?.value;
    return {
      accountId: me.resourceName,
      userId: me.resourceName,
      ...(email ? { userEmail: email } : {}),
      instanceUrl: CONTACTS_WEB_URL,
    };
  }

  async changedContacts(cursor: Cursor | null): Promise<SourcePage> {
    const position = cursor === null ? null : decodeCursor(cursor);
    try {
      return { ...(await this.read(position)), restarted: false };
    } catch (error) {
      if (position?.phase !== 'sync' || !isExpiredSyncToken(error)) throw error;
      // Google keeps changes for 7 days after a full sync; past that only a new full pass is truthful.
      this.deps.log.warn(
        { crm: 'google' },
        'Google Contacts sync token expired; reading every contact again',
      );
      return { ...(await this.read(null)), restarted: true };
    }
  }

  recordUrl(ref: RecordRef): string {
    return recordUrl(ref);
  }

  /** https://developers.google.com/people/api/rest/v1/people.connections/list */
  private async read(position: Position | null): Promise<Omit<SourcePage, 'restarted'>> {
    const syncToken = position?.phase === 'sync' ? position.syncToken : undefined;
    const response = await this.client.get('/v1/people/me/connections', {
      personFields: PERSON_FIELDS.join(','),
      pageSize: this.pageSize,
      requestSyncToken: true,
      pageToken: position?.pageToken,
      syncToken,
    });
    const body = readBody(ListConnectionsResponse, response, 'the contacts list');
    const now = new Date(this.deps.clock.now());
    const items = (body.connections ?? []).map((person) =>
      toPerson(person, this.client.settings.defaultCountry, now),
    );
    if (body.nextPageToken) {
      const next: Position = syncToken
        ? { phase: 'sync', syncToken, pageToken: body.nextPageToken }
        : { phase: 'full', pageToken: body.nextPageToken };
      return { items, next: encodeCursor(next) };
    }
    // A pass with no change keeps the token it started from (core keeps the last cursor on `next: null`);
    // one that expires that way restarts as a full pass.
    const drained = syncToken !== undefined && position?.pageToken === undefined && items.length === 0;
    if (!body.nextSyncToken || drained) return { items, next: null };
    return { items, next: encodeCursor({ phase: 'sync', syncToken: body.nextSyncToken }) };
  }
}
