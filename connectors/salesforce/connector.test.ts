import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLog, FIXTURE_PEOPLE } from '../core/conformance/fixtures.ts';
import { runConformance } from '../core/conformance/run-conformance.ts';
import type { CrmConnector } from '../core/connector.ts';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { type SalesforceEmulator, startSalesforceEmulator } from './emulator/index.ts';
import { salesforce } from './index.ts';

runConformance({
  descriptor: salesforce,
  async make() {
    const emulator = await startSalesforceEmulator();
    const config = emulator.config();
    return {
      connector: salesforce.create(config, testDeps()),
      emulator,
      secrets: [config.accessToken, config.refreshToken ?? '', config.clientSecret ?? ''].filter(Boolean),
    };
  },
  hasLeads: true,
  // One sObject Collections upsert per 200 calls, plus one re-send without the create-only
  // TaskSubtype for the calls whose Task already existed (none on a first send).
  requestsPerBatch: 2,
});

describe('salesforce specifics', () => {
  let emulator: SalesforceEmulator;
  let connector: CrmConnector;
  beforeEach(async () => {
    emulator = await startSalesforceEmulator();
    connector = salesforce.create(emulator.config(), testDeps());
  });
  afterEach(async () => {
    const violations = emulator.running.violations.splice(0);
    await emulator.close();
    expect(violations).toEqual([]);
  });

  it('tags every write with Sforce-Call-Options client=parley, so change events can skip them', async () => {
    const [alice] = await emulator.seed(FIXTURE_PEOPLE.slice(0, 1));
    const task = await connector.upsertCallLog(callLog({ contact: alice }));
    const contact = await connector.upsertContact({
      parleyId: 'c_1',
      name: 'Ida Noel',
      emails: [],
      phones: [],
    });
    expect(emulator.record(task.id)?.lastClient).toBe('parley');
    expect(emulator.record(contact.id)?.lastClient).toBe('parley');
  });

  it('reads back the Parley id it wrote, and a deleted contact as archived', async () => {
    const mine = await connector.upsertContact({ parleyId: 'c_2', name: 'Ida Noel', emails: [], phones: [] });
    const [bob] = await emulator.seed(FIXTURE_PEOPLE.slice(1, 2));
    emulator.remove(bob?.id ?? '');
    const page = await connector.changedContacts(null);
    expect(page.items.find((person) => person.ref.id === mine.id)?.parleyId).toBe('c_2');
    expect(page.items.find((person) => person.ref.id === bob?.id)?.archived).toBe(true);
  });

  it('writes the summary and recording link to the Task’s Parley fields, one by one and in batches', async () => {
    const [alice] = await emulator.seed(FIXTURE_PEOPLE.slice(0, 1));
    const summarised = callLog({
      contact: alice,
      notes: 'Wants a quote',
      summary: 'Asked for pricing on 12 seats.',
      recordingUrl: 'https://parley.example/api/recordings/call-1?expires=1&signature=abc',
    });
    const task = await connector.upsertCallLog(summarised);
    // The worker's next pass (the recording is re-signed, the notes edited) without the summary.
    await connector.upsertCallLog({ ...summarised, summary: undefined, notes: 'Quote sent' });
    expect(emulator.record(task.id)?.fields).toMatchObject({
      Parley_Summary__c: 'Asked for pricing on 12 seats.',
      Parley_Recording_Url__c: 'https://parley.example/api/recordings/call-1?expires=1&signature=abc',
      Description: 'Quote sent',
    });
    const [batched] = await connector.upsertCallLogs([
      callLog({ id: 'call-batch-1', summary: 'Wrong number.', recordingUrl: 'https://parley.example/r/2' }),
    ]);
    const batchedId = batched?.ok ? batched.value.id : '';
    expect(emulator.record(batchedId)?.fields).toMatchObject({
      Parley_Summary__c: 'Wrong number.',
      Parley_Recording_Url__c: 'https://parley.example/r/2',
    });
  });

  it('tags a contact Parley updates by id, so it upserts onto it later instead of making a twin', async () => {
    const [alice] = await emulator.seed(FIXTURE_PEOPLE.slice(0, 1));
    if (!alice) throw new Error('seeded');
    await connector.upsertContact({
      parleyId: 'c_3',
      ref: alice,
      name: 'Alice Martin',
      emails: [],
      phones: [],
    });
    const again = await connector.upsertContact({
      parleyId: 'c_3',
      name: 'Alice Martin',
      emails: [],
      phones: [],
    });
    expect(again.id).toBe(alice.id);
  });

  it('gives a new contact the owner whose email the member mapping names', async () => {
    const owners = await connector.listOwners();
    const rep = owners.find((owner) => owner.email === 'rep@parley.example');
    const created = await connector.upsertContact({
      parleyId: 'c_4',
      name: 'Ida Noel',
      emails: [],
      phones: [],
      ownerEmail: 'rep@parley.example',
    });
    expect(emulator.record(created.id)?.fields.OwnerId).toBe(rep?.id);
  });

  it('lists active users as owners, and no outcomes while CallDisposition is free text', async () => {
    const owners = await connector.listOwners();
    expect(owners.map((owner) => owner.email).sort()).toEqual(['ada@parley.example', 'rep@parley.example']);
    expect(owners.every((owner) => owner.id.startsWith('005') && owner.id.length === 18)).toBe(true);
    expect(await connector.listOutcomes()).toEqual([]);
  });

  it('is rate_limited when the org’s daily API allocation is spent (403 REQUEST_LIMIT_EXCEEDED)', async () => {
    await emulator.close();
    emulator = await startSalesforceEmulator({ dailyLimit: 1 });
    connector = salesforce.create(emulator.config(), testDeps());
    await connector.listOwners();
    const failure = await connector.listOwners().catch((error: unknown) => error);
    expect(isCrmError(failure) && failure.detail).toMatchObject({
      status: 403,
      vendorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    expect(isCrmError(failure) && failure.kind).toBe('rate_limited');
  });
});
