import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../http/testing/client.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { inboundCall } from '../sync/testing/sync-harness.ts';

/** The dashboard over real calls played through Twilio's webhooks by the simulator. */
describe('the dashboard API', () => {
  let server: TestServer;
  let admin: ApiClient;
  let lea: { memberId: string; client: ApiClient };
  let number: { id: string; e164: string };
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

  beforeAll(async () => {
    server = await startTestServer();
    ({ client: admin } = await signUpAdmin(server, { timeZone: 'Europe/Paris' }));
    number = await buyFirstNumber(admin, { team: true });
    await admin.put('/api/billing/plan', { plan: 'business' });
    await addSeats(admin, 1);
    lea = await addMember(server, admin);
    await lea.client.put('/api/me/presence', { status: 'online' });
    await openAroundTheClock(admin);
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [lea.memberId],
      ringSeconds: 20,
    });
    await inboundCall(server, {
      from: '+33612345678',
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 3 }], talkSeconds: 90 },
    });
    await inboundCall(server, {
      from: '+33698765432',
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 5 }], talkSeconds: 30 },
    });
    await inboundCall(server, {
      from: '+33611111111',
      to: number.e164,
      script: { noAnswerFrom: [lea.memberId] },
    });
  });
  afterAll(() => server?.close());

  it('gives the team’s and each member’s figures for today, in the account’s time zone', async () => {
    const res = await admin.get(`/api/analytics/dashboard?from=${today()}&to=${today()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeZone).toBe('Europe/Paris');
    expect(res.body.team).toMatchObject({
      calls: 3,
      inbound: 3,
      answered: 2,
      missed: 1,
      answerRate: 2 / 3,
      averageTalkSeconds: 60,
    });
    expect(res.body.members[lea.memberId]).toMatchObject({ calls: 2, answered: 2, missed: 1 });
    expect(res.body.byDay).toEqual([{ day: today(), inbound: 3, outbound: 0, missed: 1 }]);
    expect(res.body.byHour).toHaveLength(24);
  });

  it('filters to one member', async () => {
    const res = await admin.get(
      `/api/analytics/dashboard?from=${today()}&to=${today()}&memberId=${lea.memberId}`,
    );
    expect(res.body.team.calls).toBe(3);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const res = await admin.get('/api/analytics/dashboard?from=2026-03-10&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.to).toMatch(/on or after/);
  });

  it('is for admins', async () => {
    const res = await lea.client.get(`/api/analytics/dashboard?from=${today()}&to=${today()}`);
    expect(res.status).toBe(403);
  });
});
