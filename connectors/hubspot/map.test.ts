import { describe, expect, it } from 'vitest';
import { callLog, e164 } from '../core/conformance/fixtures.ts';
import type { CallLog, CallResult } from '../core/connector.ts';
import { callBody, callProperties, contactProperties, personOf, recordUrl, searchableDigits } from './map.ts';

const context = { appBaseUrl: 'https://app-eu1.hubspot.com', portalId: '123', defaultCountry: 'FR' };

describe('callProperties', () => {
  it('writes the duration in milliseconds, the direction, numbers and Parley’s id', () => {
    const call = callLog({
      durationSeconds: 42,
      direction: 'outbound',
      ownerId: '81002',
      outcome: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
    });
    expect(callProperties(call, { appId: '3003' })).toMatchObject({
      hs_timestamp: '2026-11-02T09:15:00.000Z',
      hs_call_duration: '42000',
      hs_call_direction: 'OUTBOUND',
      hs_call_from_number: '+33612345678',
      hs_call_to_number: '+33199000001',
      hs_call_source: 'INTEGRATIONS_PLATFORM',
      hs_call_external_id: call.id,
      hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      hubspot_owner_id: '81002',
      hs_call_app_id: '3003',
    });
  });

  it.each<[CallResult, string]>([
    ['answered', 'COMPLETED'],
    ['voicemail', 'COMPLETED'],
    ['missed', 'NO_ANSWER'],
    ['after_hours', 'NO_ANSWER'],
    ['abandoned', 'CANCELED'],
    ['busy', 'BUSY'],
    ['failed', 'FAILED'],
  ])('a %s call has status %s', (result, status) => {
    expect(callProperties(callLog({ result })).hs_call_status).toBe(status);
  });

  it('leaves out what the call does not have: a withheld number, an outcome, an owner', () => {
    const properties = callProperties(callLog({ from: null }));
    expect(properties).not.toHaveProperty('hs_call_from_number');
    expect(properties).not.toHaveProperty('hs_call_disposition');
    expect(properties).not.toHaveProperty('hubspot_owner_id');
    expect(properties.hs_call_title).toBe('Call from a withheld number');
  });
});

describe('callBody', () => {
  it('keeps notes, summary, disposition and recording link, escaped as HTML', () => {
    const call: CallLog = callLog({
      notes: 'Wants <b>12</b> seats\nby Friday',
      summary: 'Pricing & terms',
      disposition: 'interested',
      recordingUrl: 'https://rec.example/a?b=1&c=2',
      transcript: 'not kept',
    });
    expect(callBody(call)).toBe(
      '<p>Wants &#60;b&#62;12&#60;/b&#62; seats<br>by Friday</p><p><strong>Summary</strong><br>Pricing &#38; terms</p>' +
        '<p>Disposition: interested</p><p><a href="https://rec.example/a?b=1&#38;c=2">Recording</a></p>',
    );
  });
});

describe('personOf', () => {
  const contact = (properties: Record<string, string | null>) => ({
    id: '501',
    properties,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-02-01T00:00:00Z',
  });

  it('reads a contact with numbers as typed into E.164 and its Parley id', () => {
    const person = personOf(
      contact({
        firstname: 'Bob',
        lastname: 'Durand',
        company: 'Durand & Fils',
        email: 'bob@durand.example',
        phone: '06 98 76 54 32',
        mobilephone: 'n/a',
        lastmodifieddate: '2026-03-01T10:00:00.000Z',
        parley_contact_id: 'ct_1',
      }),
      context,
    );
    expect(person).toMatchObject({
      kind: 'contact',
      name: 'Bob Durand',
      company: 'Durand & Fils',
      emails: ['bob@durand.example'],
      phones: ['+33698765432'],
      updatedAt: new Date('2026-03-01T10:00:00.000Z'),
      parleyId: 'ct_1',
      ref: {
        crm: 'hubspot',
        objectType: 'contacts',
        id: '501',
        url: 'https://app-eu1.hubspot.com/contacts/123/record/0-1/501',
      },
    });
  });

  it.each([
    ['lead', 'lead'],
    ['customer', 'contact'],
    [null, 'contact'],
  ])('lifecyclestage %s is a %s', (stage, kind) => {
    expect(personOf(contact({ firstname: 'A', lifecyclestage: stage }), context).kind).toBe(kind);
  });

  it('falls back to the email, then the id, for a nameless contact', () => {
    expect(personOf(contact({ email: 'x@y.example' }), context).name).toBe('x@y.example');
    expect(personOf(contact({}), context).name).toBe('501');
  });
});

describe('contactProperties', () => {
  it('splits the name and keeps the first phone as phone, the second as mobile', () => {
    expect(
      contactProperties({
        parleyId: 'ct_9',
        name: ' Henri  Blanc-Dupont ',
        company: null,
        emails: ['henri@blanc.example'],
        phones: [e164('+33633445566'), e164('+33144556677')],
      }),
    ).toEqual({
      firstname: 'Henri',
      lastname: 'Blanc-Dupont',
      company: '',
      email: 'henri@blanc.example',
      phone: '+33633445566',
      mobilephone: '+33144556677',
      parley_contact_id: 'ct_9',
    });
  });
});

describe('searchableDigits', () => {
  it.each([
    ['+33612345678', '612345678'],
    ['+14155552671', '4155552671'],
  ])('%s is indexed by HubSpot as %s', (number, digits) => {
    expect(searchableDigits(e164(number))).toBe(digits);
  });
});

describe('recordUrl', () => {
  it.each([
    ['contacts', '0-1'],
    ['calls', '0-48'],
    ['notes', '0-46'],
  ])('a %s record opens under object type %s', (objectType, typeId) => {
    expect(recordUrl('https://app.hubspot.com/', '123', { objectType, id: '9' })).toBe(
      `https://app.hubspot.com/contacts/123/record/${typeId}/9`,
    );
  });
});
