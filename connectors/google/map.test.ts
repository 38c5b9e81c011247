import { describe, expect, it } from 'vitest';
import { PersonSchema } from '../core/connector.ts';
import { type GooglePerson, GooglePersonSchema, recordUrl, toPerson } from './map.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const source = { type: 'CONTACT', id: '6a1f', etag: '#abc', updateTime: '2026-11-20T08:30:00.123Z' };

/** A connection as people.connections.list returns it (fields per the People API reference). */
const marie: GooglePerson = GooglePersonSchema.parse({
  resourceName: 'people/c8177265036342637281',
  etag: '%EgcBAgkLLjc9GgQBAgUHIgxqVGF5eHJ0cWN4cz0=',
  metadata: { sources: [source], objectType: 'PERSON' },
  names: [
    {
      metadata: { primary: true, source },
      displayName: 'Marie Curie',
      givenName: 'Marie',
      familyName: 'Curie',
    },
  ],
  organizations: [{ metadata: { primary: true, source }, name: 'Institut du Radium' }],
  emailAddresses: [
    { metadata: { primary: true, source }, value: 'marie@radium.example' },
    { metadata: { source }, value: 'm.curie@example.test' },
  ],
  phoneNumbers: [
    { value: '06 12 34 56 78', type: 'mobile' },
    { value: '+44 20 7946 0958', canonicalForm: '+442079460958', type: 'work' },
    { value: 'ask reception' },
  ],
  userDefined: [
    { key: 'team', value: 'physics' },
    { key: 'parley_id', value: 'ct_42' },
  ],
});

describe('toPerson', () => {
  it('reads name, company, emails, update time and the Parley id from userDefined', () => {
    const person = toPerson(marie, 'FR', NOW);
    expect(PersonSchema.parse(person)).toEqual({
      ref: {
        crm: 'google',
        objectType: 'people',
        id: 'people/c8177265036342637281',
        url: 'https://contacts.google.com/person/c8177265036342637281',
      },
      kind: 'contact',
      name: 'Marie Curie',
      company: 'Institut du Radium',
      emails: ['marie@radium.example', 'm.curie@example.test'],
      phones: ['+33612345678', '+442079460958'],
      updatedAt: new Date('2026-11-20T08:30:00.123Z'),
      archived: false,
      parleyId: 'ct_42',
    });
  });

  it.each([
    [
      'canonicalForm wins over the typed value',
      { value: '020 7946 0958', canonicalForm: '+442079460958' },
      'FR',
      ['+442079460958'],
    ],
    ['a national number is read in the default country', { value: '01 23 45 67 89' }, 'FR', ['+33123456789']],
    ['the same national number in another country', { value: '(415) 555-2671' }, 'US', ['+14155552671']],
    ['an unreadable number is left out', { value: 'call me' }, 'FR', []],
  ])('%s', (_, phone, country, expected) => {
    const person = toPerson(
      GooglePersonSchema.parse({ resourceName: 'people/c1', phoneNumbers: [phone] }),
      country,
      NOW,
    );
    expect(person.phones).toEqual(expected);
  });

  it('reads a deleted connection as archived, dated now when Google gave no time', () => {
    const gone = GooglePersonSchema.parse({
      resourceName: 'people/c9',
      etag: '%x',
      metadata: { deleted: true },
    });
    expect(toPerson(gone, 'FR', NOW)).toMatchObject({
      archived: true,
      name: '',
      company: null,
      updatedAt: NOW,
    });
  });

  it('has no Parley id when no userDefined entry carries one', () => {
    const { parleyId } = toPerson(
      GooglePersonSchema.parse({ resourceName: 'people/c2', userDefined: [{ key: 'x', value: 'y' }] }),
      'FR',
      NOW,
    );
    expect(parleyId).toBeUndefined();
  });

  it('refuses a body whose resourceName is not a person', () => {
    expect(GooglePersonSchema.safeParse({ resourceName: 'contactGroups/abc' }).success).toBe(false);
  });
});

describe('recordUrl', () => {
  it('points at the Contacts app page of the person', () => {
    expect(recordUrl({ id: 'people/c123' })).toBe('https://contacts.google.com/person/c123');
  });
});
