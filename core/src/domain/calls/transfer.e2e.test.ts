import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAdmin } from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';
import { simulatorCredentials } from '../../telephony/account-carriers.ts';
import type { DeviceAction, DeviceSignal } from '../../telephony/simulator/voice/index.ts';
import { startTwilioEmulator, type TwilioEmulator } from '../../telephony/twilio/emulator/server.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { answeredBy, ringingCall, routedTeam } from './testing/live-call.ts';

/** The browser side of each dialer, played by the test: what it does is set per identity. */
function dialers(): DeviceSignal & { set(memberId: string, action: DeviceAction): void } {
  const actions = new Map<string, DeviceAction>();
  return {
    pollMs: 20,
    action: async (_sid, identity) => actions.get(identity) ?? null,
    set: (memberId, action) => actions.set(memberIdentity(memberId), action),
  };
}

describe('transferring a live call on the simulator', () => {
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof routedTeam>>;
  let devices: ReturnType<typeof dialers>;

  beforeAll(async () => {
    server = await startTestServer();
    const { client: admin } = await signUpAdmin(server);
    setup = await routedTeam(server, admin, '/api/numbers/available?country=FR');
    devices = dialers();
  }, 180_000);
  afterAll(() => server?.close());

  it('records the transfer to a teammate on the call, and names the field of a bad target', async () => {
    const { lea, max, number } = setup;
    const { callId, story } = await ringingCall(server, {
      from: '+33612345001',
      to: number.e164,
      credentials: simulatorCredentials(server.services.secrets),
      devices,
    });
    devices.set(lea.memberId, 'answer');
    await answeredBy(lea.client, callId, lea.memberId);

    for (const [to, code] of [
      [lea.memberId, 'transfer_to_self'],
      ['0b7e5a52-4c3f-4f7e-9d7a-000000000000', 'member_not_found'],
      ['pas un numéro', 'invalid_number'],
    ] as const) {
      const bad = await lea.client.post(`/api/calls/${callId}/transfer`, { to });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe(code);
      expect(bad.body.error.details.fields.to).toBeTruthy();
    }
    expect((await max.client.post(`/api/calls/${callId}/transfer`, { to: lea.memberId })).status).toBe(404);

    const moved = await lea.client.post(`/api/calls/${callId}/transfer`, { to: max.memberId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect(moved.body).toMatchObject({
      targetMemberId: max.memberId,
      targetMemberName: 'Max Member',
      carrier: 'simulator',
    });
    const toNumber = await lea.client.post(`/api/calls/${callId}/transfer`, { to: '06 11 22 33 44' });
    expect(toNumber.body).toMatchObject({ targetNumber: '+33611223344', targetMemberId: null });

    const call = await lea.client.get(`/api/calls/${callId}`);
    expect(
      call.body.transfers.map(
        (t: { targetMemberId: string | null; targetNumber: string | null }) =>
          t.targetMemberId ?? t.targetNumber,
      ),
    ).toEqual([max.memberId, '+33611223344']);

    devices.set(lea.memberId, 'hangup');
    await story;
    const ended = await lea.client.post(`/api/calls/${callId}/transfer`, { to: max.memberId });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('call_not_live');
  });
});

describe('transferring a live call on Twilio', () => {
  let twilio: TwilioEmulator;
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof routedTeam>>;
  let devices: ReturnType<typeof dialers>;

  beforeAll(async () => {
    twilio = await startTwilioEmulator();
    server = await startTestServer({ twilioApiBaseUrl: twilio.url });
    const { client: admin } = await signUpAdmin(server);
    const carrier = await admin.put('/api/account/carrier', {
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    expect(carrier.status, JSON.stringify(carrier.body)).toBe(200);
    setup = await routedTeam(server, admin, '/api/numbers/available?country=US&areaCode=415');
    devices = dialers();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await twilio?.close();
  });

  /** A live inbound call answered by Léa, known to the emulated Twilio by its sid. */
  async function liveCall(from: string) {
    const { lea, number } = setup;
    const live = await ringingCall(server, {
      from,
      to: number.e164,
      credentials: { accountSid: twilio.accountSid, authToken: twilio.authToken },
      devices,
    });
    devices.set(lea.memberId, 'answer');
    await answeredBy(lea.client, live.callId, lea.memberId);
    const row = await server.services.db.one<{ sid: string }>(
      sql`select carrier_call_sid as sid from calls where id = ${live.callId}`,
    );
    return { ...live, sid: row.sid };
  }

  it('redirects the customer’s leg to TwiML dialling the teammate or the number', async () => {
    const { lea, max, number } = setup;
    const { callId, story, sid } = await liveCall('+33612345002');
    twilio.state.calls.push({ sid, to: number.e164, from: '+33612345002', form: {}, at: new Date() });

    const toMax = await lea.client.post(`/api/calls/${callId}/transfer`, { to: max.memberId });
    expect(toMax.status, JSON.stringify(toMax.body)).toBe(201);
    expect(toMax.body.carrier).toBe('twilio');
    const toNumber = await lea.client.post(`/api/calls/${callId}/transfer`, { to: '+33611223344' });
    expect(toNumber.status, JSON.stringify(toNumber.body)).toBe(201);

    const updates = twilio.state.calls.find((c) => c.sid === sid)?.updates ?? [];
    expect(updates).toHaveLength(2);
    expect(updates[0]?.Twiml).toContain(`<Client statusCallback=`);
    expect(updates[0]?.Twiml).toContain(`>${memberIdentity(max.memberId)}</Client></Dial>`);
    expect(updates[0]?.Twiml).toContain(`callerId="${number.e164}"`);
    expect(updates[1]?.Twiml).toContain('>+33611223344</Number></Dial>');
    expect(twilio.violations()).toEqual([]);

    devices.set(lea.memberId, 'hangup');
    await story;
    devices.set(lea.memberId, 'answer');
  });

  it('says the call is gone when Twilio no longer has it', async () => {
    const { lea, max } = setup;
    const { callId, story } = await liveCall('+33612345003');
    const gone = await lea.client.post(`/api/calls/${callId}/transfer`, { to: max.memberId });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/ended before it could be transferred/);
    expect((await lea.client.get(`/api/calls/${callId}`)).body.transfers).toEqual([]);
    devices.set(lea.memberId, 'hangup');
    await story;
  });
});
