import { randomBytes } from 'node:crypto';
import { type DevEmulator, emulators } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../config/env.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';
import { connect } from '../sync/testing/sync-harness.ts';
import { crmChecks } from './doctor-crm.ts';

describe('parley doctor on CRM connections', () => {
  const key = randomBytes(32);
  const env = parseEnv({ PARLEY_SECRET_KEY: key.toString('base64'), PUBLIC_URL: 'https://parley.example' });
  let server: TestServer;
  let emulator: DevEmulator;
  let connectionId: string;
  const later = () => new Date(Date.now() + 2 * 24 * 60 * 60_000);

  beforeAll(async () => {
    server = await startTestServer({ secretKey: key });
    emulator = await emulators.hubspot();
    const admin = await signUpAdmin(server, { company: 'Doctor SAS' });
    await buyFirstNumber(admin.client);
    await addSeats(admin.client, 1);
    await addMember(server, admin.client);
    connectionId = (await connect(server, admin.accountId, 'hubspot', emulator)).id;
  });
  afterAll(async () => {
    await emulator?.close();
    await server?.close();
  });

  it('says there is nothing to check before any CRM is connected', async () => {
    const other = await startTestServer({ secretKey: key });
    try {
      expect(await crmChecks(env, other.services.db)).toEqual([
        expect.objectContaining({ ok: true, name: 'CRM connections' }),
      ]);
    } finally {
      await other.close();
    }
  });

  it('lists members with no CRM user, and the webhook that never came, with what to do', async () => {
    const [check] = await crmChecks(env, server.services.db, later());
    expect(check).toMatchObject({ name: 'HubSpot (Doctor SAS)', ok: false });
    expect(check?.detail).toMatch(/member\(s\) have no HubSpot user/);
    expect(check?.detail).toMatch(/no webhook from HubSpot/);
    expect(check?.fix).toContain('https://parley.example/webhooks/crm/hubspot');
  });

  it('passes once a fallback owner is chosen and a webhook arrived', async () => {
    await server.services.db.execute(sql`update crm_connections set last_webhook_at = now(),
      settings = settings || '{"fallbackOwnerId":"1"}'::jsonb where id = ${connectionId}`);
    const [check] = await crmChecks(env, server.services.db, later());
    expect(check).toMatchObject({ ok: true });
    expect(check?.detail).toMatch(/connected as .+; .*fallback owner; last webhook/);
  });

  it('fails with “reconnect” when the CRM no longer accepts the credentials', async () => {
    emulator.revokeAccess();
    const [check] = await crmChecks(env, server.services.db, later());
    expect(check).toMatchObject({ ok: false, fix: expect.stringMatching(/reconnect/) });
  });
});
