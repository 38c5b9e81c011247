import { describe, expect, it } from 'vitest';
import { e164 } from '../core/conformance/fixtures.ts';
import {
  type AttioRecord,
  callValues,
  modifiedAt,
  nameOf,
  noteTitle,
  personalName,
  phonesOf,
  toPerson,
} from './map.ts';

const actor = { type: 'api-token', id: 'token' };
const at = (time: string) => ({ active_from: time, active_until: null, created_by_actor: actor });

function person(values: AttioRecord['values'], createdAt = '2026-01-01T00:00:00.000000000Z'): AttioRecord {
  return {
    id: { workspace_id: 'ws', object_id: 'people', record_id: 'rec-1' },
    created_at: createdAt,
    web_url: 'https://app.attio.com/acme/person/rec-1',
    values,
  };
}

describe('Attio values to Parley', () => {
  it.each([
    [
      'the spec’s phone_number field',
      { original_phone_number: '06 12 34 56 78', country_code: 'FR', phone_number: '+33612345678' },
    ],
    [
      'the docs’ normalized_phone_number field',
      {
        original_phone_number: '06 12 34 56 78',
        country_code: 'FR',
        normalized_phone_number: '+33612345678',
      },
    ],
    [
      'only what was typed, with its country',
      { original_phone_number: '06 12 34 56 78', country_code: 'FR' },
    ],
    ['only what was typed, in the workspace’s country', { original_phone_number: '06 12 34 56 78' }],
  ])('reads a phone number from %s', (_, value) => {
    const record = person({
      phone_numbers: [{ ...at('2026-01-01T00:00:00Z'), attribute_type: 'phone-number', ...value }],
    });
    expect(phonesOf(record, 'FR')).toEqual(['+33612345678']);
  });

  it.each([
    ['full_name', { first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' }, 'Ada Lovelace'],
    [
      'first and last names when full_name is missing',
      { first_name: 'Ada', last_name: 'Lovelace' },
      'Ada Lovelace',
    ],
  ])('reads a name from %s', (_, value, expected) => {
    expect(nameOf(person({ name: [{ ...at('2026-01-01T00:00:00Z'), ...value }] }))).toBe(expected);
  });

  it('dates a person by its newest value, since Attio keeps no updated_at', () => {
    const record = person({
      name: [{ ...at('2026-03-01T10:00:00.000000001Z'), full_name: 'Ada Lovelace' }],
      email_addresses: [{ ...at('2026-02-01T10:00:00.000000000Z'), email_address: 'ada@example.com' }],
    });
    expect(modifiedAt(record)).toBe('2026-03-01T10:00:00.000000001Z');
    expect(modifiedAt(person({}))).toBe('2026-01-01T00:00:00.000000000Z');
  });

  it('maps a person with the Parley id it carries, so Parley’s own writes are not imported back', () => {
    const record = person({
      name: [{ ...at('2026-01-02T00:00:00Z'), full_name: 'Ada Lovelace' }],
      email_addresses: [{ ...at('2026-01-02T00:00:00Z'), email_address: 'ada@example.com' }],
      parley_contact_id: [{ ...at('2026-01-02T00:00:00Z'), attribute_type: 'text', value: 'contact_1' }],
    });
    expect(toPerson(record, { companyName: 'Acme' })).toMatchObject({
      ref: {
        crm: 'attio',
        objectType: 'people',
        id: 'rec-1',
        url: 'https://app.attio.com/acme/person/rec-1',
      },
      name: 'Ada Lovelace',
      company: 'Acme',
      emails: ['ada@example.com'],
      parleyId: 'contact_1',
    });
  });
});

describe('Parley to Attio values', () => {
  const call = {
    id: 'call_1',
    direction: 'outbound' as const,
    from: null,
    to: e164('+33612345678'),
    startedAt: new Date('2026-11-02T09:15:00Z'),
    durationSeconds: 42,
    result: 'after_hours' as const,
  };

  it('writes a call as arrays of values, the only form the assert endpoint’s schema takes', () => {
    expect(callValues({ ...call, contact: { crm: 'attio', objectType: 'people', id: 'rec-1' } })).toEqual({
      call_id: ['call_1'],
      direction: ['Outbound'],
      result: ['After hours'],
      started_at: ['2026-11-02T09:15:00.000Z'],
      duration_seconds: [42],
      to_number: ['+33612345678'],
      person: [{ target_object: 'people', target_record_id: 'rec-1' }],
    });
  });

  it('writes the CRM outcome the admin mapped instead of Parley’s result, and leaves out what the call lacks', () => {
    const values = callValues({ ...call, outcome: 'Left voicemail', notes: 'Call back' });
    expect(values.result).toEqual(['Left voicemail']);
    expect(values.notes).toEqual(['Call back']);
    expect(values).not.toHaveProperty('summary');
    expect(values).not.toHaveProperty('from_number');
  });

  it.each([
    ['Ada Lovelace', { first_name: 'Ada', last_name: 'Lovelace' }],
    ['Jean Paul Sartre', { first_name: 'Jean Paul', last_name: 'Sartre' }],
    ['Cher', { first_name: 'Cher', last_name: '' }],
  ])('splits %s into Attio’s personal name', (full, expected) => {
    expect(personalName(full)).toEqual({ ...expected, full_name: full });
  });

  it('titles a note with its first line and the marker Parley finds it by', () => {
    expect(noteTitle('Call back Tuesday\nabout pricing', 'note_9')).toBe('Call back Tuesday [parley:note_9]');
    expect(noteTitle('x'.repeat(80), 'n').length).toBeLessThan(80);
  });
});
