import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../http/testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import { sql } from '../store/sql.ts';

const SECRET = 'hubspot-app-client-secret';
const PORTAL = '4711';
const HUBSPOT_CONTACT = '901';
const PERSON_NUMBER = '+33698765432';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let max: Awaited<ReturnType<typeof addMember>>;

/**
 * A request as `hubspot.fetch` sends it: HubSpot's query (portal, user) on the URL and the v3
 * signature — base64 HMAC-SHA256 of method, URI, body and timestamp under the app's client secret,
 * computed here from HubSpot's docs rather than with Parley's own signer.
 */
async function asHubspot(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; email?: string; portal?: string; signedAt?: number; secret?: string } = {},
) {
  const separator = path.includes('?') ? '&' : '?';
  const caller = new URLSearchParams({
    portalId: options.portal ?? PORTAL,
    userId: '77',
    userEmail: options.email ?? max.email,
    appId: '1234',
  });
  const pathAndQuery = `${path}${separator}${caller}`;
  const raw = options.body === undefined ? '' : JSON.stringify(options.body);
  const timestamp = String(options.signedAt ?? Date.now());
  // HubSpot signs the URI with `@` (and a few other escapes) decoded.
  const signature = createHmac('sha256', options.secret ?? SECRET)
    .update(`${method}${server.url}${pathAndQuery.replaceAll('%40', '@')}${raw}${timestamp}`)
    .digest('base64');
  return new ApiClient(server.url).call(method, pathAndQuery, options.body, {
    headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
  });
}

beforeAll(async () => {
  server = await startTestServer({
    crm: {
      apps: {
        hubspot: {
          clientId: 'app',
          clientSecret: SECRET,
          authBaseUrl: 'https://app.hubspot.com',
          webhookSecret: SECRET,
        },
      },
    },
  });
  admin = await signUpAdmin(server);
  await buyFirstNumber(admin.client);
  await addSeats(admin.client, 1);
  max = await addMember(server, admin.client);
  expect((await max.client.patch('/api/me', { phone: '06 11 22 33 44' })).status).toBe(200);
  // The account connected HubSpot portal 4711; its sync linked HubSpot contact 901 to a Parley contact.
  const db = server.services.db;
  const connection = await db.one<{
    id: string;
  }>(sql`insert into crm_connections (account_id, kind, config, connected_as)
    values (${admin.accountId}, 'hubspot', 'sealed', ${JSON.stringify({ accountId: PORTAL })}) returning id`);
  const contact = await db.one<{ id: string }>(sql`insert into contacts (account_id, name, phones)
    values (${admin.accountId}, 'Paula Person', ${[PERSON_NUMBER]}) returning id`);
  await db.execute(sql`insert into contact_links (connection_id, crm_id, contact_id, account_id, crm_object_type, content_hash)
    values (${connection.id}, ${HUBSPOT_CONTACT}, ${contact.id}, ${admin.accountId}, 'contacts', 'h')`);
});
afterAll(() => server?.close());

describe('the HubSpot card’s routes take only requests HubSpot signed', () => {
  const path = `/hubspot/card/calls?objectTypeId=0-1&objectId=${HUBSPOT_CONTACT}`;

  it('answers a request signed now with the app’s secret', async () => {
    const res = await asHubspot('GET', path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ calls: [] });
  });

  it('refuses a signature older than five minutes, even a correct one', async () => {
    const res = await asHubspot('GET', path, { signedAt: Date.now() - 6 * 60_000 });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('hubspot_signature_invalid');
    expect(res.body.error.message).toMatch(/5-minute window/);
  });

  it('refuses a signature made with another secret, and one whose URL was changed after signing', async () => {
    const forged = await asHubspot('GET', path, { secret: 'guessed' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('hubspot_signature_invalid');
    const timestamp = String(Date.now());
    const signedUrl = `${server.url}${path}&portalId=${PORTAL}&userEmail=${max.email}`;
    const signature = createHmac('sha256', SECRET).update(`GET${signedUrl}${timestamp}`).digest('base64');
    const tampered = await fetch(
      `${server.url}${path}&portalId=${PORTAL}&userEmail=${encodeURIComponent(admin.email)}`,
      {
        headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
      },
    );
    expect(tampered.status).toBe(401);
  });

  it('refuses a request with no signature at all', async () => {
    const res = await fetch(
      `${server.url}${path}&portalId=${PORTAL}&userEmail=${encodeURIComponent(max.email)}`,
    );
    expect(res.status).toBe(401);
  });

  it('says which portal is not connected, and which HubSpot user is not on the team', async () => {
    const portal = await asHubspot('GET', path, { portal: '999' });
    expect(portal.status).toBe(404);
    expect(portal.body.error.code).toBe('hubspot_portal_unknown');
    const user = await asHubspot('GET', path, { email: 'stranger@example.com' });
    expect(user.status).toBe(403);
    expect(user.body.error).toMatchObject({ code: 'hubspot_user_unknown' });
  });
});

describe('calls, notes and click-to-call from a HubSpot record', () => {
  let callId: string;

  it('rings the HubSpot user’s own phone first, on the contact the card is on', async () => {
    const placed = await asHubspot('POST', '/hubspot/card/calls', {
      body: { to: '06 98 76 54 32', contactId: HUBSPOT_CONTACT },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ mode: 'simulated', to: PERSON_NUMBER, callId: expect.any(String) });
    callId = placed.body.callId;
    const call = (await max.client.get(`/api/calls/${callId}`)).body;
    expect(call).toMatchObject({ memberId: max.memberId, to: PERSON_NUMBER, contactId: expect.any(String) });
  });

  it('lists the record’s calls with direction, member, duration and outcome', async () => {
    const res = await asHubspot('GET', `/hubspot/card/calls?objectTypeId=0-1&objectId=${HUBSPOT_CONTACT}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.calls).toEqual([
      {
        id: callId,
        direction: 'outbound',
        number: PERSON_NUMBER,
        startedAt: expect.any(String),
        member: 'Max Member',
        talkSeconds: 30,
        result: 'answered',
        disposition: null,
        notes: '',
        summary: null,
        recordingUrl: null,
      },
    ]);
  });

  it('finds a company’s calls through the contacts associated with it, and none for a record Parley never called', async () => {
    const company = await asHubspot(
      'GET',
      `/hubspot/card/calls?objectTypeId=0-2&objectId=55&contactIds=${HUBSPOT_CONTACT},902`,
    );
    expect(company.body.calls.map((c: { id: string }) => c.id)).toEqual([callId]);
    const other = await asHubspot('GET', '/hubspot/card/calls?objectTypeId=0-1&objectId=902');
    expect(other.body).toEqual({ calls: [] });
  });

  it('adds notes to a call, keeping the ones before', async () => {
    const first = await asHubspot('POST', '/hubspot/card/notes', { body: { callId, note: 'Wants a quote' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await asHubspot('POST', '/hubspot/card/notes', {
      body: { callId, note: 'Call back Friday' },
    });
    expect(second.body).toEqual({ id: callId, notes: 'Wants a quote\n\nCall back Friday' });
    const listed = await asHubspot('GET', `/hubspot/card/calls?objectTypeId=0-1&objectId=${HUBSPOT_CONTACT}`);
    expect(listed.body.calls[0].notes).toBe('Wants a quote\n\nCall back Friday');
  });

  it('shows a member only their own calls with the record and an admin the team’s, as Parley does', async () => {
    expect((await admin.client.patch('/api/me', { phone: '06 55 44 33 22' })).status).toBe(200);
    const adminCall = await asHubspot('POST', '/hubspot/card/calls', {
      body: { to: PERSON_NUMBER, contactId: HUBSPOT_CONTACT },
      email: admin.email,
    });
    expect(adminCall.status, JSON.stringify(adminCall.body)).toBe(201);
    const path = `/hubspot/card/calls?objectTypeId=0-1&objectId=${HUBSPOT_CONTACT}`;
    const mine = await asHubspot('GET', path);
    expect(mine.body.calls.map((c: { id: string }) => c.id)).toEqual([callId]);
    const team = await asHubspot('GET', path, { email: admin.email });
    expect(team.body.calls.map((c: { id: string }) => c.id)).toEqual([adminCall.body.callId, callId]);
    const note = await asHubspot('POST', '/hubspot/card/notes', {
      body: { callId: adminCall.body.callId, note: 'x' },
    });
    expect(note.status).toBe(404);
  });

  it('refuses an empty note', async () => {
    const note = await asHubspot('POST', '/hubspot/card/notes', { body: { callId, note: ' ' } });
    expect(note.status).toBe(400);
    expect(note.body.error.details.fields).toEqual({ note: 'Write the note' });
  });
});

describe('recordings for HubSpot’s player', () => {
  let callId: string;

  beforeAll(async () => {
    const placed = await asHubspot('POST', '/hubspot/card/calls', {
      body: { to: PERSON_NUMBER, contactId: HUBSPOT_CONTACT },
    });
    callId = placed.body.callId;
    await server.services.db.execute(sql`insert into call_recordings (call_id, account_id, recording_sid, source_url, channels)
      values (${callId}, ${admin.accountId}, 'RE1', 'https://api.twilio.com/recordings/RE1', 2)`);
  });

  it('answers HubSpot’s signed request for a call’s recording with a signed, expiring Parley link', async () => {
    const res = await asHubspot(
      'GET',
      `/hubspot/recordings/${callId}?appId=1234&externalAccountId=${admin.accountId}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const link = new URL(res.body.authenticatedUrl);
    expect(link.pathname).toBe(`/api/recordings/${callId}`);
    expect(link.searchParams.get('account')).toBe(admin.accountId);
    const expires = Number(link.searchParams.get('expires')) * 1000;
    expect(expires - Date.now()).toBeGreaterThan(10 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('links the recording from the card', async () => {
    const res = await asHubspot('GET', `/hubspot/card/calls?objectTypeId=0-1&objectId=${HUBSPOT_CONTACT}`);
    const withRecording = res.body.calls.find((c: { id: string }) => c.id === callId);
    expect(new URL(withRecording.recordingUrl).pathname).toBe(`/api/recordings/${callId}`);
  });

  it('refuses another account’s id, and an unsigned request', async () => {
    const other = await asHubspot(
      'GET',
      `/hubspot/recordings/${callId}?appId=1234&externalAccountId=00000000-0000-4000-8000-000000000000`,
    );
    expect(other.status).toBe(404);
    const unsigned = await fetch(
      `${server.url}/hubspot/recordings/${callId}?externalAccountId=${admin.accountId}`,
    );
    expect(unsigned.status).toBe(401);
  });
});
