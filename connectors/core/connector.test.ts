import { describe, expect, it } from 'vitest';
import {
  CallLogSchema,
  ContactInputSchema,
  CRM_KINDS,
  CRM_LABELS,
  E164Schema,
  NoteSchema,
  PersonSchema,
  pageSchema,
  RecordRefSchema,
  SOURCE_KINDS,
} from './connector.ts';

const call = {
  id: 'call_01',
  direction: 'inbound',
  from: '+33612345678',
  to: '+33198765432',
  startedAt: '2026-03-02T10:00:00.000Z',
  durationSeconds: 95,
  result: 'answered',
  memberEmail: 'ana@example.com',
  disposition: 'interested',
  recordingUrl: 'https://parley.example/recordings/r1',
  contact: { crm: 'hubspot', objectType: 'contacts', id: '501' },
};

describe('CallLogSchema', () => {
  it('reads a call log from outbox JSON, dates becoming Dates, and survives a JSON round trip', () => {
    const parsed = CallLogSchema.parse(call);
    expect(parsed.startedAt).toEqual(new Date('2026-03-02T10:00:00.000Z'));
    expect(CallLogSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('takes a Date as is, for callers in process', () => {
    const startedAt = new Date('2026-03-02T10:00:00Z');
    expect(CallLogSchema.parse({ ...call, startedAt }).startedAt).toEqual(startedAt);
  });

  it('accepts a withheld caller as a null from', () => {
    expect(CallLogSchema.parse({ ...call, from: null }).from).toBeNull();
  });

  it.each([
    ['a national number', { to: '01 98 76 54 32' }],
    ['an E.164 number with spaces', { from: '+33 6 12 34 56 78' }],
    ['a negative duration', { durationSeconds: -1 }],
    ['a fractional duration', { durationSeconds: 1.5 }],
    ['a date without its offset', { startedAt: '2026-03-02T10:00:00' }],
    ['an invalid Date', { startedAt: new Date('nope') }],
    ['a result Parley does not have', { result: 'completed' }],
    ['a vendor field', { hs_call_status: 'COMPLETED' }],
    ['a contact ref of an unknown CRM', { contact: { crm: 'pipedrive', objectType: 'person', id: '1' } }],
  ])('refuses %s', (_what, change) => {
    expect(CallLogSchema.safeParse({ ...call, ...change }).success).toBe(false);
  });
});

describe('E164Schema', () => {
  it.each([
    ['+33612345678', true],
    ['+14155552671', true],
    ['+0612345678', false],
    ['0612345678', false],
    ['+33', false],
    ['+1234567890123456', false],
    [33612345678, false],
  ])('%j is E.164: %s', (value, ok) => {
    expect(E164Schema.safeParse(value).success).toBe(ok);
  });
});

describe('PersonSchema, ContactInputSchema, NoteSchema', () => {
  const ref = { crm: 'salesforce', objectType: 'Lead', id: '00Q1' } as const;

  it('reads a person as not archived unless the CRM said so', () => {
    const person = PersonSchema.parse({
      ref,
      kind: 'lead',
      name: 'Ana Lima',
      company: null,
      emails: [],
      phones: ['+33612345678'],
      updatedAt: '2026-03-01T08:00:00Z',
    });
    expect(person.archived).toBe(false);
  });

  it('refuses a person whose phone was not normalised', () => {
    const person = { ref, kind: 'contact', name: 'A', company: null, emails: [], updatedAt: new Date() };
    expect(PersonSchema.safeParse({ ...person, phones: ['06 12 34 56 78'] }).success).toBe(false);
  });

  it('defaults a new contact to no emails and no phones, and needs a name', () => {
    expect(ContactInputSchema.parse({ parleyId: 'ct_1', name: 'Ana' })).toEqual({
      parleyId: 'ct_1',
      name: 'Ana',
      emails: [],
      phones: [],
    });
    expect(ContactInputSchema.safeParse({ parleyId: 'ct_1', name: '  ' }).success).toBe(false);
  });

  it('refuses an empty note', () => {
    expect(NoteSchema.safeParse({ id: 'n1', body: '', createdAt: new Date() }).success).toBe(false);
  });

  it('refuses a record URL that is not a URL', () => {
    expect(RecordRefSchema.safeParse({ ...ref, url: 'lightning/r/Lead/00Q1' }).success).toBe(false);
  });
});

describe('pageSchema', () => {
  const page = pageSchema(RecordRefSchema);

  it('reads a last page with a null cursor, and refuses an empty cursor', () => {
    expect(page.parse({ items: [], next: null })).toEqual({ items: [], next: null });
    expect(page.safeParse({ items: [], next: '' }).success).toBe(false);
  });
});

describe('CRM_LABELS', () => {
  it('names every CRM and contact source, and nothing else', () => {
    expect(Object.keys(CRM_LABELS).sort()).toEqual([...CRM_KINDS, ...SOURCE_KINDS].sort());
  });
});
