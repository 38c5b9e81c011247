import { type GoogleEmulator, sourceEmulators } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../http/testing/client.ts';
import { signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';
import { manualWorker, until } from './testing/sync-harness.ts';
import type { SyncWorker } from './worker.ts';

/**
 * Google Contacts as the account's shared address book: connected by OAuth from the console,
 * imported in full with progress, then kept current by sync tokens (renames and deletions), and
 * never sent a contact (it is read-only) nor a call.
 */
describe('Google Contacts as a contact source', () => {
  let emulator: GoogleEmulator;
  let server: TestServer;
  let admin: ApiClient;
  let worker: SyncWorker;
  let connectionId: string;
  let refs: { id: string }[];

  beforeAll(async () => {
    emulator = await sourceEmulators.google();
    refs = emulator.seed([
      {
        key: 'z',
        kind: 'contact',
        name: 'Zoé Garnier',
        company: 'Garnier & Co',
        emails: ['zoe@garnier.example'],
        phones: ['06 70 80 90 10'],
      },
      {
        key: 'y',
        kind: 'contact',
        name: 'Yann Morel',
        company: null,
        emails: [],
        phones: ['+33 1 70 80 90 10'],
      },
    ]);
    server = await startTestServer({
      crm: { apps: { google: { ...emulator.oauthApp, webhookSecret: null } } },
    });
    ({ client: admin } = await signUpAdmin(server));
    worker = manualWorker(server);
  });

  afterAll(async () => {
    await emulator?.close();
    await server?.close();
  });

  it('is offered beside the CRMs, ready once the server has Google’s app credentials', async () => {
    const listed = await admin.get('/api/crm/connections');
    expect(listed.body.available).toContainEqual({ kind: 'google', setup: 'oauth', ready: true });
  });

  it('connects by OAuth and imports every contact in E.164, with progress', async () => {
    const started = await admin.post('/api/crm/google/connect', {});
    const authorize = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location') ?? '');
    const done = await fetch(`${server.url}${callback.pathname}${callback.search}`, { redirect: 'manual' });
    expect(done.status, await done.clone().text()).toBe(303);
    const listed = await admin.get('/api/crm/connections');
    connectionId = listed.body.connections.find((c: { kind: string }) => c.kind === 'google').id;
    await until(
      worker,
      async () =>
        (await admin.get(`/api/crm/connections/${connectionId}`)).body.connection.import?.state === 'done',
    );
    const contacts = await admin.get('/api/contacts?q=Garnier');
    expect(contacts.body.contacts).toMatchObject([
      { name: 'Zoé Garnier', company: 'Garnier & Co', phones: ['+33670809010'] },
    ]);
  });

  it('follows renames and deletions made in Google through its sync token', async () => {
    emulator.touch(refs[1]?.id ?? '', 'Yann Morel-Petit');
    emulator.remove(refs[0]?.id ?? '');
    await server.services.db.execute(
      sql`update crm_connections set contacts_synced_at = null where id = ${connectionId}`,
    );
    await until(worker, async () => {
      const renamed = await admin.get('/api/contacts?q=Morel-Petit');
      const gone = await admin.get('/api/contacts?q=Garnier');
      return renamed.body.contacts.length === 1 && gone.body.contacts.length === 0;
    });
  });

  it('never sends Google a contact a rep saves (read-only) and gives it no calls', async () => {
    await admin.post('/api/contacts', { name: 'Local Only', phones: ['+33 6 11 11 11 11'] });
    await worker.runOnce();
    const outbox = await server.services.db.one<{ pending: number }>(
      sql`select count(*)::int as pending from outbox where topic = 'contact.saved' and status = 'pending'`,
    );
    expect(outbox.pending).toBe(0);
    const links = await server.services.db.one<{
      n: number;
    }>(sql`select count(*)::int as n from contact_links l
      join contacts c on c.id = l.contact_id where c.name = 'Local Only'`);
    expect(links.n).toBe(0);
    // Only reads reached Google: the People API's read endpoints and the OAuth token endpoint.
    const paths = [...emulator.running.stats.byPath.keys()];
    expect(
      paths.filter((path) => !/^\/v1\/people\/me(\/connections)?$|^\/token$|^\/o\/oauth2/.test(path)),
    ).toEqual([]);
  });
});
