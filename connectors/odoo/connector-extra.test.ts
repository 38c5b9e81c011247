import { afterEach, describe, expect, it } from 'vitest';
import { callLog, e164, FIXTURE_PEOPLE } from '../core/conformance/fixtures.ts';
import type { CrmConnector, RecordRef } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import { type OdooEmulator, type OdooEmulatorOptions, startOdooEmulator } from './emulator/index.ts';
import { odoo } from './index.ts';
import { failure } from './test-support.ts';

let emulator: OdooEmulator;

async function setUp(options: OdooEmulatorOptions = {}) {
  emulator = await startOdooEmulator(options);
  const refs = await emulator.seed(FIXTURE_PEOPLE);
  const ref = (key: string): RecordRef => {
    const found = refs[FIXTURE_PEOPLE.findIndex((person) => person.key === key)];
    if (!found) throw new Error(`no fixture ${key}`);
    return found;
  };
  return { connector: odoo.create(emulator.config(), testDeps()), ref };
}

async function drain(connector: CrmConnector, cursor: string | null) {
  const items = [];
  let next = cursor;
  for (let pages = 0; pages < 50; pages++) {
    const page = await connector.changedContacts(next);
    items.push(...page.items);
    if (page.next === null) break;
    next = page.next;
  }
  return { items, cursor: next };
}

afterEach(async () => {
  const violations = emulator.running.violations.splice(0);
  await emulator.close();
  expect(violations, 'calls Odoo would refuse').toEqual([]);
});

describe('without the Parley module', () => {
  it('logs a call once in the contact’s chatter, however many times it is sent', async () => {
    const { connector, ref } = await setUp({ withParleyModule: false });
    const call = callLog({ contact: ref('alice'), notes: 'Asked for <b>pricing</b>' });
    const first = await connector.upsertCallLog(call);
    const again = await connector.upsertCallLog(call);
    expect(again).toEqual(first);
    expect(first.objectType).toBe('mail.message');
    expect(emulator.callLogs()).toMatchObject([
      { parleyCallId: call.id, contactIds: [ref('alice').id], durationSeconds: 42 },
    ]);
    // message_post escapes a plain-text body: the markup shows as text, it is not injected.
    expect(emulator.messages()[0]?.body).toContain('&lt;b&gt;pricing&lt;/b&gt;');
  });

  it('a call without a contact is invalid and says to install the module', async () => {
    const { connector } = await setUp({ withParleyModule: false });
    const error = await failure(connector.upsertCallLog(callLog()));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('Install the Parley app');
  });

  it('a batch logs each call on its contact and fails a deleted contact alone', async () => {
    const { connector, ref } = await setUp({ withParleyModule: false });
    emulator.remove(ref('bob').id);
    const results = await connector.upsertCallLogs([
      callLog({ contact: ref('alice') }),
      callLog({ contact: ref('bob') }),
      callLog({ contact: ref('claire') }),
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.kind))).toEqual([
      'ok',
      'not_found',
      'ok',
    ]);
  });

  it('offers no outcomes', async () => {
    const { connector } = await setUp({ withParleyModule: false });
    expect(await connector.listOutcomes()).toEqual([]);
  });
});

describe('with the Parley module', () => {
  it('offers the outcomes of parley.call', async () => {
    const { connector } = await setUp();
    const outcomes = await connector.listOutcomes();
    expect(outcomes).toContainEqual({ value: 'callback', label: 'Call back' });
  });

  it('logs the owner and outcome it is given', async () => {
    const { connector, ref } = await setUp();
    const [owner] = await connector.listOwners();
    if (!owner) throw new Error('no owner');
    await connector.upsertCallLog(callLog({ contact: ref('alice'), ownerId: owner.id, outcome: 'callback' }));
    const [row] = emulator.state.rows('parley.call').values();
    expect(row).toMatchObject({ user_id: Number(owner.id), outcome: 'callback' });
  });

  it('an outcome the module does not know fails that call alone, and quotes Odoo', async () => {
    const { connector, ref } = await setUp();
    const results = await connector.upsertCallLogs([
      callLog({ contact: ref('alice'), outcome: 'nope' }),
      callLog({ contact: ref('bob'), outcome: 'callback' }),
    ]);
    const [refused, logged] = results;
    if (refused?.ok !== false) throw new Error('the unknown outcome was accepted');
    expect(refused.error.kind).toBe('invalid');
    expect(refused.error.message).toContain('Wrong value for parley.call.outcome');
    expect(logged?.ok).toBe(true);
  });

  it('a call whose owner was deleted in Odoo is not_found, and says which user', async () => {
    const { connector, ref } = await setUp();
    const error = await failure(connector.upsertCallLog(callLog({ contact: ref('alice'), ownerId: '77' })));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('The Odoo user 77 no longer exists');
  });
});

describe('listOwners', () => {
  it('lists the internal users that are active', async () => {
    const { connector } = await setUp();
    expect(await connector.listOwners()).toEqual([
      { id: '2', email: 'admin@parley.example', name: 'Mitchell Admin' },
    ]);
  });
});

describe('findContactsByPhone without the sms module', () => {
  it('matches typed numbers by a separator-tolerant pattern on phone and mobile', async () => {
    const { connector, ref } = await setUp({ withSmsModule: false });
    expect((await connector.findContactsByPhone(e164('+33612345678'))).map((p) => p.ref.id)).toEqual([
      ref('alice').id,
    ]);
    expect((await connector.findContactsByPhone(e164('+33144556677'))).map((p) => p.ref.id).sort()).toEqual(
      [ref('claire').id, ref('david').id].sort(),
    );
  });
});

describe('changedContacts', () => {
  it('an archived partner comes back archived', async () => {
    const { connector, ref } = await setUp();
    const { cursor } = await drain(connector, null);
    emulator.archive(ref('bob').id);
    const { items } = await drain(connector, cursor);
    expect(items.map((person) => [person.ref.id, person.archived])).toEqual([[ref('bob').id, true]]);
  });

  it('a partner changed again within the same second is delivered again', async () => {
    const { connector, ref } = await setUp();
    const first = await drain(connector, null);
    emulator.touch(ref('alice').id, 'Alice 1');
    const second = await drain(connector, first.cursor);
    emulator.touch(ref('bob').id, 'Bob 1');
    emulator.touch(ref('alice').id, 'Alice 2');
    const third = await drain(connector, second.cursor);
    expect(third.items.map((person) => person.name)).toEqual(['Bob 1', 'Alice 2']);
  });

  it('carries the parley id of contacts Parley wrote', async () => {
    const { connector } = await setUp();
    const created = await connector.upsertContact({
      parleyId: 'contact_42',
      name: 'Ida Noel',
      emails: [],
      phones: [e164('+33655443322')],
    });
    const { items } = await drain(connector, null);
    expect(items.find((person) => person.ref.id === created.id)?.parleyId).toBe('contact_42');
  });

  it('refuses a cursor it did not issue', async () => {
    const { connector } = await setUp();
    expect((await failure(connector.changedContacts('garbage'))).kind).toBe('invalid');
  });
});

describe('upsertContact', () => {
  it('a retried create finds the partner by its parley id instead of making a second', async () => {
    const { connector } = await setUp();
    const input = { parleyId: 'contact_7', name: 'Jules Faure', emails: [], phones: [] };
    const first = await connector.upsertContact(input);
    const second = await connector.upsertContact(input);
    expect(second.id).toBe(first.id);
  });

  it('files the contact under its company, reusing the company partner', async () => {
    const { connector, ref } = await setUp();
    const created = await connector.upsertContact({
      parleyId: 'contact_8',
      name: 'Léa Roux',
      company: 'Standard Corp',
      emails: ['lea@standard.example'],
      phones: [],
    });
    const claire = emulator.state.get('res.partner', Number(ref('claire').id));
    expect(emulator.state.get('res.partner', Number(created.id))?.parent_id).toBe(claire?.parent_id);
  });

  it('leaves an admin’s own Reference alone', async () => {
    const { connector, ref } = await setUp();
    emulator.state.update('res.partner', Number(ref('alice').id), { ref: 'CUST-0042' });
    await connector.upsertContact({
      parleyId: 'contact_9',
      ref: ref('alice'),
      name: 'Alice M.',
      emails: [],
      phones: [],
    });
    expect(emulator.state.get('res.partner', Number(ref('alice').id))).toMatchObject({
      name: 'Alice M.',
      ref: 'CUST-0042',
    });
  });

  it('updating a deleted partner is not_found', async () => {
    const { connector, ref } = await setUp();
    emulator.remove(ref('bob').id);
    const error = await failure(
      connector.upsertContact({
        parleyId: 'contact_10',
        ref: ref('bob'),
        name: 'Bob',
        emails: [],
        phones: [],
      }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('verify and recordUrl', () => {
  it('names the database and uses the hash route Odoo 17.0 serves', async () => {
    const { connector, ref } = await setUp();
    expect(await connector.verify()).toMatchObject({ accountId: 'parley-test', userId: '2' });
    expect(connector.recordUrl(ref('alice'))).toBe(
      `${emulator.config().url}/web#id=${ref('alice').id}&model=res.partner&view_type=form`,
    );
  });
});
