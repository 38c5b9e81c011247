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
import { memberChannel } from '../events/channels.ts';

/** Supervision: a coach pins comments to moments of a rep's call; the rep reads them. */
describe('coaching comments on calls', () => {
  let server: TestServer;
  let admin: ApiClient;
  let lea: { memberId: string; client: ApiClient };
  let max: { memberId: string; client: ApiClient };
  let callId: string;
  let accountId: string;
  let adminId: string;
  const toLea: { type: string; isReply?: boolean; excerpt?: string }[] = [];
  const toAdmin: { type: string; isReply?: boolean }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({ client: admin, accountId, memberId: adminId } = await signUpAdmin(server));
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
    await server.services.bus.subscribe(memberChannel(accountId, lea.memberId), (m) => {
      toLea.push(m as (typeof toLea)[number]);
    });
    await server.services.bus.subscribe(memberChannel(accountId, adminId), (m) => {
      toAdmin.push(m as (typeof toAdmin)[number]);
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

  it('tells the rep of each new comment live, and lists it as unread until the rep opens the call', async () => {
    const before = toLea.length;
    await admin.post(`/api/calls/${callId}/comments`, { body: 'Pensez à proposer la démo', atSeconds: 90 });
    expect(toLea.slice(before)).toEqual([
      expect.objectContaining({
        type: 'coaching_comment',
        callId,
        isReply: false,
        excerpt: 'Pensez à proposer la démo',
      }),
    ]);
    const unread = await lea.client.get('/api/me/coaching-notices');
    expect(unread.body.unread).toBeGreaterThan(0);
    expect(unread.body.notices[0]).toMatchObject({
      callId,
      body: 'Pensez à proposer la démo',
      atSeconds: 90,
    });
    await lea.client.get(`/api/calls/${callId}/comments`);
    expect((await lea.client.get('/api/me/coaching-notices')).body).toEqual({ unread: 0, notices: [] });
  });

  it('threads the rep’s reply under the coach’s comment, at its moment, and tells the coach', async () => {
    const comment = await admin.post(`/api/calls/${callId}/comments`, {
      body: 'Trop rapide ici',
      atSeconds: 30,
    });
    const before = toAdmin.length;
    const reply = await lea.client.post(`/api/calls/${callId}/comments`, {
      body: 'Le client était pressé',
      parentId: comment.body.id,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ parentId: comment.body.id, atSeconds: 30, authorName: 'Max Member' });
    expect(toAdmin.slice(before)).toEqual([
      expect.objectContaining({ type: 'coaching_comment', isReply: true }),
    ]);
    // A reply to the reply stays in the same thread.
    const again = await admin.post(`/api/calls/${callId}/comments`, {
      body: 'Compris',
      parentId: reply.body.id,
    });
    expect(again.body.parentId).toBe(comment.body.id);
    const all = (await admin.get(`/api/calls/${callId}/comments`)).body.comments as { body: string }[];
    const bodies = all.map((c) => c.body);
    expect(bodies.slice(bodies.indexOf('Trop rapide ici'), bodies.indexOf('Trop rapide ici') + 3)).toEqual([
      'Trop rapide ici',
      'Le client était pressé',
      'Compris',
    ]);
  });

  it('lets members comment only on their own calls, and names the field of a bad moment', async () => {
    expect((await max.client.post(`/api/calls/${callId}/comments`, { body: 'moi-même' })).status).toBe(404);
    const own = await lea.client.post(`/api/calls/${callId}/comments`, {
      body: 'À revoir ensemble',
      atSeconds: 12,
    });
    expect(own.status).toBe(201);
    const bad = await admin.post(`/api/calls/${callId}/comments`, { body: 'x', atSeconds: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.atSeconds).toBeDefined();
    const stray = await admin.post(`/api/calls/${callId}/comments`, {
      body: 'x',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stray.status).toBe(404);
  });
});
