import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const logLines: string[] = [];
let server: TestServer;
let member: { client: ApiClient; memberId: string };

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  server = await startTestServer({ log: createLogger('info', sink) });
  const admin = await signUpAdmin(server);
  await buyFirstNumber(admin.client);
  await addSeats(admin.client, 1);
  member = await addMember(server, admin.client);
});
afterAll(() => server.close());

async function mint(client: ApiClient): Promise<{ token: string; expiresAt: string }> {
  const res = await client.post('/api/session/embed-token');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The first event /api/events sends (`ready`), or the status when it refuses to stream. */
async function firstEvent(query: string): Promise<{ status: number; event?: string; data?: unknown }> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/events${query}`, { signal: controller.signal });
  if (res.status !== 200 || !res.body) {
    await res.text();
    return { status: res.status };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  while (!buffer.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
  }
  controller.abort();
  const block = buffer.slice(0, buffer.indexOf('\n\n'));
  const data = /^data: (.*)$/m.exec(block)?.[1];
  return {
    status: res.status,
    event: /^event: (.*)$/m.exec(block)?.[1],
    data: data === undefined ? undefined : JSON.parse(data),
  };
}

describe('embed tokens for the dialer framed in a CRM', () => {
  it('lets the member call the API as a bearer, with no cookie, for 15 minutes', async () => {
    const before = Date.now();
    const { token, expiresAt } = await mint(member.client);
    expect(token.startsWith('pe_')).toBe(true);
    const lifetime = new Date(expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    const framed = new ApiClient(server.url, token);
    const me = await framed.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.member.id).toBe(member.memberId);
    expect((await framed.put('/api/me/presence', { status: 'online' })).status).toBe(200);
  });

  it('opens the live events stream with ?access_token=, since EventSource cannot send headers', async () => {
    const { token } = await mint(member.client);
    const opened = await firstEvent(`?access_token=${encodeURIComponent(token)}`);
    expect(opened).toMatchObject({ status: 200, event: 'ready', data: { channels: 1 } });
    // The token in the URL must not reach the logs (the stream's line is written once it closes).
    await expect
      .poll(() => logLines.some((line) => line.includes('/api/events?access_token=[redacted]')))
      .toBe(true);
    expect(logLines.join('')).not.toContain(token);
  });

  it('takes a token from the URL on the events stream only, and never an API token there', async () => {
    const { token } = await mint(member.client);
    expect((await new ApiClient(server.url).get(`/api/me?access_token=${token}`)).status).toBe(401);
    const apiToken = (await member.client.post('/api/me/tokens', { name: 'script' })).body.token as string;
    expect((await firstEvent(`?access_token=${apiToken}`)).status).toBe(401);
  });

  it('cannot mint another token: only a signed-in session can', async () => {
    const { token } = await mint(member.client);
    const again = await new ApiClient(server.url, token).post('/api/session/embed-token');
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('session_required');
    const apiToken = (await member.client.post('/api/me/tokens', { name: 'crm' })).body.token as string;
    expect((await new ApiClient(server.url, apiToken).post('/api/session/embed-token')).status).toBe(403);
  });

  it('answers 401 to a wrong token, and to a real one once it has expired', async () => {
    const { token } = await mint(member.client);
    expect((await new ApiClient(server.url, `${token.slice(0, -2)}xx`).get('/api/me')).status).toBe(401);
    expect((await new ApiClient(server.url, 'pe_nonsense').get('/api/me')).status).toBe(401);
    expect((await firstEvent('?access_token=pe_nonsense')).status).toBe(401);

    server.travel(15 * 60_000 + 1_000);
    try {
      expect((await new ApiClient(server.url, token).get('/api/me')).status).toBe(401);
      expect((await firstEvent(`?access_token=${encodeURIComponent(token)}`)).status).toBe(401);
      // The session that minted it lives on (30 days): the popup can mint a fresh one.
      expect((await member.client.post('/api/session/embed-token')).status).toBe(201);
    } finally {
      server.travel(-(15 * 60_000 + 1_000));
    }
  });
});
