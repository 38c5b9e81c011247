import { CRM_KINDS, type CrmKind, connectors, type RecordRef } from '@parley/connectors';
import type { DevEmulator } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../http/testing/client.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';
import type { Connection } from './connections.ts';
import {
  connect,
  inboundCall,
  manualWorker,
  startEmulator,
  syncRows,
  until,
} from './testing/sync-harness.ts';
import type { SyncWorker } from './worker.ts';

const ALICE = '+33612345678';

/**
 * The whole path, per CRM: Twilio's webhooks end a call, the outbox row is written with it, the
 * worker logs it in the CRM (its emulator) on the right person, once; later notes update the same
 * record; failures follow the retry rule; contacts flow both ways without echoes.
 */
describe.each(CRM_KINDS.map((kind) => [kind] as const))('CRM sync with %s', (kind: CrmKind) => {
  let server: TestServer;
  let emulator: DevEmulator;
  let admin: ApiClient;
  let accountId: string;
  let number: { id: string; e164: string };
  let lea: { memberId: string; client: ApiClient };
  let worker: SyncWorker;
  let connection: Connection;
  let aliceRef: RecordRef | undefined;

  beforeAll(async () => {
    emulator = await startEmulator(kind);
    const app = emulator.oauthApp;
    server = await startTestServer({
      crm: { apps: app ? { [kind]: { ...app, webhookSecret: emulator.webhookSecret ?? null } } : {} },
    });
    [aliceRef] = await emulator.seed([
      {
        key: 'alice',
        kind: 'contact',
        name: 'Alice Martin',
        company: 'Acme SAS',
        emails: ['alice@acme.example'],
        phones: ['+33 6 12 34 56 78'],
      },
    ]);
    const signup = await signUpAdmin(server);
    admin = signup.client;
    accountId = signup.accountId;
    number = await buyFirstNumber(admin, { team: true });
    await admin.put('/api/billing/plan', { plan: 'business' });
    await addSeats(admin, 2);
    lea = await addMember(server, admin);
    await lea.client.put('/api/me/presence', { status: 'online' });
    await openAroundTheClock(admin);
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [lea.memberId],
      ringSeconds: 20,
    });
    worker = manualWorker(server);
    connection = await connect(server, accountId, kind, emulator);
    await until(
      worker,
      async () =>
        (await admin.get(`/api/crm/connections/${connection.id}`)).body.connection.import?.state === 'done',
      {
        what: 'the initial import',
      },
    );
  }, 60_000);

  afterAll(async () => {
    await emulator?.close();
    await server?.close();
  });

  it('imports the CRM’s people as shared contacts, with progress on the connection', async () => {
    const res = await admin.get(`/api/crm/connections/${connection.id}`);
    expect(res.body.connection.import).toMatchObject({ state: 'done', imported: 1 });
    const contacts = await admin.get('/api/contacts?q=Alice');
    expect(contacts.body.contacts.map((c: { phones: string[] }) => c.phones)).toEqual([[ALICE]]);
  });

  it('logs an answered call on the caller’s record once, and shows it logged with a link', async () => {
    const callId = await inboundCall(server, {
      from: ALICE,
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 2 }], talkSeconds: 33 },
    });
    await until(worker, async () => (await syncRows(server, callId))[0]?.status === 'logged', {
      what: 'the call to be logged',
    });
    const held = emulator.callLogs().filter((log) => log.parleyCallId === callId);
    expect(held).toHaveLength(1);
    expect(held[0]?.durationSeconds).toBe(33);
    expect(held[0]?.contactIds).toEqual([aliceRef?.id]);
    const status = await admin.get(`/api/calls/${callId}/crm`);
    expect(status.body.syncs).toEqual([
      expect.objectContaining({
        crm: kind,
        status: 'logged',
        error: null,
        recordUrl: expect.stringMatching(/^https?:\/\//),
      }),
    ]);
  });

  it('offers the CRM’s own call outcomes and keeps the admin’s mapping of Parley’s results onto them', async () => {
    const offered = await admin.get(`/api/crm/connections/${connection.id}/outcomes`);
    expect(offered.status).toBe(200);
    const outcome = offered.body.outcomes[0]?.value;
    if (!outcome) {
      // Salesforce's CallDisposition is free text on a standard org: any word goes.
      expect(kind).toBe('salesforce');
      return;
    }
    const saved = await admin.patch(`/api/crm/connections/${connection.id}`, {
      outcomes: { answered: outcome },
    });
    expect(saved.body.connection.settings.outcomes).toEqual({ answered: outcome });
  });

  it('updates the same CRM record when the rep adds notes after the call', async () => {
    const callId = await inboundCall(server, {
      from: ALICE,
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 1 }], talkSeconds: 10 },
    });
    await until(worker, async () => (await syncRows(server, callId))[0]?.status === 'logged');
    const notes = await lea.client.patch(`/api/calls/${callId}`, { notes: 'Rappeler jeudi pour le devis' });
    expect(notes.status).toBe(200);
    await until(
      worker,
      () =>
        emulator.callLogs().some((log) => log.parleyCallId === callId && log.text.includes('Rappeler jeudi')),
      {
        what: 'the notes to reach the CRM',
      },
    );
    expect(emulator.callLogs().filter((log) => log.parleyCallId === callId)).toHaveLength(1);
  });

  it('logs once even when the CRM acted but its answer was lost, and retries through its 503s', async () => {
    emulator.running.faults.next({ kind: 'drop-after-commit' });
    emulator.running.faults.next({ kind: 'status', status: 503 }, 2);
    const callId = await inboundCall(server, {
      from: ALICE,
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 1 }], talkSeconds: 5 },
    });
    await until(worker, async () => (await syncRows(server, callId))[0]?.status === 'logged');
    expect(emulator.callLogs().filter((log) => log.parleyCallId === callId)).toHaveLength(1);
  });

  it('parks calls when the CRM revokes access, says to reconnect, and logs them after reconnecting', async () => {
    emulator.revokeAccess();
    const callId = await inboundCall(server, {
      from: ALICE,
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 1 }], talkSeconds: 7 },
    });
    await until(worker, async () => (await syncRows(server, callId))[0]?.status === 'parked', {
      what: 'the row to park',
    });
    const listed = await admin.get('/api/crm/connections');
    const mine = listed.body.connections.find((c: { id: string }) => c.id === connection.id);
    expect(mine).toMatchObject({ status: 'reconnect_needed', failed: 1 });
    const failures = await admin.get(`/api/crm/connections/${connection.id}/failures`);
    expect(failures.body.failures[0]).toMatchObject({
      callId,
      status: 'parked',
      error: expect.stringMatching(/reconnect/i),
    });
    connection = await connect(server, accountId, kind, emulator);
    await until(worker, async () => (await syncRows(server, callId))[0]?.status === 'logged', {
      what: 'the parked call to be logged',
    });
    expect(emulator.callLogs().filter((log) => log.parleyCallId === callId)).toHaveLength(1);
  });

  it('pushes a contact a rep saves to the CRM, and does not import it back as a new contact', async () => {
    const saved = await lea.client.post('/api/contacts', {
      name: 'Bruno Caller',
      phones: ['+33 6 44 55 66 77'],
    });
    expect(saved.status).toBe(201);
    const link = async () =>
      server.services.db.maybeOne<{ crm_id: string }>(
        sql`select crm_id from contact_links where contact_id = ${saved.body.id} and connection_id = ${connection.id}`,
      );
    await until(worker, async () => (await link()) !== null, { what: 'the contact to reach the CRM' });
    const crmId = (await link())?.crm_id ?? '';
    expect(emulator.person(crmId)?.name).toBe('Bruno Caller');
    const before = await server.services.db.one<{ n: number }>(
      sql`select count(*)::int as n from contacts where account_id = ${accountId}`,
    );
    worker.pullSoon(connection.id);
    await server.services.db.execute(
      sql`update crm_connections set contacts_synced_at = null where id = ${connection.id}`,
    );
    await worker.runOnce();
    const after = await server.services.db.one<{ n: number }>(
      sql`select count(*)::int as n from contacts where account_id = ${accountId}`,
    );
    expect(after.n).toBe(before.n);
  });

  it('brings a rename made in the CRM into the shared contact', async () => {
    const link = await server.services.db.one<{
      crm_id: string;
      contact_id: string;
    }>(sql`select l.crm_id, l.contact_id
      from contact_links l join contacts c on c.id = l.contact_id
      where l.connection_id = ${connection.id} and c.phones @> array[${ALICE}]::text[] limit 1`);
    emulator.touch(link.crm_id, 'Alice Martin-Leroy');
    await server.services.db.execute(
      sql`update crm_connections set contacts_synced_at = null where id = ${connection.id}`,
    );
    await until(
      worker,
      async () => (await admin.get(`/api/contacts/${link.contact_id}`)).body.name === 'Alice Martin-Leroy',
      {
        what: 'the rename to arrive',
      },
    );
  });

  const setup = connectors[kind].setup.kind;

  it.skipIf(setup !== 'form')('refuses a connection form with wrong fields, naming each', async () => {
    const form = await admin.post(`/api/crm/${kind}/connect`, { fields: { url: 'not a url' } });
    expect(form.status).toBe(400);
    expect(Object.keys(form.body.error.details.fields ?? {})).not.toHaveLength(0);
  });

  it.skipIf(setup !== 'oauth')(
    'connects by OAuth from the console: authorize, callback, connection stored',
    async () => {
      const started = await admin.post(`/api/crm/${kind}/connect`, {});
      expect(started.status).toBe(200);
      const authorize = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
      expect(authorize.status).toBeGreaterThanOrEqual(300);
      const callback = new URL(authorize.headers.get('location') ?? '');
      expect(callback.pathname).toBe(`/oauth/crm/${kind}/callback`);
      const done = await fetch(`${server.url}${callback.pathname}${callback.search}`, { redirect: 'manual' });
      expect(done.status, await done.clone().text()).toBe(303);
      const replay = await fetch(`${server.url}${callback.pathname}${callback.search}`, {
        redirect: 'manual',
      });
      expect(replay.status).toBe(400);
      const listed = await admin.get('/api/crm/connections');
      expect(listed.body.connections.find((c: { kind: string }) => c.kind === kind)).toMatchObject({
        status: 'active',
      });
    },
  );

  it.skipIf(!connectors[kind].webhook)(
    'refuses a forged webhook with 401 and pulls changes on a signed one',
    async () => {
      if (!emulator.webhook) throw new Error(`the ${kind} emulator signs no webhooks`);
      const link = await server.services.db.one<{
        crm_id: string;
        contact_id: string;
      }>(sql`select crm_id, contact_id
      from contact_links where connection_id = ${connection.id} limit 1`);
      emulator.touch(link.crm_id, 'Webhook Renamed');
      const url = `${server.url}/webhooks/crm/${kind}`;
      const signed = emulator.webhook(url, [{ personId: link.crm_id, change: 'updated' }]);
      const forged = await fetch(url, {
        method: 'POST',
        headers: { ...signed.headers, 'content-type': 'application/json' } as Record<string, string>,
        body: signed.rawBody.replace(link.crm_id, `${link.crm_id}0`),
      });
      expect(forged.status).toBe(401);
      await worker.runOnce();
      expect((await admin.get(`/api/contacts/${link.contact_id}`)).body.name).not.toBe('Webhook Renamed');
      const real = await fetch(url, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body: signed.rawBody,
      });
      expect(real.status).toBe(204);
      await until(
        worker,
        async () => (await admin.get(`/api/contacts/${link.contact_id}`)).body.name === 'Webhook Renamed',
      );
    },
  );
});
