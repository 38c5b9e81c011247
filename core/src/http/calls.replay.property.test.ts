import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simulatorCredentials } from '../telephony/account-carriers.ts';
import { type StoryRequest, simulateInboundCall } from '../telephony/simulator/voice/index.ts';
import { formBody } from '../telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../telephony/twilio/webhooks/signature.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Twilio's callbacks arrive late, twice and out of order. Record one real simulated call's
 * callbacks, then replay them over HTTP to fresh calls, shuffled and duplicated: every replay
 * must end with the same record as the call that got them in order.
 */
const FIXED = new Date('2026-11-25T10:00:00Z');
let server: TestServer;
let admin: ApiClient;
let e164: string;
let callbacks: StoryRequest[];
let voice: StoryRequest;
let originalSid: string;
let creds: { accountSid: string; authToken: string };

beforeAll(async () => {
  server = await startTestServer({ clock: () => FIXED });
  const signup = await signUpAdmin(server);
  admin = signup.client;
  const number = await buyFirstNumber(admin);
  e164 = number.e164;
  await admin.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin, 1);
  const lea = await addMember(server, admin);
  const always = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
  await admin.put('/api/business-hours', {
    timeZone: 'Europe/Paris',
    days: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
    holidays: [],
    afterHours: { kind: 'voicemail' },
  });
  await admin.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [signup.memberId, lea.memberId],
  });
  await admin.put('/api/me/presence', { status: 'online' });
  await lea.client.put('/api/me/presence', { status: 'online' });
  creds = simulatorCredentials(server.services.secrets);
  const story = await simulateInboundCall({
    voiceUrl: `${server.url}/webhooks/twilio/voice`,
    statusUrl: `${server.url}/webhooks/twilio/status`,
    ...creds,
    from: '+33612345678',
    to: e164,
    clock: () => FIXED,
    script: {
      answer: [{ by: lea.memberId, afterSeconds: 4 }],
      noAnswerFrom: [signup.memberId],
      talkSeconds: 65,
    },
  });
  originalSid = story.callSid;
  voice = story.requests[0]!;
  // Callbacks only: the documents Twilio fetches (step, gather, dial) are answered in order by nature.
  callbacks = story.requests.filter((r) =>
    /\/webhooks\/twilio\/(leg|status|recording|transcription|answer)/.test(r.url),
  );
}, 60_000);
afterAll(() => server.close());

async function post(url: string, params: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': computeTwilioSignature(creds.authToken, url, params),
    },
    body: formBody(params),
  });
  return res.status;
}

/** Replays the recorded call under a new parent sid, callbacks in the given order. */
async function replay(order: readonly number[]) {
  const sid = `CA${randomBytes(16).toString('hex')}`;
  const swap = (text: string) => text.split(originalSid).join(sid);
  await post(voice.url, { ...voice.params, CallSid: sid });
  const { id: callId } = (await admin.get('/api/calls?limit=1')).body.calls[0];
  const original = /call=([0-9a-f-]{36})/.exec(callbacks.find((c) => c.url.includes('call='))!.url)![1]!;
  for (const index of order) {
    const request = callbacks[index]!;
    const url = request.url.replace(original, callId);
    const params = Object.fromEntries(Object.entries(request.params).map(([k, v]) => [k, swap(v)]));
    expect(await post(url, params)).toBeLessThan(300);
  }
  const call = (await admin.get(`/api/calls/${callId}`)).body;
  const { id: _sid, ...record } = call.record;
  return JSON.parse(swap(JSON.stringify(record)).split(sid).join('<sid>'));
}

it('gives the same final record whatever the order and repetition of the callbacks', async () => {
  expect(callbacks.length).toBeGreaterThan(8);
  const inOrder = await replay(callbacks.map((_, i) => i));
  expect(inOrder).toMatchObject({ result: 'answered', talkSeconds: 65, final: true });
  expect(inOrder.legs).toHaveLength(2);
  expect(inOrder.recording).toBeDefined();
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.nat({ max: callbacks.length - 1 }), { maxLength: callbacks.length }).chain((extra) =>
        fc.shuffledSubarray([...callbacks.map((_, i) => i), ...extra], {
          minLength: callbacks.length + extra.length,
        }),
      ),
      async (order) => {
        expect(await replay(order)).toEqual(inOrder);
      },
    ),
    { numRuns: 15 },
  );
}, 120_000);
