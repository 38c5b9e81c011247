import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { e164, manyPeople } from '../core/conformance/fixtures.ts';
import type { CrmConnector } from '../core/connector.ts';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { decodeCursor, encodeCursor } from './contacts.ts';
import { type HubspotEmulator, startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';
import { pacedLimiter } from './test-limiter.ts';

let emulator: HubspotEmulator;
let connector: CrmConnector;
beforeEach(async () => {
  emulator = await startHubspotEmulator();
  connector = hubspot.create(emulator.config(), testDeps({ limiter: pacedLimiter() }));
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

async function drain(from: string | null) {
  const ids: string[] = [];
  let cursor = from;
  let last = from;
  for (let pages = 0; pages < 50; pages++) {
    const page = await connector.changedContacts(cursor);
    ids.push(...page.items.map((person) => person.ref.id));
    if (page.next === null) break;
    last = cursor = page.next;
  }
  return { ids, last };
}

describe('HubSpot changedContacts', () => {
  it('pages through more changes in one millisecond than a search page holds, each once', async () => {
    const frozen = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-02T09:00:00Z'));
    const seeded = await emulator.seed(manyPeople(450));
    frozen.mockRestore();
    const { ids, last } = await drain(null);
    expect(ids).toHaveLength(450);
    expect(new Set(ids)).toEqual(new Set(seeded.map((ref) => ref.id)));
    const [first] = seeded;
    if (!first) throw new Error('seeded nobody');
    emulator.touch(first.id, 'Person Renamed');
    const resumed = await drain(last);
    expect(resumed.ids).toEqual([first.id]);
  }, 30_000);

  it('round-trips its cursor and refuses one it did not issue', async () => {
    const cursor = { since: 1_700_000_000_000, seen: ['1', '2'] };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const error = await connector.changedContacts('bm90IGpzb24').catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('invalid');
  });
});

describe('HubSpot upsertContact', () => {
  it('a contact sent twice without a ref (a retry) is one contact, carrying Parley’s id back', async () => {
    const input = { parleyId: 'ct_77', name: 'Iris Vert', emails: [], phones: [e164('+33655443322')] };
    const first = await connector.upsertContact(input);
    const second = await connector.upsertContact(input);
    expect(second.id).toBe(first.id);
    const found = await connector.findContactsByPhone(e164('+33655443322'));
    expect(found).toMatchObject([{ ref: { id: first.id }, parleyId: 'ct_77', name: 'Iris Vert' }]);
  });

  it('an update of a deleted contact is not_found', async () => {
    const [ref] = await emulator.seed(manyPeople(1));
    if (!ref) throw new Error('seeded nobody');
    emulator.remove(ref.id);
    const error = await connector
      .upsertContact({ parleyId: 'ct_78', ref, name: 'Gone', emails: [], phones: [] })
      .catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('not_found');
  });
});

describe('HubSpot findContactsByPhone', () => {
  it('asks Search once, on the national-digit indexes, and drops index hits of another country', async () => {
    // Same national digits as Alice's French mobile, but a UK number: the index matches, we must not.
    await emulator.seed([
      { key: 'uk', kind: 'contact', name: 'Uma King', company: null, emails: [], phones: ['+44 612345678'] },
      {
        key: 'fr',
        kind: 'contact',
        name: 'Alice Martin',
        company: null,
        emails: [],
        phones: ['06 12 34 56 78'],
      },
    ]);
    emulator.running.resetStats();
    const found = await connector.findContactsByPhone(e164('+33612345678'));
    expect(found.map((person) => person.name)).toEqual(['Alice Martin']);
    expect(emulator.running.stats.requests).toBe(1);
  });
});
