import type { CrmKind } from '@parley/connectors';
import { type DevEmulator, emulators } from '@parley/connectors/emulators';
import type { TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';
import { simulatorCredentials } from '../../telephony/account-carriers.ts';
import type { CallScript } from '../../telephony/simulator/voice/call-script.ts';
import { type SimulatedRecordings, simulateInboundCall } from '../../telephony/simulator/voice/index.ts';
import { connectWith } from '../admin.ts';
import type { Connection } from '../connections.ts';
import { type SyncWorker, startSyncWorker } from '../worker.ts';

/** Quick retries: the rule is the production one, the waits are not. */
export const FAST_RETRY = { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40 };

/** A worker the test drives pass by pass, so every assertion follows a known amount of work. */
export function manualWorker(server: TestServer, instanceId = 'test-worker'): SyncWorker {
  const worker = startSyncWorker(
    {
      db: server.services.db,
      bus: server.services.bus,
      connectorFor: server.services.crm.connectorFor,
      log: server.services.log,
      instanceId,
      retry: FAST_RETRY,
      leaseMs: 5_000,
      pollContactsMs: 3_600_000,
    },
    { autostart: false },
  );
  server.services.crm.worker = worker;
  return worker;
}

/** Runs passes until `done` holds, failing with what the store says when it never does. */
export async function until(
  worker: SyncWorker,
  done: () => Promise<boolean> | boolean,
  { timeoutMs = 20_000, what = 'the sync to settle' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.runOnce();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startEmulator(kind: CrmKind): Promise<DevEmulator> {
  return emulators[kind]();
}

/** Connects the account to the emulator the way an admin's OAuth or form ends: verify, owners, store, import. */
export async function connect(
  server: TestServer,
  accountId: string,
  kind: CrmKind,
  emulator: DevEmulator,
): Promise<Connection> {
  return connectWith(server.services, accountId, kind, emulator.config());
}

export async function syncRows(server: TestServer, callId: string) {
  return server.services.db.many<{ status: string; crm_record_id: string | null; last_error: string | null }>(
    sql`select status, crm_record_id, last_error from call_syncs where call_id = ${callId}`,
  );
}

/** A customer calls the team's number, through Twilio's webhooks as the simulator plays them. */
export async function inboundCall(
  server: TestServer,
  input: { from: string; to: string; script: CallScript; recordings?: SimulatedRecordings },
): Promise<string> {
  const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
  const story = await simulateInboundCall({
    voiceUrl: `${server.url}/webhooks/twilio/voice`,
    statusUrl: `${server.url}/webhooks/twilio/status`,
    accountSid,
    authToken,
    from: input.from,
    to: input.to,
    script: input.script,
    ...(input.recordings ? { recordings: input.recordings } : {}),
  });
  const row = await server.services.db.one<{ id: string }>(
    sql`select id from calls where carrier_call_sid = ${story.callSid}`,
  );
  return row.id;
}
