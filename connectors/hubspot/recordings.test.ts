import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLog, manyPeople } from '../core/conformance/fixtures.ts';
import type { CrmConnector, RecordRef } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import type { Fault } from '../testing/faults.ts';
import { type HubspotEmulator, startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';
import { PARLEY_RECORDING_READY } from './recordings.ts';

const APP = { appId: '3003', externalAccountId: '5b0d3c1e-8c1f-4d55-9d61-4a0a3e6f2b11' };
const RECORDING = 'https://phone.example.com/api/recordings/x?account=a&expires=1&signature=s';
/** Lets one request through untouched, to aim the fault after it at a later request. */
const PASS: Fault = { kind: 'latency', ms: 0 };

let emulator: HubspotEmulator;
let connector: CrmConnector;
let alice: RecordRef;
const connect = (app: Partial<typeof APP> = APP) =>
  hubspot.create({ ...emulator.config(), ...app }, testDeps());

beforeEach(async () => {
  emulator = await startHubspotEmulator();
  connector = connect();
  const [seeded] = await emulator.seed(manyPeople(1));
  if (!seeded) throw new Error('seeded nobody');
  alice = seeded;
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

/** Logs one recorded call, so the properties Parley creates exist and later counts are per call. */
async function warmUp() {
  await connector.upsertCallLog(callLog({ recordingUrl: RECORDING }));
  emulator.state.recordingsReady.length = 0;
  emulator.running.resetStats();
}

describe('HubSpot recordings pipeline', () => {
  it('logs a recorded call with the properties HubSpot fetches recordings by, then announces it once', async () => {
    const call = callLog({ contact: alice, recordingUrl: RECORDING });
    const ref = await connector.upsertCallLog(call);
    expect(emulator.state.recordingsReady).toEqual([
      {
        engagementId: ref.id,
        properties: expect.objectContaining({
          hs_call_external_id: call.id,
          hs_call_external_account_id: APP.externalAccountId,
          hs_call_app_id: APP.appId,
          hs_call_source: 'INTEGRATIONS_PLATFORM',
        }),
      },
    ]);
    const held = emulator.state.live('calls', ref.id)?.properties;
    expect(held).not.toHaveProperty('hs_call_recording_url');
    expect(held?.[PARLEY_RECORDING_READY]).toBe(call.id);
  });

  it('an updated log, or another instance logging it again, does not announce the recording twice', async () => {
    const call = callLog({ contact: alice, recordingUrl: RECORDING });
    await connector.upsertCallLog(call);
    await connector.upsertCallLog({ ...call, notes: 'Called back, wants a quote' });
    await connect().upsertCallLog({ ...call, summary: 'Wants a quote.' });
    expect(emulator.state.recordingsReady).toHaveLength(1);
  });

  it('a call without a recording is not announced and costs no request more', async () => {
    await warmUp();
    const ref = await connector.upsertCallLog(callLog({ contact: alice }));
    expect(emulator.state.recordingsReady).toEqual([]);
    // batch/upsert + the contact link, as without the pipeline.
    expect(emulator.running.stats.requests).toBe(2);
    expect(emulator.state.live('calls', ref.id)?.properties).not.toHaveProperty(
      'hs_call_external_account_id',
    );
  });

  it('without Parley’s app id and account, the call keeps its recording link and nothing is announced', async () => {
    const ref = await connect({}).upsertCallLog(callLog({ recordingUrl: RECORDING }));
    expect(emulator.state.live('calls', ref.id)?.properties.hs_call_recording_url).toBe(RECORDING);
    expect(emulator.state.recordingsReady).toEqual([]);
  });

  it('HubSpot’s 503 on the announcement is retried by the client, and the call is announced once', async () => {
    await warmUp();
    // batch/upsert, the mark's read, then the announcement meets a 503.
    emulator.running.faults.next(PASS, 2);
    emulator.running.faults.next({ kind: 'status', status: 503 });
    const ref = await connector.upsertCallLog(callLog({ recordingUrl: RECORDING }));
    expect(emulator.state.recordingsReady.map((ready) => ready.engagementId)).toEqual([ref.id]);
    // upsert, read, the refused announcement and its retry, the mark.
    expect(emulator.running.stats.requests).toBe(5);
  });

  it('an announcement HubSpot refuses fails that call alone; the next sync announces it, and only it', async () => {
    await warmUp();
    const first = callLog({ recordingUrl: RECORDING });
    const second = callLog({ recordingUrl: RECORDING });
    emulator.running.faults.next(PASS, 2);
    emulator.running.faults.next({ kind: 'status', status: 400 });
    const [failed, logged] = await connector.upsertCallLogs([first, second]);
    expect(failed).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(logged?.ok).toBe(true);
    expect(emulator.state.recordingsReady).toHaveLength(1);

    const again = await connector.upsertCallLogs([first, second]);
    expect(again.every((result) => result.ok)).toBe(true);
    const announced = emulator.state.recordingsReady.map((ready) => ready.properties.hs_call_external_id);
    expect(announced).toEqual([second.id, first.id]);
  });
});
