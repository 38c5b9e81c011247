import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueQuote } from '../domain/accounts/quotes.ts';
import { ledgerBilling } from '../domain/billing/ledger-billing.ts';
import { ApiClient } from './testing/client.ts';
import { addSeats, buyFirstNumber, signUpAdmin, uniqueEmail } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get('token')!;

describe('the admin guide, over HTTP', () => {
  it('takes an admin from sign-up to a member with their own number', async () => {
    const { client: admin, accountId } = await signUpAdmin(server);
    const me = await admin.get('/api/me');
    expect(me.body.account).toMatchObject({ plan: 'starter', seats: 1, subscriptionStatus: 'active' });

    // Team settings stay closed until the account owns a number.
    const early = await admin.post('/api/team/invitations', { email: uniqueEmail('early') });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('number_required');
    expect(early.body.error.message).toMatch(/phone number is required/);

    const number = await buyFirstNumber(admin, { team: true });
    expect(number.e164).toMatch(/^\+33\d{9}$/);

    // One seat, taken by the admin: inviting is refused with the seed's message.
    const full = await admin.post('/api/team/invitations', { email: uniqueEmail('x') });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('1 of 1 seats used: add a seat in Billing');

    // Adding seats shows the price first and changes nothing until confirmed.
    const preview = await admin.post('/api/billing/seat-changes', { delta: 2 });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({
      seatsBefore: 1,
      seatsAfter: 3,
      seatPriceCents: 1900,
      monthlyTotalBeforeCents: 1900,
      monthlyTotalAfterCents: 5700,
      status: 'pending',
    });
    expect((await admin.get('/api/billing')).body.seats).toBe(1);
    const confirmed = await admin.post(preview.body.confirm);
    expect(confirmed.status).toBe(200);
    expect((await admin.get('/api/billing')).body).toMatchObject({ seats: 3, monthlyTotalCents: 5700 });

    // Invite → the email goes to the outbox (no SMTP here) and the admin sees its status.
    const email = uniqueEmail('lea');
    const invited = await admin.post('/api/team/invitations', { email });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).toMatchObject({
      email,
      state: 'pending',
      delivery: { status: 'queued', attempts: 1 },
    });
    const mail = server.emails.find((m) => m.to === email);
    expect(mail?.text).toContain(invited.body.acceptUrl);
    const detail = await admin.get(`/api/team/invitations/${invited.body.invitation.id}`);
    expect(detail.body.emails[0]).toMatchObject({ to: email, status: 'queued' });
    expect(detail.body.emails[0].text).not.toContain(tokenOf(invited.body.acceptUrl));

    // The invited person sees what they join, accepts, and is signed in.
    const lea = new ApiClient(server.url);
    const lookup = await lea.post('/api/invitations/lookup', { token: tokenOf(invited.body.acceptUrl) });
    expect(lookup.body).toMatchObject({ email, accountName: 'Acme', invitedBy: 'Ada Admin' });
    const accepted = await lea.post('/api/invitations/accept', {
      token: tokenOf(invited.body.acceptUrl),
      name: 'Léa Martin',
      password: 'a fine password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.member).toMatchObject({ email, role: 'member', accountId });
    expect((await lea.get('/api/me')).status).toBe(200);

    // Lea picks her own number.
    const available = await lea.get('/api/numbers/available?country=FR&areaCode=2');
    const pick = await lea.post('/api/me/number', { e164: available.body.numbers[0].e164 });
    expect(pick.status).toBe(201);
    expect(pick.body.assignedMemberId).toBe(accepted.body.member.id);
    const members = await admin.get('/api/team/members');
    const leaRow = members.body.members.find((m: { email: string }) => m.email === email);
    expect(leaRow.numbers).toEqual([pick.body.e164]);

    // Every admin change is in the audit log.
    const audit = await admin.get('/api/audit');
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.created',
        'number.bought',
        'seats.added',
        'invitation.created',
        'invitation.accepted',
      ]),
    );
  });

  it('starts an account from a signed quote with its plan, seats and price, once', async () => {
    const { code } = await issueQuote(
      server.services.db,
      { plan: 'business', seats: 12, seatPriceCents: 2400, currency: 'EUR', validDays: 30 },
      new Date(),
    );
    const { client } = await signUpAdmin(server, { quoteCode: code.toLowerCase().replace(/-/g, ' ') });
    const billing = await client.get('/api/billing');
    expect(billing.body).toMatchObject({
      plan: 'business',
      seats: 12,
      seatPriceCents: 2400,
      monthlyTotalCents: 28_800,
    });

    const again = await new ApiClient(server.url).post('/api/signup', {
      email: uniqueEmail(),
      password: 'correct horse battery',
      name: 'Bob',
      company: 'Other',
      quoteCode: code,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details.fields.quoteCode).toMatch(/already been used/);
  });

  it('refuses to add seats while a payment is overdue, and accepts once the payment method is updated', async () => {
    const { client, accountId } = await signUpAdmin(server);
    await server.services.db.transaction((tx) =>
      ledgerBilling.setStatus(tx, accountId, 'past_due', 'card declined'),
    );
    const refused = await client.post('/api/billing/seat-changes', { delta: 1 });
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('payment_past_due');
    expect(refused.body.error.message).toMatch(/update the payment method/);

    const pm = await client.put('/api/billing/payment-method', {
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
    });
    expect(pm.body.subscriptionStatus).toBe('active');
    expect((await client.post('/api/billing/seat-changes', { delta: 1 })).status).toBe(201);
  });

  it('keeps only billing open while the operator has suspended the account', async () => {
    const { client, accountId } = await signUpAdmin(server);
    await server.services.db.transaction((tx) =>
      ledgerBilling.setStatus(tx, accountId, 'suspended', 'unpaid'),
    );
    const blocked = await client.get('/api/contacts');
    expect(blocked.status).toBe(402);
    expect(blocked.body.error.message).toMatch(/suspended.*payment method in Billing/);
    expect((await client.get('/api/billing')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a confirmed seat change when the account went past due after the preview', async () => {
    const { client, accountId } = await signUpAdmin(server);
    const preview = await client.post('/api/billing/seat-changes', { delta: 1 });
    await server.services.db.transaction((tx) =>
      ledgerBilling.setStatus(tx, accountId, 'past_due', 'card declined'),
    );
    const confirm = await client.post(`/api/billing/seat-changes/${preview.body.id}/confirm`);
    expect(confirm.status).toBe(402);
    expect((await client.get('/api/billing')).body.seats).toBe(1);
  });

  it('removes only unused seats', async () => {
    const { client } = await signUpAdmin(server);
    await buyFirstNumber(client);
    await addSeats(client, 1);
    await client.post('/api/team/invitations', { email: uniqueEmail('pending') });
    const refused = await client.post('/api/billing/seat-changes', { delta: -1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/2 seats are in use \(1 members, 1 pending invitations\)/);
  });
});

describe('invitation tokens', () => {
  async function invitedTeam() {
    const { client } = await signUpAdmin(server);
    await buyFirstNumber(client);
    await addSeats(client, 3);
    return client;
  }
  const accept = (token: string) =>
    new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      name: 'Someone',
      password: 'long enough pass',
    });

  it('refuses a reused token', async () => {
    const admin = await invitedTeam();
    const invited = await admin.post('/api/team/invitations', { email: uniqueEmail() });
    expect((await accept(tokenOf(invited.body.acceptUrl))).status).toBe(201);
    const reused = await accept(tokenOf(invited.body.acceptUrl));
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('invitation_used');
  });

  it('refuses a revoked token and frees its seat', async () => {
    const admin = await invitedTeam();
    const invited = await admin.post('/api/team/invitations', { email: uniqueEmail() });
    const revoked = await admin.post(`/api/team/invitations/${invited.body.invitation.id}/revoke`);
    expect(revoked.body.state).toBe('revoked');
    const res = await accept(tokenOf(invited.body.acceptUrl));
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invitation_revoked');
    expect((await admin.get('/api/billing')).body.seatsUsed.pendingInvitations).toBe(0);
  });

  it('refuses an expired token after 7 days, and a resend issues a new link that works', async () => {
    const admin = await invitedTeam();
    const invited = await admin.post('/api/team/invitations', { email: uniqueEmail() });
    server.travel(7 * 86_400_000 + 1000);
    try {
      const expired = await accept(tokenOf(invited.body.acceptUrl));
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('invitation_expired');
      const resent = await admin.post(`/api/team/invitations/${invited.body.invitation.id}/resend`);
      expect(resent.status).toBe(200);
      expect(resent.body.invitation.delivery.attempts).toBe(2);
      expect((await accept(tokenOf(invited.body.acceptUrl))).status).toBe(404);
      expect((await accept(tokenOf(resent.body.acceptUrl))).status).toBe(201);
    } finally {
      server.travel(-(7 * 86_400_000 + 1000));
    }
  });

  it('refuses an unknown token', async () => {
    const res = await accept('pi_thisisnotarealtokenatall');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('invitation_invalid');
  });
});

describe('roles and identity', () => {
  it('forbids members from admin routes', async () => {
    const { client: admin } = await signUpAdmin(server);
    await buyFirstNumber(admin);
    await addSeats(admin, 1);
    const invited = await admin.post('/api/team/invitations', { email: uniqueEmail('m') });
    const member = new ApiClient(server.url);
    await member.post('/api/invitations/accept', {
      token: tokenOf(invited.body.acceptUrl),
      name: 'M',
      password: 'long enough pass',
    });
    for (const [method, path, body] of [
      ['post', '/api/team/invitations', { email: uniqueEmail() }],
      ['post', '/api/billing/seat-changes', { delta: 1 }],
      ['put', '/api/business-hours', {}],
      ['get', '/api/audit', undefined],
      ['patch', '/api/account', { name: 'Mine now' }],
    ] as const) {
      const res = await member.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('admin_only');
    }
  });

  it('signs in and out with the session cookie, which is httpOnly', async () => {
    const { email } = await signUpAdmin(server);
    const client = new ApiClient(server.url);
    const bad = await client.post('/api/session', { email, password: 'wrong password' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toBe('Email or password is wrong.');
    const ok = await client.post('/api/session', {
      email: email.toUpperCase(),
      password: 'correct horse battery',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await client.delete('/api/session')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('authenticates with a personal API token shown once, and stops after revocation', async () => {
    const { client } = await signUpAdmin(server);
    const created = await client.post('/api/me/tokens', { name: 'HubSpot extension' });
    expect(created.body.token).toMatch(/^prly_/);
    const list = await client.get('/api/me/tokens');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const bearer = new ApiClient(server.url, created.body.token);
    expect((await bearer.get('/api/me')).status).toBe(200);
    await client.delete(`/api/me/tokens/${created.body.id}`);
    expect((await bearer.get('/api/me')).status).toBe(401);
  });

  it('refuses a second sign-up with the same email, naming the field', async () => {
    const { email } = await signUpAdmin(server);
    const res = await new ApiClient(server.url).post('/api/signup', {
      email,
      password: 'correct horse battery',
      name: 'Copy',
      company: 'Copy',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.email).toMatch(/already has a Parley login/);
  });

  it('answers 401 without a stack trace when not signed in', async () => {
    const res = await new ApiClient(server.url).get('/api/team/members');
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
