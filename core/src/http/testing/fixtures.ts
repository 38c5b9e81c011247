import { expect } from 'vitest';
import { ApiClient } from './client.ts';
import type { TestServer } from './test-server.ts';

let counter = 0;

export function uniqueEmail(prefix = 'admin'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.com`;
}

export async function signUpAdmin(server: TestServer, extra: Record<string, unknown> = {}) {
  const client = new ApiClient(server.url);
  const email = uniqueEmail();
  const res = await client.post('/api/signup', {
    email,
    password: 'correct horse battery',
    name: 'Ada Admin',
    company: 'Acme',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { client, email, accountId: res.body.account.id as string, memberId: res.body.member.id as string };
}

/** Buys the first available simulator number for the admin, opening team settings. */
export async function buyFirstNumber(client: ApiClient, assignTo: unknown = null) {
  const search = await client.get('/api/numbers/available?country=FR');
  expect(search.status, JSON.stringify(search.body)).toBe(200);
  const e164 = search.body.numbers[0].e164 as string;
  const res = await client.post('/api/numbers', { e164, assignTo });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; e164: string };
}

export async function addSeats(client: ApiClient, delta: number) {
  const preview = await client.post('/api/billing/seat-changes', { delta });
  expect(preview.status, JSON.stringify(preview.body)).toBe(201);
  const confirm = await client.post(`/api/billing/seat-changes/${preview.body.id}/confirm`);
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  return confirm.body;
}

/** Invites and accepts; returns the new member's signed-in client. */
export async function addMember(server: TestServer, admin: ApiClient, role = 'member') {
  const email = uniqueEmail('member');
  const invited = await admin.post('/api/team/invitations', { email, role });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const token = new URL(invited.body.acceptUrl).searchParams.get('token')!;
  const member = new ApiClient(server.url);
  const accepted = await member.post('/api/invitations/accept', {
    token,
    name: 'Max Member',
    password: 'another good password',
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return {
    client: member,
    email,
    memberId: accepted.body.member.id as string,
    invitationId: invited.body.invitation.id as string,
  };
}

/**
 * Business hours open every day around the clock: a test's call must reach its members whatever
 * the day and hour the suite runs (the default hours send a Sunday-night call to voicemail).
 */
export async function openAroundTheClock(admin: ApiClient) {
  const always = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
  const res = await admin.put('/api/business-hours', {
    timeZone: 'Europe/Paris',
    days: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
    holidays: [],
    afterHours: { kind: 'voicemail' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
