import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFr } from './messages-fr.ts';
import type { AnyRoute } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import { ApiClient } from './testing/client.ts';
import { buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
let admin: ApiClient;
const FR = { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } };
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const ENGLISH = new Set(Object.keys(messagesFr));

beforeAll(async () => {
  server = await startTestServer();
  ({ client: admin } = await signUpAdmin(server, { email: 'i18n.admin@example.com' }));
  await buyFirstNumber(admin);
});
afterAll(() => server.close());

const BAD: [string, string, () => ApiClient, unknown][] = [
  [
    'signup',
    '/api/signup',
    () => new ApiClient(server.url),
    { email: 'nope', password: 'short', name: '', company: '' },
  ],
  ['invitation', '/api/team/invitations', () => admin, { email: 'not-an-email', role: 'boss' }],
  ['contact', '/api/contacts', () => admin, { name: '', emails: ['x'] }],
  [
    'business hours',
    '/api/business-hours',
    () => admin,
    { timeZone: 'Mars/Olympus', days: {}, afterHours: {} },
  ],
];

describe('error messages follow the request language', () => {
  it.each(BAD)('%s: French with Accept-Language: fr, English without', async (_label, path, client, body) => {
    const method = path === '/api/business-hours' ? 'put' : 'post';
    const en = await client().call(method, path, body);
    const fr = await client().call(method, path, body, FR);
    expect(en.status, JSON.stringify(en.body)).toBe(400);
    expect(fr.status).toBe(400);
    expect(fr.body.error.code).toBe(en.body.error.code);
    const enFields = en.body.error.details.fields as Record<string, string>;
    const frFields = fr.body.error.details.fields as Record<string, string>;
    expect(Object.keys(frFields).sort()).toEqual(Object.keys(enFields).sort());
    let translated = 0;
    for (const [key, english] of Object.entries(enFields)) {
      if (ENGLISH.has(english)) expect(frFields[key], key).toBe(messagesFr[english]);
      if (frFields[key] !== english) translated++;
    }
    expect(translated, JSON.stringify(frFields)).toBeGreaterThan(0);
    expect(fr.body.error.message).not.toBe(en.body.error.message);
  });

  it('?lang=en wins over Accept-Language: fr', async () => {
    const res = await admin.call('post', '/api/team/invitations?lang=en', { email: 'x' }, FR);
    expect(res.body.error.details.fields.email).toBe('Not a valid email address');
  });
});

/**
 * Guard: every route with a body, sent `{}`, wrong types, an unknown field and a bad id, in French.
 * No field message nor error message may be one the table knows in English: each one the
 * fuzz reaches came back translated. It covers the zod defaults and the first-level messages of
 * route schemas; messages behind a valid first level (nested union branches, domain checks) are
 * covered by the table test and the examples above, not here.
 */
describe('guard: no known English message reaches a French client', () => {
  const concrete = (route: AnyRoute) => route.path.replace(':id', PLACEHOLDER_ID);
  const bodies: unknown[] = [{}, [1, 2, 3], { definitelyNotAField: 1 }, 'text', null];
  it.each(apiRoutes.filter((r) => r.body).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s',
    async (_label, route) => {
      const wrongTypes = Object.fromEntries(
        Object.keys((route.body as { shape?: Record<string, unknown> }).shape ?? {}).map((k) => [
          k,
          { wrong: true },
        ]),
      );
      for (const body of [...bodies, wrongTypes]) {
        for (const path of [concrete(route), route.path.replace(':id', 'not-a-uuid')]) {
          const res = await admin.call(route.method, path, body, FR);
          if (res.status < 400 || typeof res.body !== 'object') continue;
          const messages = [res.body.error.message, ...Object.values(res.body.error.details?.fields ?? {})];
          for (const message of messages) {
            expect(ENGLISH.has(message as string), `${path} ${JSON.stringify(body)} → ${message}`).toBe(
              false,
            );
            expect(message as string).not.toMatch(/^(This field is required|Expected \w+|Unknown fields?:)/);
          }
        }
      }
    },
  );
});
