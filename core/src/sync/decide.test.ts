import type { RecordRef } from '@parley/connectors';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../domain/calls/call-record.ts';
import { type CallToLog, outcomeFor, ownerFor, planCallLog } from './decide.ts';
import { readSettings } from './settings.ts';

const record = (overrides: Partial<CallRecord> = {}): CallRecord => ({
  id: 'CA1',
  direction: 'inbound',
  from: '+33612345678',
  to: '+33199000001',
  numberE164: '+33199000001',
  status: 'completed',
  createdAt: new Date('2026-11-02T09:00:00Z'),
  talkSeconds: 75,
  result: 'answered',
  rungMemberIds: [],
  legs: [],
  final: true,
  ...overrides,
});

const call = (overrides: Partial<CallToLog> = {}): CallToLog => ({
  id: '7d0c3f0e-0000-4000-8000-000000000001',
  direction: 'inbound',
  from: '+33612345678',
  to: '+33199000001',
  record: record(),
  notes: null,
  disposition: null,
  member: { id: '11111111-1111-4111-8111-111111111111', email: 'Lea@Team.example' },
  internal: false,
  ...overrides,
});

const alice: RecordRef = { crm: 'hubspot', objectType: 'contacts', id: '501' };
const owners = [{ id: 'own-1', email: 'lea@team.example', name: 'Léa' }];

describe('planning one call for one CRM connection', () => {
  it('logs an answered call on the chosen contact with duration, owner matched by email and times', () => {
    const plan = planCallLog(call(), alice, owners, readSettings({}));
    expect(plan).toEqual({
      action: 'log',
      call: expect.objectContaining({
        id: call().id,
        direction: 'inbound',
        from: '+33612345678',
        to: '+33199000001',
        durationSeconds: 75,
        result: 'answered',
        memberEmail: 'Lea@Team.example',
        ownerId: 'own-1',
        contact: alice,
        startedAt: new Date('2026-11-02T09:00:00Z'),
      }),
    });
  });

  it('skips internal calls unless the admin asked for them', () => {
    expect(planCallLog(call({ internal: true }), alice, owners, readSettings({})).action).toBe('skip');
    expect(
      planCallLog(call({ internal: true }), alice, owners, readSettings({ logInternalCalls: true })).action,
    ).toBe('log');
  });

  it.each([
    ['missed', 'skip'],
    ['voicemail', 'skip'],
    ['answered', 'log'],
  ] as const)('with "answered only", a %s call is %s', (result, action) => {
    const plan = planCallLog(
      call({ record: record({ result }) }),
      alice,
      owners,
      readSettings({ logCalls: 'answered' }),
    );
    expect(plan.action).toBe(action);
  });

  it.each([
    ['log_unassociated', 'log'],
    ['skip', 'skip'],
    ['create_contact', 'create_contact_then_log'],
  ] as const)('an unknown caller with "%s" is planned as %s', (unknownCallers, action) => {
    const plan = planCallLog(call(), null, owners, readSettings({ unknownCallers }));
    expect(plan.action).toBe(action);
    if (plan.action !== 'skip') expect(plan.call.contact).toBeUndefined();
  });

  it('does not try to create a contact for a withheld number', () => {
    const withheld = call({ from: 'anonymous', record: record({ from: 'anonymous' }) });
    const plan = planCallLog(withheld, null, owners, readSettings({ unknownCallers: 'create_contact' }));
    expect(plan).toMatchObject({ action: 'log', call: { from: null } });
  });

  it('carries notes, disposition and the recording when the settings allow, and leaves the recording out when not', () => {
    const withExtras = call({
      notes: 'Wants a demo',
      disposition: 'interested',
      record: record({ recording: { sid: 'RE1', url: 'https://parley.example/r/RE1', durationSeconds: 70 } }),
    });
    const on = planCallLog(withExtras, alice, owners, readSettings({}));
    expect(on).toMatchObject({
      call: {
        notes: 'Wants a demo',
        disposition: 'interested',
        recordingUrl: 'https://parley.example/r/RE1',
      },
    });
    const off = planCallLog(withExtras, alice, owners, readSettings({ includeRecordings: false }));
    expect(off).toMatchObject({ action: 'log' });
    expect(off.action === 'log' && 'recordingUrl' in off.call).toBe(false);
  });

  it('gives a voicemail’s transcript only when transcripts go to the CRM', () => {
    const voicemail = call({
      record: record({
        result: 'voicemail',
        voicemail: {
          recordingSid: 'RE2',
          url: 'https://parley.example/r/RE2',
          durationSeconds: 9,
          transcript: 'Rappelez-moi',
        },
      }),
    });
    expect(planCallLog(voicemail, alice, owners, readSettings({}))).toMatchObject({
      call: { transcript: 'Rappelez-moi' },
    });
    const off = planCallLog(voicemail, alice, owners, readSettings({ includeTranscripts: false }));
    expect(off).toMatchObject({ action: 'log' });
    expect(off.action === 'log' && 'transcript' in off.call).toBe(false);
  });

  it('a call nobody answered has zero seconds', () => {
    const plan = planCallLog(
      call({ record: record({ result: 'missed', talkSeconds: undefined }) }),
      alice,
      owners,
      readSettings({}),
    );
    expect(plan).toMatchObject({ call: { durationSeconds: 0, result: 'missed' } });
  });
});

describe('owner of a member’s calls', () => {
  const member = { id: '11111111-1111-4111-8111-111111111111', email: 'lea@team.example' };

  it('is the admin’s choice first', () => {
    const settings = readSettings({ ownerOverrides: { [member.id]: 'own-9' } });
    expect(ownerFor(member, owners, settings)).toBe('own-9');
  });

  it('is the CRM user with the member’s email, whatever the case', () => {
    expect(ownerFor({ ...member, email: 'LEA@team.example' }, owners, readSettings({}))).toBe('own-1');
  });

  it('is the fallback owner for an unmatched member, and the CRM’s default without one', () => {
    const stranger = { id: member.id, email: 'new@team.example' };
    expect(ownerFor(stranger, owners, readSettings({ fallbackOwnerId: 'own-0' }))).toBe('own-0');
    expect(ownerFor(stranger, owners, readSettings({}))).toBeUndefined();
  });
});

describe('outcome of a call', () => {
  const settings = readSettings({
    outcomes: { answered: 'CONNECTED', interested: 'HOT', missed: 'NO_ANSWER' },
  });

  it('is the disposition’s mapping when there is one, else the result’s', () => {
    expect(outcomeFor('answered', 'interested', settings)).toBe('HOT');
    expect(outcomeFor('answered', 'unmapped', settings)).toBe('CONNECTED');
    expect(outcomeFor('missed', null, settings)).toBe('NO_ANSWER');
  });

  it('is absent when nothing maps', () => {
    expect(outcomeFor('busy', null, settings)).toBeUndefined();
  });
});
