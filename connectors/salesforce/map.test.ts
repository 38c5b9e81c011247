import { describe, expect, it } from 'vitest';
import { callLog, e164 } from '../core/conformance/fixtures.ts';
import {
  decodeCursor,
  encodeCursor,
  noteTitle,
  PersonRecordSchema,
  RECORDING_URL_MAX,
  recordUrl,
  searchTerms,
  splitName,
  toContactFields,
  toPerson,
  toTask,
} from './map.ts';

const INSTANCE = 'https://acme.my.salesforce.com';

describe('toPerson', () => {
  it.each([
    [
      'a contact with its account, phones read in the org country',
      {
        attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/0035g00000AbCdEAAV' },
        Id: '0035g00000AbCdEAAV',
        Name: 'Bob Durand',
        Email: 'bob@durand.example',
        Phone: '06 98 76 54 32',
        MobilePhone: null,
        HomePhone: 'not a number',
        OtherPhone: null,
        AssistantPhone: null,
        Account: { attributes: { type: 'Account', url: '/x' }, Name: 'Durand & Fils' },
        SystemModstamp: '2026-11-02T09:15:00.000+0000',
        Parley_Contact_Id__c: 'contact_42',
      },
      {
        kind: 'contact',
        name: 'Bob Durand',
        company: 'Durand & Fils',
        emails: ['bob@durand.example'],
        phones: ['+33698765432'],
        parleyId: 'contact_42',
        archived: false,
      },
    ],
    [
      'a converted lead, archived',
      {
        attributes: { type: 'Lead', url: '/services/data/v62.0/sobjects/Lead/00Q5g00000AbCdEEAV' },
        Id: '00Q5g00000AbCdEEAV',
        Name: 'Eve Lambert',
        Email: null,
        Phone: '+33611223344',
        MobilePhone: '+33 6 11 22 33 44',
        Company: '[not provided]',
        SystemModstamp: '2026-11-02T09:15:00.000+0000',
        IsConverted: true,
      },
      {
        kind: 'lead',
        name: 'Eve Lambert',
        company: '[not provided]',
        emails: [],
        phones: ['+33611223344'],
        archived: true,
      },
    ],
  ])('reads %s', (_, raw, expected) => {
    const person = toPerson(PersonRecordSchema.parse(raw), INSTANCE, 'FR');
    expect(person).toMatchObject(expected);
    expect(person.updatedAt.toISOString()).toBe('2026-11-02T09:15:00.000Z');
    expect(person.ref.url).toBe(`${INSTANCE}/lightning/r/${raw.attributes.type}/${raw.Id}/view`);
  });
});

describe('toTask', () => {
  it('logs an answered inbound call as a completed Call task on the contact', () => {
    const call = callLog({
      contact: { crm: 'salesforce', objectType: 'Contact', id: '0035g00000AbCdEAAV' },
      ownerId: '0055g00000AbCdEAAV',
      notes: 'Wants a quote',
      summary: 'Pricing question.',
      transcript: 'Hello…',
      recordingUrl: 'https://parley.example/r/1',
    });
    expect(toTask(call, { includeSubtype: true })).toEqual({
      Subject: 'Inbound call from +33612345678',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallDurationInSeconds: 42,
      CallDisposition: 'Answered',
      CallObject: call.id,
      Status: 'Completed',
      ActivityDate: '2026-11-02',
      Description: 'Wants a quote\n\nTranscript (excerpt): Hello…',
      WhoId: '0035g00000AbCdEAAV',
      OwnerId: '0055g00000AbCdEAAV',
      Parley_Summary__c: 'Pricing question.',
      Parley_Recording_Url__c: 'https://parley.example/r/1',
    });
  });

  it('keeps a recording link too long for its Url field whole, in the description', () => {
    const recordingUrl = `https://parley.example/api/recordings/call-1?signature=${'s'.repeat(RECORDING_URL_MAX)}`;
    const task = toTask(callLog({ notes: 'Call back Monday', recordingUrl }), { includeSubtype: false });
    expect(task).not.toHaveProperty('Parley_Recording_Url__c');
    expect(task.Description).toBe(`Call back Monday\n\nRecording: ${recordingUrl}`);
  });

  it('leaves the summary and recording fields out until the call has them, so a resend keeps them', () => {
    const task = toTask(callLog({ notes: 'Busy, call later' }), { includeSubtype: false });
    expect(task).not.toHaveProperty('Parley_Summary__c');
    expect(task).not.toHaveProperty('Parley_Recording_Url__c');
    expect(task.Description).toBe('Busy, call later');
  });

  it.each([
    [{ outcome: 'Left voicemail', disposition: 'vm' }, 'Left voicemail'],
    [{ disposition: 'interested' }, 'interested'],
    [{ result: 'after_hours' as const }, 'After hours'],
  ])('takes the disposition from %j', (overrides, disposition) => {
    expect(toTask(callLog(overrides), { includeSubtype: false }).CallDisposition).toBe(disposition);
  });

  it('leaves out the create-only subtype, the who of an account and a withheld number', () => {
    const task = toTask(
      callLog({
        from: null,
        contact: { crm: 'salesforce', objectType: 'Account', id: '0015g00000AbCdEAAV' },
      }),
      { includeSubtype: false },
    );
    expect(task).not.toHaveProperty('TaskSubtype');
    expect(task).not.toHaveProperty('WhoId');
    expect(task.Subject).toBe('Inbound call from a withheld number');
  });
});

describe('searchTerms', () => {
  it.each([
    ['+33612345678', ['+33612345678', '612345678']],
    ['+14155552671', ['+14155552671', '4155552671']],
  ])('searches %s as %j', (number, terms) => {
    expect(searchTerms(e164(number))).toEqual(terms);
  });
});

describe('small mappings', () => {
  it.each([
    ['Henri Blanc-Dupont', { FirstName: 'Henri', LastName: 'Blanc-Dupont' }],
    ['Jean Pierre Martin', { FirstName: 'Jean Pierre', LastName: 'Martin' }],
    ['Cher', { FirstName: null, LastName: 'Cher' }],
  ])('splits %s', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });

  it('sends only the contact fields Parley holds, so an update never blanks one', () => {
    expect(
      toContactFields(
        { parleyId: 'c_1', name: 'Cher', emails: [], phones: [e164('+33612345678'), e164('+33144556677')] },
        '0055g00000AbCdEAAV',
      ),
    ).toEqual({
      LastName: 'Cher',
      Phone: '+33612345678',
      MobilePhone: '+33144556677',
      OwnerId: '0055g00000AbCdEAAV',
    });
  });

  it('titles a note with its first line and Parley id, within Title’s 80 characters', () => {
    expect(noteTitle('Call back Tuesday\nabout pricing', 'note_1')).toBe('Call back Tuesday [note_1]');
    const long = noteTitle('x'.repeat(200), 'note_1');
    expect(long).toHaveLength(80);
    expect(long.endsWith('… [note_1]')).toBe(true);
  });

  it('round-trips a change cursor and refuses a foreign one', () => {
    const cursor = { Contact: { at: '2026-11-02T09:15:00.000Z', id: '0035g00000AbCdEAAV' }, Lead: null };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('not-a-cursor')).toBeNull();
  });

  it('links a record to its Lightning page', () => {
    expect(recordUrl(`${INSTANCE}/`, 'Contact', '0035g00000AbCdEAAV')).toBe(
      `${INSTANCE}/lightning/r/Contact/0035g00000AbCdEAAV/view`,
    );
  });
});
