import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { ApiClient } from './testing/client.ts';
import { signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  server = await startTestServer({ log: createLogger('info', sink) });
});
afterAll(() => server.close());

it('logs every request as JSON without tokens, cookies or passwords', async () => {
  const { client } = await signUpAdmin(server);
  const { body } = await client.post('/api/me/tokens', { name: 'script' });
  const bearer = new ApiClient(server.url, body.token);
  await bearer.get('/api/me');
  await new ApiClient(server.url).post('/api/session', {
    email: 'x@example.com',
    password: 'hunter2hunter2',
  });
  const all = lines.join('');
  const records = lines.map((l) => JSON.parse(l));
  expect(records.some((r) => r.req?.url === '/api/me' && r.res?.statusCode === 200)).toBe(true);
  expect(all).toContain('[redacted]');
  expect(all).not.toContain(body.token);
  expect(all).not.toContain(client.cookie!.split('=')[1]);
  expect(all).not.toContain('hunter2hunter2');
});
