import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmConnector, RecordRef } from '../connector.ts';
import { type CrmError, isCrmError } from '../errors.ts';
import { callLog, e164, FIXTURE_PEOPLE, manyPeople } from './fixtures.ts';
import type { ConformanceEmulator, ConformanceTarget } from './harness.ts';

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    if (isCrmError(error)) return error;
    throw new Error(`expected a CrmError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a CrmError, but the call succeeded');
}

/**
 * The one suite every connector passes against its emulator (after Hono's `runTest`): the same
 * people seeded in every CRM, the same calls logged, the CRM's state read back. A target skips a
 * case only with a reason, printed in the test's name.
 */
export function runConformance(target: ConformanceTarget): void {
  const kind = target.descriptor.kind;
  const skipped = new Map<string, string>();
  for (const skip of target.skip ?? []) for (const test of skip.tests) skipped.set(test, skip.reason);
  const test = (name: string, body: () => Promise<void> | void, timeout?: number) => {
    const reason = skipped.get(name);
    if (reason) it.skip(`${name} — skipped: ${reason}`, body);
    else it(name, body, timeout);
  };

  describe(`${kind} connector conformance`, () => {
    let connector: CrmConnector;
    let emulator: ConformanceEmulator;
    let secrets: string[];
    const refs = new Map<string, RecordRef>();
    const ref = (key: string): RecordRef => {
      const found = refs.get(key);
      if (!found) throw new Error(`fixture ${key} was not seeded`);
      return found;
    };

    beforeEach(async () => {
      ({ connector, emulator, secrets } = await target.make());
      const seeded = await emulator.seed(FIXTURE_PEOPLE);
      refs.clear();
      FIXTURE_PEOPLE.forEach((person, i) => {
        const seededRef = seeded[i];
        if (seededRef) refs.set(person.key, seededRef);
      });
      emulator.running.resetStats();
    });

    afterEach(async () => {
      const violations = emulator.running.violations.splice(0);
      await emulator.close();
      expect(violations, 'requests or responses the vendor spec does not allow').toEqual([]);
    });

    describe('verify', () => {
      test('names the account and user the credentials act as', async () => {
        const who = await connector.verify();
        expect(who.accountId).not.toBe('');
        expect(who.userId).not.toBe('');
        expect(() => new URL(who.instanceUrl)).not.toThrow();
      });

      test('revoked access is an auth error with a message that says to reconnect', async () => {
        emulator.revokeAccess();
        const error = await failure(connector.verify());
        expect(error.kind).toBe('auth');
        expect(error.detail.crm).toBe(kind);
      });
    });

    describe('findContactsByPhone', () => {
      test('matches a number stored in international form', async () => {
        const found = await connector.findContactsByPhone(e164('+33612345678'));
        expect(found.map((person) => person.ref.id)).toEqual([ref('alice').id]);
        expect(found[0]?.name).toBe('Alice Martin');
        expect(found[0]?.phones).toContain('+33612345678');
      });

      test('matches a number stored in national form', async () => {
        const found = await connector.findContactsByPhone(e164('+33698765432'));
        expect(found.map((person) => person.ref.id)).toEqual([ref('bob').id]);
      });

      test('returns every person sharing a switchboard number', async () => {
        const found = await connector.findContactsByPhone(e164('+33144556677'));
        expect(found.map((person) => person.ref.id).sort()).toEqual(
          [ref('claire').id, ref('david').id].sort(),
        );
      });

      test('ranks a contact before a lead with the same number', async () => {
        const found = await connector.findContactsByPhone(e164('+33611223344'));
        if (target.hasLeads) {
          expect(found.map((person) => person.ref.id)).toEqual([ref('frank').id, ref('eve').id]);
          expect(found.map((person) => person.kind)).toEqual(['contact', 'lead']);
        } else {
          // Without leads the CRM holds Eve as a contact too: both match, and both are contacts.
          expect(found.map((person) => person.ref.id).sort()).toEqual(
            [ref('frank').id, ref('eve').id].sort(),
          );
          expect(found.every((person) => person.kind === 'contact')).toBe(true);
        }
      });

      test('matches a number from another country', async () => {
        const found = await connector.findContactsByPhone(e164('+14155552671'));
        expect(found.map((person) => person.ref.id)).toEqual([ref('grace').id]);
      });

      test('finds nobody for an unknown number', async () => {
        expect(await connector.findContactsByPhone(e164('+33755555555'))).toEqual([]);
      });
    });

    describe('upsertCallLog', () => {
      test('logs a call on the contact, once, however many times it is sent', async () => {
        const call = callLog({ contact: ref('alice') });
        const first = await connector.upsertCallLog(call);
        const second = await connector.upsertCallLog(call);
        expect(second.id).toBe(first.id);
        const held = emulator.callLogs();
        expect(held).toHaveLength(1);
        expect(held[0]).toMatchObject({ id: first.id, parleyCallId: call.id, durationSeconds: 42 });
        expect(held[0]?.contactIds).toEqual([ref('alice').id]);
      });

      test('still one record when the CRM acted but its answer was lost', async () => {
        const call = callLog({ contact: ref('bob') });
        emulator.running.faults.next({ kind: 'drop-after-commit' });
        await connector.upsertCallLog(call).catch(() => undefined);
        const after = await connector.upsertCallLog(call);
        const held = emulator.callLogs();
        expect(held).toHaveLength(1);
        expect(held[0]?.id).toBe(after.id);
        expect(held[0]?.contactIds).toEqual([ref('bob').id]);
      });

      test('updates the same record when notes and a summary arrive later', async () => {
        const call = callLog({ contact: ref('alice') });
        const first = await connector.upsertCallLog(call);
        const later = await connector.upsertCallLog({
          ...call,
          notes: 'Wants a quote for 12 seats',
          summary: 'Customer asked about pricing.',
          disposition: 'interested',
        });
        expect(later.id).toBe(first.id);
        const held = emulator.callLogs();
        expect(held).toHaveLength(1);
        expect(held[0]?.text).toContain('Wants a quote for 12 seats');
        expect(held[0]?.text).toContain('Customer asked about pricing.');
      });

      test('logs a call from an unknown number without a contact', async () => {
        const call = callLog({ from: e164('+33755555555') });
        await connector.upsertCallLog(call);
        expect(emulator.callLogs()).toMatchObject([{ parleyCallId: call.id, contactIds: [] }]);
      });
    });

    describe('upsertCallLogs', () => {
      test('logs 250 calls, each once, within the requests the CRM’s batch endpoints need', async () => {
        const people = [ref('alice'), ref('bob'), ref('claire')];
        const calls = Array.from({ length: 250 }, (_, i) => callLog({ contact: people[i % people.length] }));
        const results = await connector.upsertCallLogs(calls);
        expect(results.filter((result) => !result.ok)).toEqual([]);
        expect(results).toHaveLength(250);
        const held = emulator.callLogs();
        expect(new Set(held.map((log) => log.parleyCallId))).toEqual(new Set(calls.map((call) => call.id)));
        expect(held).toHaveLength(250);
        const batches = Math.ceil(250 / target.descriptor.capabilities.maxBatchSize);
        expect(emulator.running.stats.requests).toBeLessThanOrEqual(batches * target.requestsPerBatch);
        const again = await connector.upsertCallLogs(calls);
        expect(again.map((result) => (result.ok ? result.value.id : null))).toEqual(
          results.map((result) => (result.ok ? result.value.id : null)),
        );
        expect(emulator.callLogs()).toHaveLength(250);
      }, 60_000);

      test('a call on a deleted contact fails alone; the others are logged', async () => {
        emulator.remove(ref('bob').id);
        const calls = [
          callLog({ contact: ref('alice') }),
          callLog({ contact: ref('bob') }),
          callLog({ contact: ref('claire') }),
        ];
        const results = await connector.upsertCallLogs(calls);
        expect(results.map((result) => result.ok)).toEqual([true, false, true]);
        const bad = results[1];
        if (bad && !bad.ok) expect(['not_found', 'invalid']).toContain(bad.error.kind);
        expect(
          emulator
            .callLogs()
            .map((log) => log.parleyCallId)
            .sort(),
        ).toEqual([calls[0]?.id, calls[2]?.id].sort());
      });
    });

    describe('addNote', () => {
      test('adds a note to a contact once, however many times it is sent', async () => {
        const note = { id: `note_${Date.now()}`, body: 'Call back Tuesday', createdAt: new Date() };
        await connector.addNote(ref('alice'), note);
        await connector.addNote(ref('alice'), note);
        const notes = emulator.notes().filter((held) => held.body.includes('Call back Tuesday'));
        expect(notes).toHaveLength(1);
        expect(notes[0]?.targetId).toBe(ref('alice').id);
      });

      test('a note on a deleted record is not_found', async () => {
        emulator.remove(ref('bob').id);
        const error = await failure(
          connector.addNote(ref('bob'), { id: 'note_gone', body: 'x', createdAt: new Date() }),
        );
        expect(error.kind).toBe('not_found');
      });
    });

    describe('upsertContact', () => {
      test('creates a contact the CRM then finds by phone, and updates it in place', async () => {
        const created = await connector.upsertContact({
          parleyId: 'contact_conf_1',
          name: 'Henri Blanc',
          company: 'Blanc SARL',
          emails: ['henri@blanc.example'],
          phones: [e164('+33633445566')],
        });
        expect(emulator.person(created.id)?.name).toBe('Henri Blanc');
        const found = await connector.findContactsByPhone(e164('+33633445566'));
        expect(found.map((person) => person.ref.id)).toEqual([created.id]);
        const updated = await connector.upsertContact({
          parleyId: 'contact_conf_1',
          ref: created,
          name: 'Henri Blanc-Dupont',
          emails: ['henri@blanc.example'],
          phones: [e164('+33633445566')],
        });
        expect(updated.id).toBe(created.id);
        expect(emulator.person(created.id)?.name).toBe('Henri Blanc-Dupont');
      });
    });

    describe('changedContacts', () => {
      test('pages every change once, then resumes from a saved cursor with only what changed since', async () => {
        await emulator.seed(manyPeople(250));
        const seen: string[] = [];
        let cursor: string | null = null;
        let last: string | null = null;
        for (let pages = 0; pages < 100; pages++) {
          const page = await connector.changedContacts(cursor);
          seen.push(...page.items.map((person) => person.ref.id));
          if (page.next === null) break;
          last = page.next;
          cursor = page.next;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toHaveLength(250 + FIXTURE_PEOPLE.length);
        expect(last).not.toBeNull();
        emulator.touch(ref('alice').id, 'Alice Martin-Leroy');
        const resumed = await connector.changedContacts(last);
        const ids = resumed.items.map((person) => person.ref.id);
        expect(ids).toContain(ref('alice').id);
        expect(ids.length).toBeLessThan(10);
        expect(resumed.items.find((person) => person.ref.id === ref('alice').id)?.name).toBe(
          'Alice Martin-Leroy',
        );
      }, 60_000);
    });

    describe('errors', () => {
      test('the CRM’s 429 with a long wait is rate_limited carrying that wait', async () => {
        emulator.running.faults.next({ kind: 'status', status: 429, retryAfterSeconds: 120 });
        const error = await failure(connector.findContactsByPhone(e164('+33612345678')));
        expect(error.kind).toBe('rate_limited');
        expect(error.detail.retryAfterMs).toBeGreaterThanOrEqual(100_000);
      });

      test('a short 429 is waited out and the request goes through', async () => {
        emulator.running.faults.next({ kind: 'status', status: 429, retryAfterSeconds: 1 });
        const found = await connector.findContactsByPhone(e164('+33612345678'));
        expect(found.map((person) => person.ref.id)).toEqual([ref('alice').id]);
      });

      test('a CRM that keeps failing with 5xx is unavailable', async () => {
        emulator.running.faults.next({ kind: 'status', status: 503 }, 20);
        const error = await failure(connector.upsertCallLog(callLog({ contact: ref('alice') })));
        expect(error.kind).toBe('unavailable');
      });

      test('errors never carry the connection’s secrets', async () => {
        emulator.revokeAccess();
        const error = await failure(connector.verify());
        const shown = `${error.message} ${error.detail.vendorCode ?? ''}`;
        for (const secret of secrets) expect(shown).not.toContain(secret);
      });
    });

    describe('recordUrl', () => {
      test('gives a link to the record for a screen pop', () => {
        const url = new URL(connector.recordUrl(ref('alice')));
        expect(url.href).toContain(ref('alice').id);
      });
    });
  });
}

export type { ConformanceEmulator, ConformanceTarget } from './harness.ts';
