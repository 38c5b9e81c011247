import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLog, e164, FIXTURE_PEOPLE } from '../core/conformance/fixtures.ts';
import { runConformance } from '../core/conformance/run-conformance.ts';
import type { CrmConnector, RecordRef } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import { type AttioEmulator, startAttioEmulator } from './emulator/index.ts';
import { attio } from './index.ts';

runConformance({
  descriptor: attio,
  async make() {
    // The conformance suite's limiter lets everything through, so Attio's own 25 writes a second
    // would turn the 250-call batch into a storm of 429s; the enforced limit has its own test.
    const emulator = await startAttioEmulator({ enforceLimit: false });
    const config = emulator.config();
    return { connector: attio.create(config, testDeps()), emulator, secrets: [config.accessToken] };
  },
  hasLeads: false,
  // One assert per call; the calls object's one-time setup (object, attributes, options) fits in the rest.
  requestsPerBatch: 2,
});

describe('Attio specifics', () => {
  let emulator: AttioEmulator;
  let connector: CrmConnector;
  let alice: RecordRef;
  beforeEach(async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
    connector = attio.create(emulator.config(), testDeps());
    alice = (await emulator.seed(FIXTURE_PEOPLE))[0]!;
  });
  afterEach(async () => {
    const violations = emulator.running.violations.splice(0);
    await emulator.close();
    expect(violations).toEqual([]);
  });

  it('creates the calls object with a unique call_id before the first call, and only once', async () => {
    await connector.upsertCallLog(callLog({ contact: alice }));
    await connector.upsertCallLog(callLog({ contact: alice }));
    const calls = emulator.state.objects.get('parley_calls');
    expect(calls?.attributes.get('call_id')?.isUnique).toBe(true);
    expect(emulator.running.stats.byPath.get('/v2/objects/parley_calls')).toBe(1);
  });

  it('posts a call’s summary as one note on the person, however often the call is sent', async () => {
    const call = callLog({ contact: alice, summary: 'Asked for a quote.' });
    await connector.upsertCallLog(call);
    await connector.upsertCallLog(call);
    const notes = emulator.notes().filter((note) => note.targetId === alice.id);
    expect(notes).toEqual([expect.objectContaining({ body: 'Asked for a quote.' })]);
  });

  it('offers Parley’s results and the options an admin added as outcomes', async () => {
    await connector.listOutcomes();
    emulator.state.objects.get('parley_calls')?.attributes.get('result')?.options.set('Booked', {
      id: 'c0ffee00-0000-4000-8000-000000000000',
      title: 'Booked',
    });
    const outcomes = (await connector.listOutcomes()).map((outcome) => outcome.value);
    expect(outcomes).toEqual(expect.arrayContaining(['Answered', 'After hours', 'Booked']));
    const logged = await connector.upsertCallLog(callLog({ contact: alice, outcome: 'Booked' }));
    expect(emulator.state.findRecord(logged.id)?.values.get('result')?.[0]?.option).toMatchObject({
      title: 'Booked',
    });
  });

  it('lists workspace members as owners, and logs a call owned by one', async () => {
    const owners = await connector.listOwners();
    expect(owners.map((owner) => owner.email)).toEqual(['ada@parley.example', 'rep@parley.example']);
    const logged = await connector.upsertCallLog(callLog({ contact: alice, ownerId: owners[1]?.id }));
    expect(emulator.state.findRecord(logged.id)?.values.get('owner')?.[0]).toMatchObject({
      referenced_actor_id: owners[1]?.id,
    });
  });

  it('upserts a contact without email on its Parley id, and reads that id and its company back', async () => {
    const input = {
      parleyId: 'contact_7',
      name: 'Ines Vidal',
      company: 'Vidal SAS',
      emails: [],
      phones: [e164('+33655443322')],
    };
    const first = await connector.upsertContact(input);
    const second = await connector.upsertContact(input);
    expect(second.id).toBe(first.id);
    const [found] = await connector.findContactsByPhone(e164('+33655443322'));
    expect(found).toMatchObject({ ref: { id: first.id }, parleyId: 'contact_7', company: 'Vidal SAS' });
  });

  it('matches a new contact to the person Attio already holds with that email', async () => {
    const ref = await connector.upsertContact({
      parleyId: 'contact_8',
      name: 'Alice Martin',
      emails: ['alice@acme.example'],
      phones: [],
    });
    expect(ref.id).toBe(alice.id);
    const [found] = await connector.findContactsByPhone(e164('+33612345678'));
    expect(found).toMatchObject({ parleyId: 'contact_8', company: 'Acme SAS' });
  });

  it('links a person without a known page to /<workspace>/person/<id>', () => {
    const url = connector.recordUrl({ crm: 'attio', objectType: 'people', id: alice.id });
    expect(url).toBe(`${emulator.running.url}/${emulator.state.workspaceSlug}/person/${alice.id}`);
  });
});

describe('Attio under faults', () => {
  it('logs every call and its summary note exactly once while a fifth of requests fail', async () => {
    const emulator = await startAttioEmulator({ enforceLimit: false });
    try {
      const connector = attio.create(emulator.config(), testDeps());
      const [alice] = await emulator.seed(FIXTURE_PEOPLE);
      emulator.running.faults.random({
        rate: 0.2,
        faults: [
          { kind: 'status', status: 429, retryAfterSeconds: 1 },
          { kind: 'status', status: 503 },
          { kind: 'status', status: 502 },
          { kind: 'drop' },
          { kind: 'drop-after-commit' },
        ],
      });
      const calls = Array.from({ length: 400 }, (_, i) =>
        callLog({ contact: alice, ...(i % 10 === 0 ? { summary: `Summary ${i}` } : {}) }),
      );
      let pending = calls;
      // What the sync worker does: retry the calls that failed until none is left.
      for (let round = 0; round < 10 && pending.length > 0; round++) {
        const results = await connector.upsertCallLogs(pending);
        pending = pending.filter((_, i) => !results[i]?.ok);
      }
      emulator.running.faults.clear();
      expect(pending).toEqual([]);
      const held = emulator.callLogs();
      expect(held).toHaveLength(400);
      expect(new Set(held.map((log) => log.parleyCallId)).size).toBe(400);
      const summaries = emulator.notes().filter((note) => note.body.startsWith('Summary'));
      expect(summaries).toHaveLength(40);
      expect(emulator.running.violations.splice(0)).toEqual([]);
    } finally {
      await emulator.close();
    }
  }, 120_000);
});
