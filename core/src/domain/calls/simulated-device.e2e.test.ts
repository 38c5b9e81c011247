import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { signUpAdmin } from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { simulatorCredentials } from '../../telephony/account-carriers.ts';
import { httpDeviceSignal } from '../../telephony/simulator/voice/index.ts';
import { computeTwilioSignature } from '../../telephony/twilio/webhooks/signature.ts';
import { answeredBy, eventually, ringingCall, routedTeam } from './testing/live-call.ts';

/** `parley simulate` without --answer: the member's dialer answers, declines and hangs up. */
describe('a simulated call answered from the dialer', () => {
  let server: TestServer;
  let lea: { memberId: string; client: ApiClient };
  let max: { memberId: string; client: ApiClient };
  let number: { e164: string };

  beforeAll(async () => {
    server = await startTestServer();
    const { client: admin } = await signUpAdmin(server);
    ({ number, lea, max } = await routedTeam(server, admin, '/api/numbers/available?country=FR'));
  }, 180_000);
  afterAll(() => server?.close());

  const ring = (from: string) =>
    ringingCall(server, {
      from,
      to: number.e164,
      credentials: simulatorCredentials(server.services.secrets),
      devices: httpDeviceSignal({
        url: `${server.url}/api/simulator/device`,
        authToken: simulatorCredentials(server.services.secrets).authToken,
        pollMs: 50,
      }),
    });

  it('rings until the member answers in the dialer, and lasts until they hang up', async () => {
    const { callId, story } = await ring('+33612340001');
    expect((await lea.client.post(`/api/calls/${callId}/answer`)).status).toBe(202);
    await answeredBy(lea.client, callId, lea.memberId);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await lea.client.post(`/api/calls/${callId}/hangup`)).status).toBe(202);
    const ended = await story;
    expect(ended.lines.some((line) => line.includes('talk for'))).toBe(true);
    const call = await eventually(async () => {
      const read = await lea.client.get(`/api/calls/${callId}`);
      return read.body.final ? read.body : null;
    });
    expect(call).toMatchObject({ result: 'answered', memberId: lea.memberId });
    expect(call.record.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(call.record.talkSeconds).toBeLessThan(60);
  });

  it('ends the member’s leg like a busy line when they decline, without waiting for the ring time', async () => {
    const began = Date.now();
    const { callId, story } = await ring('+33612340002');
    expect((await lea.client.post(`/api/calls/${callId}/decline`)).status).toBe(202);
    const ended = await story;
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(ended.lines.some((line) => line.includes('declines in the dialer'))).toBe(true);
    const call = (await lea.client.get(`/api/calls/${callId}`)).body;
    expect(call.result).not.toBe('answered');
    expect(call.record.legs.find((leg: { memberId?: string }) => leg.memberId === lea.memberId).status).toBe(
      'busy',
    );
    const late = await lea.client.post(`/api/calls/${callId}/answer`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('call_not_live');
  });

  it('refuses an answer from a member the call is not ringing, and a hang-up from one not on it', async () => {
    const { callId, story } = await ring('+33612340003');
    const other = await max.client.post(`/api/calls/${callId}/answer`);
    expect(other.status).toBe(404);
    expect((await lea.client.post(`/api/calls/${callId}/hangup`)).body.error.code).toBe('not_on_call');
    await lea.client.post(`/api/calls/${callId}/decline`);
    await story;
  });

  it('tells the simulator what the dialer did only when asked with the account’s signature', async () => {
    const url = `${server.url}/api/simulator/device?callSid=CA${'0'.repeat(32)}&identity=m_x`;
    expect((await fetch(url)).status).toBe(403);
    const forged = await fetch(url, {
      headers: { 'x-twilio-signature': computeTwilioSignature('nope', url, {}) },
    });
    expect(forged.status).toBe(403);
  });
});
