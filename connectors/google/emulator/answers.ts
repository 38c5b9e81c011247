import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normaliseForCompare } from '../../core/phone.ts';
import type { EmuResponse } from '../../testing/emulator-server.ts';
import type { HeldContact } from './state.ts';

const Recording = z.object({
  source: z.string(),
  status: z.number().int(),
  body: z.record(z.string(), z.unknown()),
});

/** Google's error bodies, kept once for the emulator and for errors.test.ts. */
export const RECORDINGS = z
  .record(z.string(), Recording)
  .parse(JSON.parse(readFileSync(new URL('./recordings/errors.json', import.meta.url), 'utf8')));

function recorded(name: string): EmuResponse {
  const found = RECORDINGS[name];
  if (!found) throw new Error(`no recording ${name}`);
  return { status: found.status, body: found.body };
}

/** Google's API error body: `{error:{code, message, status}}`. */
export function googleError(code: number, status: string, message: string): EmuResponse {
  return { status: code, body: { error: { code, message, status } } };
}

export const unauthenticated = () => recorded('unauthenticated');
export const expiredSyncToken = () => recorded('expired-sync-token');
export const revokedRefreshToken = () => recorded('revoked-refresh-token');
export const invalidClient = () => recorded('invalid-client');

/** For a `status` fault or the enforced quota. Google sends no Retry-After on a 429 (verify), so none here. */
export function errorFor(status: number): EmuResponse {
  if (status === 429) return recorded('quota-exceeded');
  if (status === 401) return unauthenticated();
  if (status === 403) return recorded('insufficient-scope');
  if (status === 404) return recorded('not-found');
  if (status === 503) return recorded('backend-error');
  if (status >= 500) return googleError(status, 'INTERNAL', 'Internal error encountered.');
  return googleError(status, 'INVALID_ARGUMENT', 'Request contains an invalid argument.');
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A `Person` with the requested fields; a deleted one is only its name, etag and metadata. */
export function personJson(contact: HeldContact, fields: ReadonlySet<string>): Record<string, unknown> {
  const source = {
    type: 'CONTACT',
    id: contact.sourceId,
    etag: contact.etag,
    updateTime: iso(contact.updatedAt),
  };
  const fieldMetadata = { primary: true, source: { type: 'CONTACT', id: contact.sourceId } };
  const person: Record<string, unknown> = { resourceName: contact.resourceName, etag: contact.etag };
  if (contact.deleted) {
    person.metadata = { sources: [source], objectType: 'PERSON', deleted: true };
    return person;
  }
  if (fields.has('metadata')) person.metadata = { sources: [source], objectType: 'PERSON' };
  if (fields.has('names') && contact.name) {
    const [given = '', ...rest] = contact.name.split(' ');
    person.names = [
      {
        metadata: fieldMetadata,
        displayName: contact.name,
        givenName: given,
        familyName: rest.join(' '),
        unstructuredName: contact.name,
      },
    ];
  }
  if (fields.has('organizations') && contact.company) {
    person.organizations = [{ metadata: fieldMetadata, name: contact.company }];
  }
  if (fields.has('emailAddresses') && contact.emails.length > 0) {
    person.emailAddresses = contact.emails.map((value, i) => ({
      metadata: { ...fieldMetadata, primary: i === 0 },
      value,
    }));
  }
  if (fields.has('phoneNumbers') && contact.phones.length > 0) {
    person.phoneNumbers = contact.phones.map((value, i) => {
      // Google adds canonicalForm when it can read the number; here only numbers typed with their country
      // code get one, so the connector's own reading of national numbers is exercised too.
      const canonical = value.trim().startsWith('+') ? normaliseForCompare(value) : null;
      return {
        metadata: { ...fieldMetadata, primary: i === 0 },
        value,
        ...(canonical ? { canonicalForm: canonical } : {}),
        type: i === 0 ? 'mobile' : 'work',
      };
    });
  }
  if (fields.has('userDefined') && contact.userDefined.length > 0) {
    person.userDefined = contact.userDefined.map((entry) => ({ metadata: fieldMetadata, ...entry }));
  }
  return person;
}
