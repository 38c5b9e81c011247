import { ApiClient, type ApiResponse } from '../src/http/testing/client.ts';

export const CALLER = '+33612345678';
const OPEN_ALL_DAY = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
const PASSWORD = 'bench password, long enough';

export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
  readonly kind = 'setup';
}

function must(res: ApiResponse, status: number, what: string): ApiResponse {
  if (res.status !== status)
    throw new BenchSetupError(
      `${what} answered ${res.status} instead of ${status}: ${res.text.slice(0, 400)}`,
    );
  return res;
}

export interface BenchAccount {
  e164: string;
  memberIds: string[];
  onlineIds: string[];
  /** The online members' dialer heartbeat, as the dialer sends it every 20 s. */
  heartbeat(): Promise<void>;
}

/**
 * A team as a customer would set it up, over the HTTP API: admin signs up, buys a number, opens
 * every hour of the week (so the result does not depend on when the bench runs), invites
 * members, rings all of them at once, and knows the caller as a contact. Some members are
 * online, one is not, so the router has presence to filter.
 */
export async function setUpBenchAccount(
  baseUrl: string,
  options: { members: number; online: number },
): Promise<BenchAccount> {
  const stamp = Date.now().toString(36);
  const admin = new ApiClient(baseUrl);
  const signup = must(
    await admin.post('/api/signup', {
      email: `bench.${stamp}@example.com`,
      password: PASSWORD,
      name: 'Ada Admin',
      company: 'Bench SA',
    }),
    201,
    'Sign-up',
  );
  const memberIds: string[] = [signup.body.member.id];
  const available = must(await admin.get('/api/numbers/available?country=FR'), 200, 'Number search');
  const bought = must(
    await admin.post('/api/numbers', { e164: available.body.numbers[0].e164, assignTo: { team: true } }),
    201,
    'Buying a number',
  );
  must(await admin.put('/api/billing/plan', { plan: 'business' }), 200, 'Choosing the business plan');
  const preview = must(
    await admin.post('/api/billing/seat-changes', { delta: options.members - 1 }),
    201,
    'Seat change',
  );
  must(await admin.post(`/api/billing/seat-changes/${preview.body.id}/confirm`), 200, 'Seat confirmation');
  const clients = [admin];
  for (let i = 1; i < options.members; i++) {
    const invited = must(
      await admin.post('/api/team/invitations', { email: `member${i}.${stamp}@example.com`, role: 'member' }),
      201,
      'Invitation',
    );
    const member = new ApiClient(baseUrl);
    const accepted = must(
      await member.post('/api/invitations/accept', {
        token: new URL(invited.body.acceptUrl).searchParams.get('token'),
        name: `Member ${i}`,
        password: PASSWORD,
      }),
      201,
      'Accepting the invitation',
    );
    memberIds.push(accepted.body.member.id);
    clients.push(member);
  }
  const week = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, OPEN_ALL_DAY]),
  );
  must(
    await admin.put('/api/business-hours', {
      timeZone: 'Europe/Paris',
      days: week,
      holidays: [],
      afterHours: { kind: 'voicemail' },
    }),
    200,
    'Business hours',
  );
  must(
    await admin.put(`/api/numbers/${bought.body.id}/routing`, {
      strategy: 'simultaneous',
      members: memberIds,
    }),
    200,
    'Routing policy',
  );
  must(
    await admin.post('/api/contacts', { name: 'Camille Durand', company: 'Client SA', phones: [CALLER] }),
    201,
    'Contact',
  );
  const online = clients.slice(0, options.online);
  const heartbeat = async () => {
    for (const client of online)
      must(await client.put('/api/me/presence', { status: 'online' }), 200, 'Presence heartbeat');
  };
  await heartbeat();
  return { e164: bought.body.e164, memberIds, onlineIds: memberIds.slice(0, options.online), heartbeat };
}
