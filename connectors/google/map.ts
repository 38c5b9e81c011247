import { z } from 'zod';
import type { E164, Person, RecordRef } from '../core/connector.ts';
import { normaliseForCompare } from '../core/phone.ts';

/** The fields Parley reads, for `personFields` (https://developers.google.com/people/api/rest/v1/people/get). */
export const PERSON_FIELDS = [
  'names',
  'emailAddresses',
  'phoneNumbers',
  'organizations',
  'metadata',
  'userDefined',
] as const;

/** The `userDefined` key Parley writes its contact id under, so a contact it created is known as its own. */
export const PARLEY_ID_KEY = 'parley_id';

/** Where a contact's page lives; the People API names no web URL, so this is the Contacts app's pattern. */
export const CONTACTS_WEB_URL = 'https://contacts.google.com';

const Source = z.looseObject({ type: z.string().optional(), updateTime: z.string().optional() });

/** A `Person` (https://developers.google.com/people/api/rest/v1/people#Person), only the fields read. */
export const GooglePersonSchema = z.looseObject({
  resourceName: z.string().regex(/^people\/[^/]+$/),
  etag: z.string().optional(),
  metadata: z
    .looseObject({ deleted: z.boolean().optional(), sources: z.array(Source).optional() })
    .optional(),
  names: z.array(z.looseObject({ displayName: z.string().optional() })).optional(),
  organizations: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  emailAddresses: z.array(z.looseObject({ value: z.string().optional() })).optional(),
  phoneNumbers: z
    .array(z.looseObject({ value: z.string().optional(), canonicalForm: z.string().optional() }))
    .optional(),
  userDefined: z
    .array(z.looseObject({ key: z.string().optional(), value: z.string().optional() }))
    .optional(),
});
export type GooglePerson = z.infer<typeof GooglePersonSchema>;

/** `people/c123` → `c123`: the id in the Contacts app's URL. */
const personId = (resourceName: string) => resourceName.slice('people/'.length);

export function recordUrl(ref: Pick<RecordRef, 'id'>): string {
  return `${CONTACTS_WEB_URL}/person/${encodeURIComponent(personId(ref.id))}`;
}

export function sourceRef(resourceName: string): RecordRef {
  return {
    crm: 'google',
    objectType: 'people',
    id: resourceName,
    url: recordUrl({ id: resourceName }),
  };
}

/** Google's E.164 when it worked one out; else the number as typed, read in the address book's country. */
function phonesOf(person: GooglePerson, defaultCountry: string): E164[] {
  const phones: E164[] = [];
  for (const phone of person.phoneNumbers ?? []) {
    const raw = phone.canonicalForm ?? phone.value;
    const e164 = raw ? normaliseForCompare(raw, defaultCountry) : null;
    if (e164 && !phones.includes(e164)) phones.push(e164);
  }
  return phones;
}

/** The contact's own source's time; `now` when Google gave none (a deletion may carry no source). */
function updatedAt(person: GooglePerson, now: Date): Date {
  const sources = person.metadata?.sources ?? [];
  const own = sources.find((source) => source.type === 'CONTACT') ?? sources[0];
  const at = own?.updateTime ? Date.parse(own.updateTime) : Number.NaN;
  return Number.isNaN(at) ? now : new Date(at);
}

export function toPerson(person: GooglePerson, defaultCountry: string, now: Date): Person {
  const parleyId = person.userDefined?.find((entry) => entry.key === PARLEY_ID_KEY)?.value?.trim();
  return {
    ref: sourceRef(person.resourceName),
    kind: 'contact',
    name: person.names?.[0]?.displayName?.trim() ?? '',
    company: person.organizations?.[0]?.name?.trim() || null,
    emails: (person.emailAddresses ?? []).flatMap((email) => (email.value ? [email.value.trim()] : [])),
    phones: phonesOf(person, defaultCountry),
    updatedAt: updatedAt(person, now),
    archived: person.metadata?.deleted === true,
    ...(parleyId ? { parleyId } : {}),
  };
}
