import { expect } from 'vitest';
import type { ApiClient } from '../../../http/testing/client.ts';
import { addMember, addSeats, openAroundTheClock } from '../../../http/testing/fixtures.ts';
import type { TestServer } from '../../../http/testing/test-server.ts';
import { sql } from '../../../store/sql.ts';
import type { CallStory, DeviceSignal } from '../../../telephony/simulator/voice/index.ts';
import { simulateInboundCall } from '../../../telephony/simulator/voice/index.ts';

/** Polls until `read` returns something, or fails the test after `ms`. */
export async function eventually<T>(read: () => Promise<T | null | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * An inbound call with nobody scripted to answer, played on the server's webhooks while the
 * dialers decide through `devices`: resolves with the call's id once its row exists, and the
 * story when the call ends.
 */
export async function ringingCall(
  server: TestServer,
  input: {
    from: string;
    to: string;
    credentials: { accountSid: string; authToken: string };
    devices: DeviceSignal;
  },
): Promise<{ callId: string; story: Promise<CallStory> }> {
  const started = Date.now();
  const story = simulateInboundCall({
    voiceUrl: `${server.url}/webhooks/twilio/voice`,
    statusUrl: `${server.url}/webhooks/twilio/status`,
    ...input.credentials,
    from: input.from,
    to: input.to,
    script: { talkSeconds: 60 },
    devices: input.devices,
  });
  const row = await eventually(() =>
    server.services.db.maybeOne<{ id: string }>(
      sql`select id from calls where from_number = ${input.from}
        and created_at >= ${new Date(started - 1000)} and jsonb_array_length(record->'legs') > 0
        order by created_at desc limit 1`,
    ),
  );
  return { callId: row.id, story };
}

/** Waits until the member is recorded as having answered the call. */
export async function answeredBy(client: ApiClient, callId: string, memberId: string): Promise<void> {
  await eventually(async () => {
    const call = await client.get(`/api/calls/${callId}`);
    return call.body.record?.answeredBy === memberId ? true : null;
  });
  expect((await client.get(`/api/calls/${callId}`)).body.final).toBe(false);
}

/** A Business team whose number (the first `search` offers) rings Léa alone; Max is her teammate. */
export async function routedTeam(server: TestServer, admin: ApiClient, search: string) {
  const found = await admin.get(search);
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  const number = (
    await admin.post('/api/numbers', { e164: found.body.numbers[0].e164, assignTo: { team: true } })
  ).body as { id: string; e164: string };
  await admin.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin, 2);
  const lea = await addMember(server, admin);
  const max = await addMember(server, admin);
  await lea.client.put('/api/me/presence', { status: 'online' });
  await openAroundTheClock(admin);
  await admin.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [lea.memberId],
    ringSeconds: 20,
  });
  return { number, lea, max };
}
