import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../store/sql.ts';
import { simulatorCredentials } from '../../telephony/account-carriers.ts';
import { formBody } from '../../telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../../telephony/twilio/webhooks/signature.ts';
import { buyFirstNumber, signUpAdmin } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let e164: string;
let accountSid: string;
let authToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const { client, memberId } = await signUpAdmin(server);
  const number = await buyFirstNumber(client);
  e164 = number.e164;
  await client.put(`/api/numbers/${number.id}/routing`, { strategy: 'simultaneous', members: [memberId] });
  await client.put('/api/me/presence', { status: 'online' });
  // Open around the clock, so the call rings whatever time the test runs.
  const always = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
  await client.put('/api/business-hours', {
    timeZone: 'Europe/Paris',
    days: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
    holidays: [],
    afterHours: { kind: 'voicemail' },
  });
  ({ accountSid, authToken } = simulatorCredentials(server.services.secrets));
});
afterAll(() => server.close());

const sid = (c: string) => `CA${c.repeat(32)}`;
const voiceParams = (callSid: string) => ({
  CallSid: callSid,
  AccountSid: accountSid,
  From: '+33612345678',
  To: e164,
  CallStatus: 'ringing',
  Direction: 'inbound',
  ApiVersion: '2010-04-01',
});

async function post(path: string, params: Record<string, string>, signature?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature !== undefined ? { 'x-twilio-signature': signature } : {}),
    },
    body: formBody(params),
  });
  return { status: res.status, text: await res.text() };
}

const signed = (path: string, params: Record<string, string>, token = authToken) =>
  post(path, params, computeTwilioSignature(token, `${server.url}${path}`, params));

const callCount = async () =>
  (await server.services.db.one<{ n: number }>(sql`select count(*)::int as n from calls`)).n;

describe('Twilio webhook signatures', () => {
  it('answers an unsigned voice webhook with 403 and opens no call', async () => {
    const res = await post('/webhooks/twilio/voice', voiceParams(sid('1')));
    expect(res.status).toBe(403);
    expect(await callCount()).toBe(0);
  });

  it('answers a voice webhook signed with another token, or for another URL, with 403', async () => {
    expect((await signed('/webhooks/twilio/voice', voiceParams(sid('2')), 'f'.repeat(32))).status).toBe(403);
    const params = voiceParams(sid('3'));
    const wrongUrl = computeTwilioSignature(authToken, `${server.url}/webhooks/twilio/other`, params);
    expect((await post('/webhooks/twilio/voice', params, wrongUrl)).status).toBe(403);
    const tampered = computeTwilioSignature(authToken, `${server.url}/webhooks/twilio/voice`, params);
    expect((await post('/webhooks/twilio/voice', { ...params, From: '+33699999999' }, tampered)).status).toBe(
      403,
    );
    expect(await callCount()).toBe(0);
  });

  it('rings the online member for a signed call and keeps the same call when Twilio retries', async () => {
    const first = await signed('/webhooks/twilio/voice', voiceParams(sid('4')));
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/<Dial [^>]*answerOnBridge="true"/);
    expect(first.text).toMatch(/<Client [^>]*url="[^"]*\/webhooks\/twilio\/answer\?call=/);
    const retry = await signed('/webhooks/twilio/voice', voiceParams(sid('4')));
    expect(retry.text).toBe(first.text);
    expect(await callCount()).toBe(1);
  });

  it('refuses unsigned status and action callbacks without touching the call', async () => {
    const call = await server.services.db.one<{ id: string; record: unknown }>(
      sql`select id, record from calls where carrier_call_sid = ${sid('4')}`,
    );
    const status = { ...voiceParams(sid('4')), CallStatus: 'completed', SequenceNumber: '3' };
    expect((await post('/webhooks/twilio/status', status)).status).toBe(403);
    expect(
      (await post(`/webhooks/twilio/dial?call=${call.id}&path=0`, { ...status, DialCallStatus: 'no-answer' }))
        .status,
    ).toBe(403);
    expect((await post(`/webhooks/twilio/answer?call=${call.id}&member=x`, status, 'bogus')).status).toBe(
      403,
    );
    const after = await server.services.db.one<{ record: unknown }>(
      sql`select record from calls where id = ${call.id}`,
    );
    expect(after.record).toEqual(call.record);
  });

  it('tells a caller of a number no account owns that it is not in service', async () => {
    const res = await signed('/webhooks/twilio/voice', { ...voiceParams(sid('5')), To: '+33199009999' });
    expect(res.text).toContain('not in service');
    expect(await callCount()).toBe(1);
  });
});
