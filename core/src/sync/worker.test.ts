import type { DevEmulator } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';
import { connect, startEmulator } from './testing/sync-harness.ts';
import { type SyncWorker, startSyncWorker } from './worker.ts';

const CALLER = '+33612345678';

async function endCall(server: TestServer, accountId: string): Promise<string> {
  const row = await server.services.db.one<{ subject_id: string }>(sql`
    with made as (
      insert into calls (account_id, carrier_call_sid, direction, from_number, to_number, record, result, final)
      select ${accountId}, sid, 'inbound', ${CALLER}, '+33199000001',
        jsonb_build_object('id', sid, 'direction', 'inbound', 'from', ${CALLER}::text, 'to', '+33199000001',
          'numberE164', '+33199000001', 'status', 'completed', 'createdAt', now(), 'talkSeconds', 12,
          'result', 'answered', 'rungMemberIds', '[]'::jsonb, 'legs', '[]'::jsonb, 'final', true),
        'answered', true
      from (select 'CA' || md5(gen_random_uuid()::text) as sid) s
      returning id, account_id
    )
    insert into outbox (account_id, topic, subject_id) select account_id, 'call.final', id from made
    returning subject_id`);
  return row.subject_id;
}

const logged = (emulator: DevEmulator, callId: string) =>
  emulator.callLogs().some((log) => log.parleyCallId === callId);

describe('sync worker', () => {
  let server: TestServer;
  let slow: { accountId: string; emulator: DevEmulator };
  let quick: { accountId: string; emulator: DevEmulator };
  let worker: SyncWorker;

  beforeAll(async () => {
    server = await startTestServer();
    const open = async () => {
      const emulator = await startEmulator('hubspot');
      await emulator.seed([
        { key: 'a', kind: 'contact', name: 'Alice', company: null, emails: [], phones: [CALLER] },
      ]);
      const { accountId } = await signUpAdmin(server);
      await connect(server, accountId, 'hubspot', emulator);
      return { accountId, emulator };
    };
    slow = await open();
    quick = await open();
    await vi.waitFor(
      async () => {
        const done = await server.services.db.one<{ n: number }>(
          sql`select count(*)::int as n from crm_connections where import ->> 'state' = 'done'`,
        );
        expect(done.n).toBe(2);
      },
      { timeout: 10_000 },
    );
    worker = startSyncWorker({
      db: server.services.db,
      bus: server.services.bus,
      connectorFor: server.services.crm.connectorFor,
      log: server.services.log,
      instanceId: 'worker-test',
      idleMs: 20,
    });
  }, 30_000);

  afterAll(async () => {
    await worker?.stop();
    await slow?.emulator.close();
    await quick?.emulator.close();
    await server?.close();
  });

  it('logs a connection’s new call while another connection’s batch still waits on its CRM', async () => {
    slow.emulator.running.faults.baseLatency(2_500);
    slow.emulator.running.resetStats();
    const held = await endCall(server, slow.accountId);
    // The slow CRM's batch is in flight once its first request has arrived.
    await expect.poll(() => slow.emulator.running.stats.requests, { timeout: 5_000 }).toBeGreaterThan(0);
    const fresh = await endCall(server, quick.accountId);
    await expect.poll(() => logged(quick.emulator, fresh), { timeout: 1_500, interval: 20 }).toBe(true);
    expect(logged(slow.emulator, held)).toBe(false);
    await expect.poll(() => logged(slow.emulator, held), { timeout: 15_000, interval: 50 }).toBe(true);
  }, 30_000);
});
