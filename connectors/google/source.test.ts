import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_PEOPLE, manyPeople } from '../core/conformance/fixtures.ts';
import type { Cursor } from '../core/connector.ts';
import { type Person, PersonSchema } from '../core/connector.ts';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { GoogleConfigSchema } from './config.ts';
import { type GoogleEmulator, startGoogleEmulator } from './emulator/index.ts';
import { GoogleSource } from './source.ts';

let emulator: GoogleEmulator;
beforeEach(async () => {
  emulator = await startGoogleEmulator();
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

const source = (config = emulator.config(), deps = testDeps()) =>
  new GoogleSource(config, deps, { pageSize: 100 });

/** Pulls as core's contact sync does: keep the last non-null cursor, stop on `next: null`. */
async function drain(from: GoogleSource, start: Cursor | null) {
  let cursor = start;
  const items: Person[] = [];
  const restarted: boolean[] = [];
  for (let pages = 0; pages < 50; pages++) {
    const page = await from.changedContacts(cursor);
    items.push(...page.items.map((item) => PersonSchema.parse(item)));
    restarted.push(page.restarted);
    if (page.next === null) return { items, cursor, restarted };
    cursor = page.next;
  }
  throw new Error('the feed never drained');
}

const ids = (people: Person[]) => people.map((person) => person.ref.id);

describe('GoogleSource.changedContacts', () => {
  it('reads 250+ people in a full pass with no gap or duplicate, then only what changed, deletions archived', async () => {
    const refs = emulator.seed([...FIXTURE_PEOPLE, ...manyPeople(260)]);
    const contacts = source();
    const full = await drain(contacts, null);
    expect(ids(full.items)).toHaveLength(refs.length);
    expect(new Set(ids(full.items))).toEqual(new Set(refs.map((ref) => ref.id)));
    expect(full.restarted.every((flag) => !flag)).toBe(true);

    const [renamed, deleted] = [refs[3], refs[100]];
    if (!renamed || !deleted) throw new Error('seed too small');
    emulator.touch(renamed.id, 'Renamed Person');
    emulator.remove(deleted.id);
    const [added] = emulator.seed(manyPeople(1, 'late'));
    const changes = await drain(contacts, full.cursor);
    expect(changes.items.map((p) => [p.ref.id, p.archived])).toEqual([
      [renamed.id, false],
      [deleted.id, true],
      [added?.id, false],
    ]);
    expect(changes.items[0]?.name).toBe('Renamed Person');

    const quiet = await contacts.changedContacts(changes.cursor);
    expect(quiet).toEqual({ items: [], next: null, restarted: false });
  });

  it('maps the seeded phones, read in the configured country, and the Parley id', async () => {
    const [ref] = emulator.seed(
      [
        {
          key: 'x',
          kind: 'contact',
          name: 'Zoé Martin',
          company: 'Acme',
          emails: ['zoe@acme.example'],
          phones: ['06 11 22 33 44', '+1 415 555 2671'],
        },
      ],
      ['ct_7'],
    );
    const page = await source().changedContacts(null);
    expect(page.items).toEqual([
      expect.objectContaining({
        ref: expect.objectContaining({ id: ref?.id, crm: 'google' }),
        phones: ['+33611223344', '+14155552671'],
        company: 'Acme',
        parleyId: 'ct_7',
      }),
    ]);
  });

  it('restarts a full pass when the sync token expired, and says so', async () => {
    const refs = emulator.seed(manyPeople(150));
    const contacts = source();
    const { cursor } = await drain(contacts, null);
    const gone = refs[0];
    if (!gone) throw new Error('seed too small');
    emulator.remove(gone.id);
    emulator.expireSyncTokens();
    const again = await drain(contacts, cursor);
    expect(again.restarted[0]).toBe(true);
    expect(again.restarted.slice(1).every((flag) => !flag)).toBe(true);
    expect(ids(again.items)).toHaveLength(149);
    expect(ids(again.items)).not.toContain(gone.id);
    expect((await contacts.changedContacts(again.cursor)).restarted).toBe(false);
  });

  it('refuses a cursor it did not write', async () => {
    const error = await source()
      .changedContacts('not-ours')
      .catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('invalid');
  });
});

describe('GoogleSource credentials', () => {
  it('refreshes a token about to expire once for parallel requests, and persists it through saveConfig', async () => {
    const config = emulator.config();
    emulator.tokens.expire(config.accessToken);
    const saved: unknown[] = [];
    const contacts = source(
      { ...config, expiresAt: Date.now() + 60_000 },
      testDeps({ saveConfig: async (next) => void saved.push(next) }),
    );
    await Promise.all([contacts.verify(), contacts.changedContacts(null)]);
    expect(saved).toHaveLength(1);
    const next = GoogleConfigSchema.parse(saved[0]);
    expect(next.accessToken).not.toBe(config.accessToken);
    expect(next.refreshToken).toBe(config.refreshToken);
    expect(next.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('is an auth error once access is revoked, with or without a refresh', async () => {
    const config = emulator.config();
    emulator.revokeAccess();
    for (const stored of [config, { ...config, expiresAt: 0 }]) {
      const error = await source(stored)
        .verify()
        .catch((e: unknown) => e);
      expect(isCrmError(error) && error.kind).toBe('auth');
    }
  });

  it('names the signed-in user', async () => {
    expect(await source().verify()).toEqual({
      accountId: emulator.state.user.resourceName,
      userId: emulator.state.user.resourceName,
      userEmail: 'admin@parley.example',
      instanceUrl: 'https://contacts.google.com',
    });
  });
});

describe('GoogleSource failures', () => {
  it('is rate_limited with a minute’s wait when Google’s quota answers 429 on every retry', async () => {
    emulator.running.faults.next({ kind: 'status', status: 429 }, 4);
    const error = await source()
      .changedContacts(null)
      .catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('rate_limited');
    expect(isCrmError(error) && error.detail.retryAfterMs).toBe(60_000);
  });

  it('says Google Contacts, not another product, when Google cannot be reached', async () => {
    const error = await source({ ...emulator.config(), apiBaseUrl: 'http://127.0.0.1:9' })
      .verify()
      .catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('unavailable');
    expect(error instanceof Error && error.message).toBe(
      'Parley could not reach Google Contacts at 127.0.0.1:9.',
    );
  });
});

describe('the emulator', () => {
  it.each([
    ['an unknown query parameter', 'personFields=names&colour=blue', /Unknown name "colour"/],
    [
      'a personFields path the reference does not list',
      'personFields=names,shoeSize',
      /Invalid personFields mask path/,
    ],
    ['no personFields', 'pageSize=10', /personFields/],
    ['a pageSize above 1000', 'personFields=names&pageSize=1001', /pageSize/],
  ])('answers %s with Google’s 400 and records it as a violation', async (_, query, message) => {
    const { accessToken } = emulator.config();
    const answer = await fetch(`${emulator.running.url}/v1/people/me/connections?${query}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(answer.status).toBe(400);
    const body: unknown = await answer.json();
    expect(body).toMatchObject({
      error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringMatching(message) },
    });
    expect(emulator.running.violations.splice(0)).toHaveLength(1);
  });
});
