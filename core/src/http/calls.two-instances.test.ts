import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '../bus/bus.ts';
import { createRedisBus } from '../bus/redis-bus.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { postgresTestStore } from '../store/testing.ts';
import { simulatorCredentials } from '../telephony/account-carriers.ts';
import type { CallScript } from '../telephony/simulator/voice/call-script.ts';
import { simulateInboundCall } from '../telephony/simulator/voice/index.ts';
import { formBody } from '../telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../telephony/twilio/webhooks/signature.ts';
import { serviceUrl, uniqueSuffix } from '../testing/services.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Two Parley instances behind one public address, sharing PostgreSQL and Redis, as in the
 * scaled-out deployment: Twilio's callbacks land on either, alternately.
 */
const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
const LB = 'http://parley-lb.test';

describe.skipIf(!databaseUrl || !redisUrl)('two instances sharing PostgreSQL and Redis', () => {
  let db: Db;
  let dropStore: () => Promise<void>;
  const buses: Bus[] = [];
  const instances: TestServer[] = [];
  let admin: ApiClient;
  let adminId: string;
  let lea: { client: ApiClient; memberId: string };
  let number: { id: string; e164: string };
  let turn = 0;
  const hits = [0, 0];

  /** The load balancer: each request goes to the next instance. */
  const balanced: typeof fetch = (input, init) => {
    const target = instances[turn++ % 2]!;
    hits[instances.indexOf(target)]! += 1;
    return fetch(String(input).replace(LB, target.url), init);
  };

  beforeAll(async () => {
    ({ db, cleanup: dropStore } = await postgresTestStore(databaseUrl!).open());
    const prefix = `parley:test:${uniqueSuffix()}:`;
    const secretKey = randomBytes(32);
    for (let i = 0; i < 2; i++) {
      const bus = await createRedisBus({ url: redisUrl!, keyPrefix: prefix });
      buses.push(bus);
      instances.push(await startTestServer({ db, bus, secretKey, publicUrl: LB }));
    }
    const signup = await signUpAdmin(instances[0]!);
    admin = signup.client;
    adminId = signup.memberId;
    number = await buyFirstNumber(admin);
    await admin.put('/api/billing/plan', { plan: 'business' });
    await addSeats(admin, 2);
    lea = await addMember(instances[1]!, admin);
    await admin.put('/api/business-hours', {
      timeZone: 'Europe/Paris',
      days: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
          d,
          { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] },
        ]),
      ),
      holidays: [],
      afterHours: { kind: 'voicemail' },
    });
    await admin.put('/api/me/presence', { status: 'online' });
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    for (const bus of buses) {
      await bus.close();
    }
    await dropStore();
  });

  async function call(script: CallScript) {
    const { accountSid, authToken } = simulatorCredentials(instances[0]!.services.secrets);
    const story = await simulateInboundCall({
      voiceUrl: `${LB}/webhooks/twilio/voice`,
      statusUrl: `${LB}/webhooks/twilio/status`,
      accountSid,
      authToken,
      from: '+33612345678',
      to: number.e164,
      script,
      fetch: balanced,
    });
    const latest = (await admin.get('/api/calls?limit=1')).body.calls[0];
    expect(latest.record.id, story.lines.join('\n')).toBe(story.callSid);
    return latest.record;
  }

  it('sees presence set through one instance from the other (Redis)', async () => {
    await lea.client.put('/api/me/presence', { status: 'online' });
    const list = await admin.get('/api/team/presence');
    expect(list.body.members.find((m: { memberId: string }) => m.memberId === lea.memberId)?.status).toBe(
      'online',
    );
  });

  it('completes simultaneous, cascade and IVR calls with callbacks alternating between instances', async () => {
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [adminId, lea.memberId],
    });
    const leaOnline = await fetch(`${instances[1]!.url}/api/team/presence`, {
      headers: { cookie: admin.cookie! },
    });
    expect(leaOnline.status).toBe(200);
    const simultaneous = await call({ answer: [{ by: lea.memberId }] });
    expect(simultaneous).toMatchObject({ result: 'answered', answeredBy: lea.memberId });
    expect(simultaneous.rungMemberIds.sort()).toEqual([adminId, lea.memberId].sort());

    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'cascade',
      steps: [{ memberId: lea.memberId }, { memberId: adminId }],
    });
    const cascade = await call({ answer: [{ by: adminId }] });
    expect(cascade).toMatchObject({ result: 'answered', answeredBy: adminId });

    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'ivr',
      greeting: { text: 'Press 1 for sales.', language: 'en' },
      options: [{ digit: '1', target: { kind: 'member', memberId: adminId } }],
    });
    const ivr = await call({ digits: ['1'], answer: [{ by: adminId }] });
    expect(ivr).toMatchObject({ result: 'answered', answeredBy: adminId });
    expect(hits[0]).toBeGreaterThan(5);
    expect(hits[1]).toBeGreaterThan(5);
  });

  it('gives a race of simultaneous answers on two instances exactly one winner, 1,000 times out of 1,000', async () => {
    const { authToken, accountSid } = simulatorCredentials(instances[0]!.services.secrets);
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [adminId, lea.memberId],
    });
    const post = async (instance: TestServer, path: string, params: Record<string, string>) => {
      const signature = computeTwilioSignature(authToken, `${LB}${path}`, params);
      const res = await fetch(`${instance.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: formBody(params),
      });
      return res.text();
    };
    const race = async (i: number) => {
      const parentSid = `CA${i.toString(16).padStart(8, '0')}${randomBytes(12).toString('hex')}`;
      const base = {
        AccountSid: accountSid,
        From: '+33612345678',
        To: number.e164,
        Direction: 'inbound',
        ApiVersion: '2010-04-01',
      };
      await post(instances[i % 2]!, '/webhooks/twilio/voice', {
        ...base,
        CallSid: parentSid,
        CallStatus: 'ringing',
      });
      // Earlier answered calls make members busy, so the plan may be voicemail: the race is on the hook alone.
      const { id: callId } = await db.one<{ id: string }>(
        sql`select id from calls where carrier_call_sid = ${parentSid}`,
      );
      const answers = await Promise.all(
        [adminId, lea.memberId].map((memberId, k) =>
          post(instances[k]!, `/webhooks/twilio/answer?call=${callId}&member=${memberId}`, {
            ...base,
            CallSid: `CA${randomBytes(16).toString('hex')}`,
            ParentCallSid: parentSid,
            CallStatus: 'in-progress',
            Direction: 'outbound-dial',
          }),
        ),
      );
      const winners = answers.filter((xml) => !xml.includes('<Hangup'));
      return winners.length;
    };
    const outcomes: number[] = [];
    for (let batch = 0; batch < 100; batch++)
      outcomes.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => race(batch * 10 + j)))));
    expect(outcomes).toHaveLength(1000);
    expect(outcomes.filter((w) => w === 1)).toHaveLength(1000);
  }, 180_000);
});
