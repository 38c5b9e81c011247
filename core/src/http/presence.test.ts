import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCall } from '../domain/calls/calls-store.ts';
import { sql } from '../store/sql.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
let admin: ApiClient;
let member: { client: ApiClient; memberId: string };

beforeAll(async () => {
  server = await startTestServer();
  ({ client: admin } = await signUpAdmin(server));
  await buyFirstNumber(admin);
  await addSeats(admin, 1);
  member = await addMember(server, admin);
});
afterAll(() => server.close());

/** Reads server-sent events from a stream until `until` says stop. */
async function readEvents(client: ApiClient, until: (events: { event: string; data: any }[]) => boolean) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/events`, {
    headers: { cookie: client.cookie! },
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: any }[] = [];
  let buffer = '';
  const ready = (async () => {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        cut = buffer.indexOf('\n\n');
      }
    }
    controller.abort();
    return events;
  })();
  return ready;
}

describe('presence', () => {
  it('shows a member online after a heartbeat, offline after they leave, and streams it to admins', async () => {
    const seen = readEvents(admin, (events) => events.filter((e) => e.event === 'presence').length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect((await member.client.put('/api/me/presence', { status: 'online' })).status).toBe(200);
    const online = await admin.get('/api/team/presence');
    expect(online.body.members.find((m: { memberId: string }) => m.memberId === member.memberId).status).toBe(
      'online',
    );

    await member.client.put('/api/me/presence', { status: 'offline' });
    const offline = await admin.get('/api/team/presence');
    expect(
      offline.body.members.find((m: { memberId: string }) => m.memberId === member.memberId).status,
    ).toBe('offline');

    const events = (await seen).filter((e) => e.event === 'presence');
    expect(events.map((e) => e.data)).toEqual([
      { type: 'presence', memberId: member.memberId, status: 'online' },
      { type: 'presence', memberId: member.memberId, status: 'offline' },
    ]);
  });

  it('does not stream the account’s events to a member who is not an admin', async () => {
    const seen = readEvents(member.client, (events) => events.some((e) => e.event === 'ready'));
    const events = await seen;
    expect(events[0]).toMatchObject({ event: 'ready', data: { channels: 1 } });
  });
});

describe('presence during a call', () => {
  it('shows a member on a live call as busy whatever their dialer says, and free again once it ends', async () => {
    await member.client.put('/api/me/presence', { status: 'online' });
    const accountId = (await admin.get('/api/me')).body.account.id;
    const { call } = await server.services.db.transaction((tx) =>
      openCall(tx, {
        accountId,
        carrierCallSid: `CA${'b'.repeat(32)}`,
        numberId: null,
        direction: 'outbound',
        from: '+33199000000',
        to: '+33612345678',
        memberId: member.memberId,
        plan: null,
      }),
    );
    const statusOf = async () =>
      (await admin.get('/api/team/presence')).body.members.find(
        (m: { memberId: string }) => m.memberId === member.memberId,
      );
    expect(await statusOf()).toMatchObject({ status: 'busy', onCall: true });
    await server.services.db.execute(sql`update calls set final = true where id = ${call.id}`);
    expect(await statusOf()).toMatchObject({ status: 'online', onCall: false });
  });
});
