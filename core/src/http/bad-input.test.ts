import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRoute } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import type { ApiClient } from './testing/client.ts';
import { buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
let admin: ApiClient;
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  server = await startTestServer();
  ({ client: admin } = await signUpAdmin(server, { email: 'fuzz.admin@example.com' }));
  await buyFirstNumber(admin);
});
afterAll(() => server.close());

const concrete = (route: AnyRoute) => route.path.replace(':id', PLACEHOLDER_ID);

function expectFieldLevel400(res: { status: number; body: any }, label: string) {
  expect(res.status, `${label} → ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code, label).toMatch(/invalid_input|malformed_json/);
  const fields = res.body.error.details.fields as Record<string, string>;
  expect(Object.keys(fields).length, label).toBeGreaterThan(0);
  for (const message of Object.values(fields)) expect(message.length, label).toBeGreaterThan(3);
}

describe('bad input on every route', () => {
  it.each(apiRoutes.filter((r) => r.body).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s answers 400 naming the field for an unknown field and a wrong type',
    async (label, route) => {
      const unknown = await admin.call(route.method, concrete(route), { definitelyNotAField: 1 });
      expectFieldLevel400(unknown, label);
      const wrongType = await admin.call(route.method, concrete(route), [1, 2, 3]);
      expectFieldLevel400(wrongType, label);
      const malformed = await admin.call(route.method, concrete(route), undefined, { raw: '{"broken": ' });
      expectFieldLevel400(malformed, label);
    },
  );

  it.each(
    apiRoutes
      .filter((r) => r.path.includes(':id'))
      .map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const),
  )('%s answers 400 on an id that is not a uuid', async (label, route) => {
    const res = await admin.call(
      route.method,
      route.path.replace(':id', 'not-a-uuid'),
      route.body ? {} : undefined,
    );
    expectFieldLevel400(res, label);
    expect(res.body.error.details.fields['params.id']).toBeDefined();
  });

  it.each(apiRoutes.filter((r) => r.query).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s answers 400 on an unknown query parameter',
    async (label, route) => {
      expectFieldLevel400(await admin.call(route.method, `${concrete(route)}?nonsense=1`), label);
    },
  );
});

// JSON values, and objects built from the field names the API really uses so the fuzzer gets
// past the first layer of validation.
const FIELD_NAMES = [
  'email',
  'password',
  'name',
  'company',
  'country',
  'timeZone',
  'locale',
  'quoteCode',
  'token',
  'role',
  'delta',
  'e164',
  'label',
  'assignTo',
  'memberId',
  'team',
  'strategy',
  'members',
  'steps',
  'ringSeconds',
  'fallback',
  'kind',
  'days',
  'mon',
  'ranges',
  'start',
  'end',
  'holidays',
  'afterHours',
  'format',
  'content',
  'phones',
  'emails',
  'plan',
  'brand',
  'last4',
  'expMonth',
  'expYear',
  'accountSid',
  'authToken',
  'greeting',
  'options',
  'digit',
  'target',
  'intents',
  'text',
  'language',
  'to',
];
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.dictionary(
    fc.constantFrom(...FIELD_NAMES),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()),
    { maxKeys: 8 },
  ),
);

describe('property: no input makes an admin route fail with a 500', () => {
  const mutating = apiRoutes.filter((r) => r.body && r.access !== 'public');
  it.each(mutating.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s never answers 5xx, and every 400 names a field',
    async (label, route) => {
      await fc.assert(
        fc.asyncProperty(jsonish, async (body) => {
          const res = await admin.call(route.method, concrete(route), body);
          expect(res.status, `${label} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBeLessThan(
            500,
          );
          if (res.status === 400)
            expect(Object.keys(res.body.error.details.fields ?? {}).length).toBeGreaterThan(0);
          expect(res.body?.error?.stack).toBeUndefined();
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );

  it.each(apiRoutes.filter((r) => r.query).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s never answers 5xx for any query string',
    async (label, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(
              'q',
              'limit',
              'offset',
              'country',
              'type',
              'areaCode',
              'contains',
              'before',
              'format',
            ),
            fc.string(),
          ),
          async (query) => {
            const qs = new URLSearchParams(query).toString();
            const res = await admin.call(route.method, `${concrete(route)}?${qs}`);
            expect(res.status, `${label}?${qs} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 40 },
      );
    },
    60_000,
  );
});
