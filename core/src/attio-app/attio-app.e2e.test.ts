import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../http/testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';
import { ACTING_MEMBER_HEADER } from './acting-member.ts';

interface Schema {
  safeParse(value: unknown): { error?: unknown };
}
/**
 * The Attio app's own schemas of these answers (attio-app/src/parley/schemas.ts), loaded by URL
 * since that folder is outside core's sources: the core must keep answering what the app parses.
 */
const { NotedCall, PersonCalls, StartedCall } = (await import(
  new URL('../../../attio-app/src/parley/schemas.ts', import.meta.url).href
)) as Record<'NotedCall' | 'PersonCalls' | 'StartedCall', Schema>;

let server: TestServer;
let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let max: Awaited<ReturnType<typeof addMember>>;
/** The Attio workspace's secret: an API token of the admin who installed the app. */
let installToken: string;

const ATTIO_PERSON = 'a1b2c3d4-0000-4000-8000-000000000001';
const PERSON_NUMBER = '+33698765432';

async function token(client: ApiClient, name: string): Promise<string> {
  const res = await client.post('/api/me/tokens', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.token;
}

/** What the Attio app's server functions send: the secret, and the Attio user they act for. */
function asAttio(
  method: string,
  path: string,
  actingAs: string | null,
  body?: unknown,
  secret = installToken,
) {
  return new ApiClient(server.url, secret).call(method, path, body, {
    headers: actingAs ? { [ACTING_MEMBER_HEADER]: actingAs } : {},
  });
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signUpAdmin(server);
  await buyFirstNumber(admin.client);
  await addSeats(admin.client, 1);
  max = await addMember(server, admin.client);
  expect((await max.client.patch('/api/me', { phone: '06 11 22 33 44' })).status).toBe(200);
  expect((await admin.client.patch('/api/me', { phone: '06 55 44 33 22' })).status).toBe(200);
  installToken = await token(admin.client, 'Attio');
  // The Attio sync linked this Attio person to a Parley contact.
  const db = server.services.db;
  const connection = await db.one<{
    id: string;
  }>(sql`insert into crm_connections (account_id, kind, config, connected_as)
    values (${admin.accountId}, 'attio', 'sealed', ${JSON.stringify({ accountId: 'ws_1' })}) returning id`);
  const contact = await db.one<{ id: string }>(sql`insert into contacts (account_id, name, phones)
    values (${admin.accountId}, 'Paula Person', ${[PERSON_NUMBER]}) returning id`);
  await db.execute(sql`insert into contact_links (connection_id, crm_id, contact_id, account_id, crm_object_type, content_hash)
    values (${connection.id}, ${ATTIO_PERSON}, ${contact.id}, ${admin.accountId}, 'people', 'h')`);
});
afterAll(() => server.close());

describe('who the Attio app may act for', () => {
  it('accepts an admin’s API token and names the account it reaches', async () => {
    const res = await asAttio('get', '/api/attio-app/installation', null);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.account).toEqual({ id: admin.accountId, name: 'Acme' });
  });

  it('refuses a member’s API token: only an admin’s may act for others', async () => {
    const memberToken = await token(max.client, 'mine');
    const res = await asAttio(
      'get',
      `/api/attio-app/people/${ATTIO_PERSON}/calls`,
      max.email,
      undefined,
      memberToken,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('admin_only');
  });

  it('refuses a browser session, even an admin’s', async () => {
    const res = await admin.client.call('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, undefined, {
      headers: { [ACTING_MEMBER_HEADER]: max.email },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('api_token_required');
  });

  it('asks for the Attio user when the header is missing', async () => {
    const res = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, null);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('acting_member_required');
  });

  it('says so when no member of the account has the Attio user’s email', async () => {
    const res = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, 'stranger@example.com');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'member_not_found' });
    expect(res.body.error.message).toMatch(/invite this person to Parley/);
  });
});

describe('calling and call history from an Attio record', () => {
  let maxCallId: string;

  it('rings the Attio user’s own phone first and records the call as theirs, with the linked contact', async () => {
    const placed = await asAttio('post', '/api/attio-app/calls', max.email.toUpperCase(), {
      to: '06 98 76 54 32',
      recordId: ATTIO_PERSON,
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ mode: 'simulated', to: PERSON_NUMBER, callId: expect.any(String) });
    expect(StartedCall.safeParse(placed.body).error).toBeUndefined();
    maxCallId = placed.body.callId;
    const call = (await max.client.get(`/api/calls/${maxCallId}`)).body;
    expect(call).toMatchObject({ memberId: max.memberId, to: PERSON_NUMBER, contactId: expect.any(String) });
    expect(call.record).toMatchObject({ result: 'answered', talkSeconds: 30 });
  });

  it('lists the person’s calls with outcome, duration and who took them, newest first', async () => {
    const res = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, max.email);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(PersonCalls.safeParse(res.body).error).toBeUndefined();
    expect(res.body.calls).toHaveLength(1);
    expect(res.body.calls[0]).toMatchObject({
      id: maxCallId,
      direction: 'outbound',
      number: PERSON_NUMBER,
      result: 'answered',
      live: false,
      durationSeconds: 30,
      member: { name: 'Max Member', email: max.email },
    });
  });

  it('carries the AI summary and a signed recording link once the pipeline has them', async () => {
    const db = server.services.db;
    await db.execute(sql`insert into call_summaries (call_id, account_id, kind, engine, summary, next_steps)
      values (${maxCallId}, ${admin.accountId}, 'ai', 'test', 'Wants a quote for 12 seats.', ${JSON.stringify(['Send the quote'])})`);
    await db.execute(sql`insert into call_recordings (call_id, account_id, recording_sid, source_url, audio)
      values (${maxCallId}, ${admin.accountId}, 'RE1', 'https://api.twilio.com/RE1', ${Buffer.from('RIFF')})`);
    const res = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, max.email);
    expect(res.body.calls[0].summary).toBe('Wants a quote for 12 seats.\nNext steps: Send the quote');
    const link = new URL(res.body.calls[0].recordingUrl);
    expect(link.pathname).toBe(`/api/recordings/${maxCallId}`);
    expect(link.searchParams.get('account')).toBe(admin.accountId);
    expect(link.searchParams.get('signature')).toBeTruthy();
    expect(PersonCalls.safeParse(res.body).error).toBeUndefined();
  });

  it('finds a call by the person’s number when no contact was linked to it', async () => {
    const other = await admin.client.post('/api/calls', {
      to: '+33611111111',
      mode: 'call_me_first',
      simulate: { noAnswerFrom: ['customer'] },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const withNumber = await asAttio(
      'get',
      `/api/attio-app/people/${ATTIO_PERSON}/calls?phones=${encodeURIComponent('06 11 11 11 11,not a number')}`,
      admin.email,
    );
    expect(withNumber.body.calls.map((c: { id: string }) => c.id)).toEqual([other.body.callId, maxCallId]);
    expect(withNumber.body.calls[0]).toMatchObject({ result: 'missed', durationSeconds: 0 });
    const without = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, admin.email);
    expect(without.body.calls.map((c: { id: string }) => c.id)).toEqual([maxCallId]);
  });

  it('shows a member only their own calls, as Parley does everywhere', async () => {
    const res = await asAttio(
      'get',
      `/api/attio-app/people/${ATTIO_PERSON}/calls?phones=${encodeURIComponent('+33611111111')}`,
      max.email,
    );
    expect(res.body.calls.map((c: { id: string }) => c.id)).toEqual([maxCallId]);
  });

  it('adds notes under the rep’s, each signed by its author', async () => {
    expect((await max.client.patch(`/api/calls/${maxCallId}`, { notes: 'Wants a quote' })).status).toBe(200);
    const first = await asAttio('post', `/api/attio-app/calls/${maxCallId}/notes`, max.email, {
      text: 'Sent the quote',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await asAttio('post', `/api/attio-app/calls/${maxCallId}/notes`, admin.email, {
      text: '  Follow up Monday ',
    });
    expect(NotedCall.safeParse(second.body).error).toBeUndefined();
    expect(second.body.notes).toBe(
      'Wants a quote\n\nMax Member: Sent the quote\n\nAda Admin: Follow up Monday',
    );
    const listed = await asAttio('get', `/api/attio-app/people/${ATTIO_PERSON}/calls`, max.email);
    expect(listed.body.calls[0].notes).toBe(second.body.notes);
  });

  it('keeps a member from adding notes to a call they cannot see', async () => {
    const adminCall = await admin.client.post('/api/calls', { to: '+33622222222', mode: 'call_me_first' });
    const res = await asAttio('post', `/api/attio-app/calls/${adminCall.body.callId}/notes`, max.email, {
      text: 'Not mine',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('call_not_found');
  });

  it('refuses an empty note, naming the field', async () => {
    const res = await asAttio('post', `/api/attio-app/calls/${maxCallId}/notes`, max.email, { text: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.text).toBe('Write the note');
  });
});
