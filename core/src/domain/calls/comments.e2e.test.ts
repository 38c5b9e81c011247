import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { inboundCall } from '../../sync/testing/sync-harness.ts';

/** Supervision: a coach pins comments to moments of a rep's call; the rep reads them. */
describe('coaching comments on calls', () => {
  let server: TestServer;
  let admin: ApiClient;
  let lea: { memberId: string; client: ApiClient };
  let max: { memberId: string; client: ApiClient };
  let callId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ client: admin } = await signUpAdmin(server));
    const number = await buyFirstNumber(admin, { team: true });
    await admin.put('/api/billing/plan', { plan: 'business' });
    await addSeats(admin, 2);
    lea = await addMember(server, admin);
    max = await addMember(server, admin);
    await lea.client.put('/api/me/presence', { status: 'online' });
    await openAroundTheClock(admin);
    await admin.put(`/api/numbers/${number.id}/routing`, {
      strategy: 'simultaneous',
      members: [lea.memberId],
    });
    callId = await inboundCall(server, {
      from: '+33612345678',
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 2 }], talkSeconds: 120 },
    });
  });
  afterAll(() => server?.close());

  it('keeps a coach’s comments by moment of the recording, and shows them to the rep', async () => {
    const later = await admin.post(`/api/calls/${callId}/comments`, {
      body: 'Bonne reformulation',
      atSeconds: 75,
    });
    expect(later.status).toBe(201);
    await admin.post(`/api/calls/${callId}/comments`, { body: 'Présentez-vous plus tôt', atSeconds: 5 });
    await admin.post(`/api/calls/${callId}/comments`, { body: 'Bon appel dans l’ensemble' });
    const seen = await lea.client.get(`/api/calls/${callId}/comments`);
    expect(
      seen.body.comments.map((c: { body: string; atSeconds: number | null }) => [c.atSeconds, c.body]),
    ).toEqual([
      [null, 'Bon appel dans l’ensemble'],
      [5, 'Présentez-vous plus tôt'],
      [75, 'Bonne reformulation'],
    ]);
    expect(seen.body.comments[1].authorName).toBe('Ada Admin');
  });

  it('hides a call’s comments from a member who had nothing to do with it', async () => {
    expect((await max.client.get(`/api/calls/${callId}/comments`)).status).toBe(404);
  });

  it('lets only admins comment, and names the field of a bad moment', async () => {
    expect((await lea.client.post(`/api/calls/${callId}/comments`, { body: 'moi-même' })).status).toBe(403);
    const bad = await admin.post(`/api/calls/${callId}/comments`, { body: 'x', atSeconds: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.atSeconds).toBeDefined();
  });
});
