import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBus } from '../bus/redis-bus.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { postgresTestStore } from '../store/testing.ts';
import { simulatorCredentials } from '../telephony/account-carriers.ts';
import { simulateInboundCall } from '../telephony/simulator/voice/index.ts';
import { formBody } from '../telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../telephony/twilio/webhooks/signature.ts';
import { startRoundRobinProxy } from '../testing/round-robin-proxy.ts';
import { serviceUrl, uniqueSuffix } from '../testing/services.ts';
import { runCallFlows } from './calls.flows.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, openAroundTheClock, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Two Parley instances behind one public address, sharing PostgreSQL and Redis, as in the
 * scaled-out deployment: Twilio's callbacks land on either, alternately.
 */
const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');

describe.skipIf(!databaseUrl || !redisUrl)('two instances sharing PostgreSQL and Redis', () => {
  let deployment: Awaited<ReturnType<typeof startTwoInstances>>;
  let instances: TestServer[];
  let db: Db;
  let admin: ApiClient;
  let adminId: string;
  let lea: { client: ApiClient; memberId: string };
  let number: { id: string; e164: string };

  beforeAll(async () => {
    deployment = await startTwoInstances();
    instances = deployment.servers;
    db = instances[0]!.services.db;
    const signup = await signUpAdmin(instances[0]!);
    admin = signup.client;
    adminId = signup.memberId;
    number = await buyFirstNumber(admin);
    await admin.put('/api/billing/plan', { plan: 'business' });
    await addSeats(admin, 2);
    lea = await addMember(instances[1]!, admin);
    await admin.put('/api/me/presence', { status: 'online' });
  }, 60_000);

  afterAll(() => deployment.close());

  it('sees presence set through one instance from the other (Redis)', async () => {
    await lea.client.put('/api/me/presence', { status: 'online' });
    const list = await admin.get('/api/team/presence');
    expect(list.body.members.find((m: { memberId: string }) => m.memberId === lea.memberId)?.status).toBe(
      'online',
    );
  });

  it('spreads one call’s webhooks over both instances, which finish it together', async () => {
    await admin.put(`/api/numbers/${number.id}/routing`, { strategy: 'simultaneous', members: [adminId] });
    await admin.put('/api/me/presence', { status: 'online' });
    await openAroundTheClock(admin);
    const before = new Map(deployment.proxy.counts);
    const story = await simulateInboundCall({
      voiceUrl: `${deployment.publicBase}/webhooks/twilio/voice`,
      statusUrl: `${deployment.publicBase}/webhooks/twilio/status`,
      ...simulatorCredentials(instances[0]!.services.secrets),
      from: '+33612345678',
      to: number.e164,
      script: { answer: [{ by: adminId }] },
    });
    for (const instance of instances) {
      const origin = new URL(instance.url).origin;
      expect((deployment.proxy.counts.get(origin) ?? 0) - (before.get(origin) ?? 0)).toBeGreaterThan(3);
    }
    const latest = (await admin.get('/api/calls?limit=1')).body.calls[0];
    expect(latest.record).toMatchObject({
      id: story.callSid,
      result: 'answered',
      answeredBy: adminId,
      final: true,
    });
  });

  it('gives a race of simultaneous answers on two instances exactly one winner, 1,000 times out of 1,000', async () => {
    const { authToken, accountSid } = simulatorCredentials(instances[0]!.services.secrets);
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [adminId, lea.memberId],
    });
    const post = async (instance: TestServer, path: string, params: Record<string, string>) => {
      const signature = computeTwilioSignature(authToken, `${deployment.publicBase}${path}`, params);
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

/**
 * Two instances behind a real round-robin proxy (their PUBLIC_URL), on a fresh PostgreSQL schema
 * and Redis key prefix.
 */
async function startTwoInstances() {
  const { db, cleanup } = await postgresTestStore(databaseUrl!).open();
  const prefix = `parley:test:${uniqueSuffix()}:`;
  const secretKey = randomBytes(32);
  const buses = [
    await createRedisBus({ url: redisUrl!, keyPrefix: prefix }),
    await createRedisBus({ url: redisUrl!, keyPrefix: prefix }),
  ];
  const servers: TestServer[] = [];
  const proxy = await startRoundRobinProxy(() => servers.map((s) => s.url));
  for (const bus of buses) servers.push(await startTestServer({ db, bus, secretKey, publicUrl: proxy.url }));
  return {
    servers,
    proxy,
    publicBase: proxy.url,
    async close() {
      await proxy.close();
      for (const server of servers) await server.close();
      for (const bus of buses) await bus.close();
      await cleanup();
    },
  };
}

if (databaseUrl && redisUrl)
  runCallFlows(
    'calls on two instances sharing PostgreSQL and Redis, callbacks alternating',
    startTwoInstances,
  );
