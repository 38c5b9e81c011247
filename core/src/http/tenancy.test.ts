import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTING_MEMBER_HEADER } from '../attio-app/acting-member.ts';
import { openCall, recordCallEvents } from '../domain/calls/calls-store.ts';
import { saveConnection } from '../sync/connections.ts';
import { apiRoutes } from './routes/index.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Account B's admin walks every route of the API against account A's ids. Each route with an
 * :id must answer 404 (not 403: B must not even learn the id exists); list routes must not
 * show anything of A. A route added later without an entry here fails this test.
 */
let server: TestServer;
let a: { client: ApiClient; ids: Record<string, string>; marker: string };
let b: { client: ApiClient; memberId: string; email: string; token: string };

const MARKER = 'Alpha-Secret-Contact';

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signUpAdmin(server);
  const number = await buyFirstNumber(admin.client);
  await addSeats(admin.client, 3);
  const member = await addMember(server, admin.client);
  const invitation = await admin.client.post('/api/team/invitations', { email: 'pending.alpha@example.com' });
  const contact = await admin.client.post('/api/contacts', { name: MARKER, phones: ['+33612345678'] });
  const imported = await admin.client.post('/api/contacts/imports', {
    format: 'csv',
    content: 'Name,Phone\nAlpha Import,+33611111111\n',
  });
  const seatChange = await admin.client.post('/api/billing/seat-changes', { delta: 1 });
  const token = await admin.client.post('/api/me/tokens', { name: 'alpha token' });
  const { call } = await server.services.db.transaction((tx) =>
    openCall(tx, {
      accountId: admin.accountId,
      carrierCallSid: `CA${'a'.repeat(32)}`,
      numberId: number.id,
      direction: 'inbound',
      from: '+33612345678',
      to: number.e164,
      plan: null,
    }),
  );
  await recordCallEvents(server.services.db, call.id, [
    {
      type: 'call.created',
      sid: call.carrierCallSid,
      direction: 'inbound',
      from: '+33612345678',
      to: number.e164,
      numberE164: number.e164,
      at: new Date(),
    },
  ]);
  await admin.client.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [admin.memberId],
  });
  // Stored as a connect would store it: the connection rows are what tenancy must guard.
  const connection = await saveConnection(server.services.db, server.services.secrets, {
    accountId: admin.accountId,
    kind: 'odoo',
    config: { url: 'https://alpha.odoo.example' },
    connectedAs: { accountId: 'alpha-db', userId: '2', instanceUrl: 'https://alpha.odoo.example' },
    owners: [],
  });
  a = {
    client: admin.client,
    marker: MARKER,
    ids: {
      number: number.id,
      member: member.memberId,
      invitation: invitation.body.invitation.id,
      contact: contact.body.id,
      import: imported.body.id,
      seatChange: seatChange.body.id,
      token: token.body.id,
      call: call.id,
      crmConnection: connection.id,
    },
  };
  const other = await signUpAdmin(server);
  await buyFirstNumber(other.client);
  await other.client.put('/api/billing/plan', { plan: 'business' });
  const bToken = await other.client.post('/api/me/tokens', { name: 'attio' });
  b = { client: other.client, memberId: other.memberId, email: other.email, token: bToken.body.token };
});
afterAll(() => server.close());

const ID_OF: Record<string, string> = {
  '/api/numbers/:id': 'number',
  '/api/numbers/:id/routing': 'number',
  '/api/team/members/:id': 'member',
  '/api/team/invitations/:id': 'invitation',
  '/api/team/invitations/:id/resend': 'invitation',
  '/api/team/invitations/:id/revoke': 'invitation',
  '/api/contacts/:id': 'contact',
  '/api/contacts/imports/:id': 'import',
  '/api/billing/seat-changes/:id/confirm': 'seatChange',
  '/api/me/tokens/:id': 'token',
  '/api/calls/:id': 'call',
  '/api/calls/:id/crm': 'call',
  '/api/calls/:id/comments': 'call',
  '/api/calls/:id/supervisions': 'call',
  '/api/calls/:id/transfer': 'call',
  '/api/calls/:id/answer': 'call',
  '/api/calls/:id/decline': 'call',
  '/api/calls/:id/hangup': 'call',
  '/api/calls/:id/intelligence': 'call',
  '/api/calls/:id/intelligence/retry': 'call',
  '/api/calls/:id/recording': 'call',
  '/api/attio-app/calls/:id/notes': 'call',
  // A supervision needs a live call; supervision.e2e.test.ts tries another account on a real one.
  '/api/supervisions/:id': 'call',
  '/api/crm/connections/:id': 'crmConnection',
  '/api/crm/connections/:id/failures': 'crmConnection',
  '/api/crm/connections/:id/outcomes': 'crmConnection',
  '/api/crm/connections/:id/retry': 'crmConnection',
  '/api/crm/connections/:id/import': 'crmConnection',
  '/api/crm/connections/:id/owners/refresh': 'crmConnection',
};

// Bodies valid for B, so the request gets past validation and reaches the tenancy check.
function bodyFor(method: string, path: string): unknown {
  if (method === 'get' || method === 'delete') return undefined;
  if (path === '/api/numbers/:id/routing') return { strategy: 'simultaneous', members: [b.memberId] };
  if (path === '/api/team/members/:id') return { role: 'admin' };
  if (path === '/api/numbers/:id') return { label: 'stolen' };
  if (path === '/api/contacts/:id') return { name: 'stolen' };
  if (path === '/api/calls/:id') return { notes: 'stolen' };
  if (path === '/api/calls/:id/comments') return { body: 'stolen' };
  if (path === '/api/calls/:id/supervisions' || path === '/api/supervisions/:id') return { mode: 'listen' };
  if (path === '/api/calls/:id/transfer') return { to: b.memberId };
  if (path === '/api/attio-app/calls/:id/notes') return { text: 'stolen' };
  return {};
}

/**
 * Public routes answer to a signature instead of a session (a signed recording link, the
 * simulator's device signal): their own suites try other accounts' signatures on them.
 */
const sessionRoutes = apiRoutes.filter((r) => r.access !== 'public');

/** B as the Attio app calls Parley: B's API token, acting for B's admin. */
function asB(path: string) {
  return path.startsWith('/api/attio-app/')
    ? { headers: { authorization: `Bearer ${b.token}`, [ACTING_MEMBER_HEADER]: b.email } }
    : {};
}

describe('account isolation', () => {
  it('gives account B a 404 for every route that names one of account A’s resources', async () => {
    const withId = sessionRoutes.filter((r) => r.path.includes(':id'));
    expect(withId.length).toBeGreaterThan(5);
    for (const route of withId) {
      const kind = ID_OF[route.path];
      expect(kind, `no fixture id for ${route.path}: add one to ID_OF`).toBeDefined();
      const path = route.path.replace(':id', a.ids[kind!]!);
      const res = await b.client.call(route.method, path, bodyFor(route.method, route.path), asB(route.path));
      expect(res.status, `${route.method.toUpperCase()} ${route.path} → ${JSON.stringify(res.body)}`).toBe(
        404,
      );
    }
  });

  it('shows account B nothing of account A on any list or read route', async () => {
    const aIds = Object.values(a.ids);
    for (const route of sessionRoutes.filter(
      (r) => r.method === 'get' && !r.path.includes(':') && !r.stream,
    )) {
      const res = await b.client.call('get', route.path, undefined, asB(route.path));
      expect(res.status, `${route.path} → ${res.text.slice(0, 200)}`).toBeLessThan(400);
      for (const id of aIds) expect(res.text, `${route.path} leaks ${id}`).not.toContain(id);
      expect(res.text, `${route.path} leaks A's contact`).not.toContain(a.marker);
    }
  });

  it('left account A unchanged', async () => {
    const numbers = await a.client.get('/api/numbers');
    expect(numbers.body.numbers[0].label).toBeNull();
    const contact = await a.client.get(`/api/contacts/${a.ids.contact}`);
    expect(contact.body.name).toBe(MARKER);
    const invitation = await a.client.get(`/api/team/invitations/${a.ids.invitation}`);
    expect(invitation.body.state).toBe('pending');
    const members = await a.client.get('/api/team/members');
    expect(members.body.members.map((m: { id: string }) => m.id)).toContain(a.ids.member);
    const routing = await a.client.get(`/api/numbers/${a.ids.number}/routing`);
    expect(routing.body.policy.members).not.toContain(b.memberId);
    expect((await a.client.get('/api/billing')).body.seats).toBe(4);
  });
});
