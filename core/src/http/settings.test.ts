import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../store/sql.ts';
import { startTwilioEmulator, type TwilioEmulator } from '../telephony/twilio/emulator/server.ts';
import { formBody } from '../telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../telephony/twilio/webhooks/signature.ts';
import type { ApiClient } from './testing/client.ts';
import { buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
let twilio: TwilioEmulator;
let admin: ApiClient;
let accountId: string;
let memberId: string;
let numberId: string;

const weekdays = { enabled: true, ranges: [{ start: '09:00', end: '18:00' }] };
const closed = { enabled: false, ranges: [] };
const schedule = (afterHours: unknown) => ({
  timeZone: 'Europe/Paris',
  days: {
    mon: weekdays,
    tue: weekdays,
    wed: weekdays,
    thu: weekdays,
    fri: weekdays,
    sat: closed,
    sun: closed,
  },
  holidays: ['2026-12-25'],
  afterHours,
});

beforeAll(async () => {
  twilio = await startTwilioEmulator();
  server = await startTestServer({ twilioApiBaseUrl: twilio.url });
  ({ client: admin, accountId, memberId } = await signUpAdmin(server));
  numberId = (await buyFirstNumber(admin)).id;
});
afterAll(async () => {
  await server.close();
  await twilio.close();
});

describe('business hours', () => {
  it('starts from a default week in the account time zone, then saves what the admin sets', async () => {
    const initial = await admin.get('/api/business-hours');
    expect(initial.body).toMatchObject({ isDefault: true, schedule: { timeZone: 'Europe/Paris' } });
    expect(typeof initial.body.openNow).toBe('boolean');

    const saved = await admin.put('/api/business-hours', schedule({ kind: 'forward', to: '+33612345678' }));
    expect(saved.status).toBe(200);
    expect(saved.body.schedule.afterHours).toEqual({ kind: 'forward', to: '+33612345678' });
    expect((await admin.get('/api/business-hours')).body.isDefault).toBe(false);
  });

  it('points at the wrong field of a bad schedule', async () => {
    const bad = schedule({ kind: 'voicemail' });
    bad.days.mon = { enabled: true, ranges: [{ start: '18:00', end: '09:00' }] };
    const res = await admin.put('/api/business-hours', bad);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details.fields).join()).toMatch(/days\.mon\.ranges\.0/);
  });

  it('refuses the AI receptionist after hours on Starter, naming the plan', async () => {
    const res = await admin.put('/api/business-hours', schedule({ kind: 'ai_receptionist' }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('plan_required');
    expect(res.body.error.message).toMatch(/Business plan.*Starter/);
  });
});

describe('routing policies', () => {
  it('stores a cascade over the team’s members', async () => {
    const res = await admin.put(`/api/numbers/${numberId}/routing`, {
      strategy: 'cascade',
      steps: [{ memberId, ringSeconds: 15 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.policy).toMatchObject({ strategy: 'cascade', fallback: { kind: 'voicemail' } });
    expect((await admin.get(`/api/numbers/${numberId}/routing`)).body.policy.steps[0].memberId).toBe(
      memberId,
    );
  });

  it('refuses members that are not in the team', async () => {
    const res = await admin.put(`/api/numbers/${numberId}/routing`, {
      strategy: 'simultaneous',
      members: ['11111111-1111-4111-8111-111111111111'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_member');
  });

  it('keeps the AI receptionist for the Business plan, and allows it after an upgrade', async () => {
    const policy = {
      strategy: 'ai_receptionist',
      greeting: { text: 'Bonjour, que puis-je pour vous ?', language: 'fr' },
      intents: [
        {
          name: 'Ventes',
          phrases: { fr: ['acheter', 'devis'], en: ['sales'] },
          target: { kind: 'member', memberId },
        },
      ],
    };
    const refused = await admin.put(`/api/numbers/${numberId}/routing`, policy);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/AI receptionist is part of the Business plan/);
    expect((await admin.put('/api/billing/plan', { plan: 'business' })).body).toMatchObject({
      plan: 'business',
      changed: true,
    });
    expect((await admin.put(`/api/numbers/${numberId}/routing`, policy)).status).toBe(200);
  });
});

describe('shared contacts', () => {
  it('stores numbers as E.164 read in the account’s country and finds contacts by name, company or number', async () => {
    const created = await admin.post('/api/contacts', {
      name: 'Camille Durand',
      company: 'Boulangerie Durand',
      phones: ['06 98 76 54 32'],
      emails: ['Camille@Example.fr'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      phones: ['+33698765432'],
      emails: ['camille@example.fr'],
      source: 'manual',
    });
    for (const q of ['camille', 'boulangerie', '+33 6 98 76 54 32', '0698765432', '98765']) {
      const found = await admin.get(`/api/contacts?q=${encodeURIComponent(q)}`);
      expect(
        found.body.contacts.map((c: { id: string }) => c.id),
        q,
      ).toContain(created.body.id);
    }
    const none = await admin.get('/api/contacts?q=%25');
    expect(none.body.contacts).toEqual([]);
  });

  it('refuses an undialable number, naming the entry', async () => {
    const res = await admin.post('/api/contacts', { name: 'X', phones: ['+33612345678', '12'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields['phones.1']).toMatch(/not a valid phone number for FR/);
  });

  it('imports a French Excel CSV in the background with progress and per-row errors, then exports it back', async () => {
    const rows = Array.from(
      { length: 450 },
      (_, i) => `Client ${i};Société ${i};06 ${String(10_000_000 + i).replace(/(\d{2})(?=\d)/g, '$1 ')}`,
    );
    const content = ['Nom;Société;Téléphone', ...rows, 'Sans numéro;;06 12', ';;'].join('\r\n');
    const started = await admin.post('/api/contacts/imports', {
      format: 'csv',
      content,
      fileName: 'clients.csv',
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', total: 451 });
    let job = started.body;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await admin.get(`/api/contacts/imports/${job.id}`)).body;
    }
    expect(job).toMatchObject({ status: 'done', processed: 451, created: 450, failed: 1 });
    expect(job.errors[0]).toMatchObject({ line: 452, field: 'phones' });

    const again = await admin.post('/api/contacts/imports', {
      format: 'csv',
      content: 'Nom;Téléphone\r\nClient 0 renamed;06 10 00 00 00',
    });
    for (let i = 0; i < 100 && again.body.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again.body = (await admin.get(`/api/contacts/imports/${again.body.id}`)).body;
    }
    expect(again.body).toMatchObject({ status: 'done', created: 0, updated: 1 });

    const csv = await admin.get('/api/contacts/export?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('Client 0 renamed');
    expect(csv.text).toContain('+33610000000');
    const vcf = await admin.get('/api/contacts/export?format=vcard');
    expect(vcf.text.match(/BEGIN:VCARD/g)?.length).toBeGreaterThanOrEqual(451);
  });

  it('refuses a file it cannot read as a whole, saying which headers it knows', async () => {
    const res = await admin.post('/api/contacts/imports', { format: 'csv', content: 'foo,bar\n1,2\n' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name|nom/i);
  });
});

describe("the team's own Twilio account", () => {
  it('checks the credentials with Twilio and stores them encrypted', async () => {
    const res = await admin.put('/api/account/carrier', {
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'twilio', source: 'account' });
    const row = await server.services.db.one<{ carrier_credentials: string }>(
      sql`select carrier_credentials from accounts where id = ${accountId}`,
    );
    expect(row.carrier_credentials).toMatch(/^v1:/);
    expect(row.carrier_credentials).not.toContain(twilio.authToken);
    expect(row.carrier_credentials).not.toContain(twilio.accountSid);
    expect((await admin.get('/api/account/carrier')).body).toMatchObject({
      kind: 'twilio',
      source: 'account',
    });

    // Numbers now come from the team's Twilio account.
    const search = await admin.get('/api/numbers/available?country=US&areaCode=415');
    expect(search.status).toBe(200);
    const bought = await admin.post('/api/numbers', { e164: search.body.numbers[0].e164, assignTo: null });
    expect(bought.status).toBe(201);
    expect(bought.body.carrier).toBe('twilio');
    expect(twilio.violations()).toEqual([]);
  });

  it('places call-me-first calls through Twilio’s Calls API, and dials the customer once the rep answers', async () => {
    await admin.patch('/api/me', { phone: '+33611223344' });
    const placed = await admin.post('/api/calls', { to: '06 98 76 54 32', mode: 'call_me_first' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ mode: 'call_me_first', ringing: '+33611223344', to: '+33698765432' });
    const sent = twilio.state.calls.at(-1)!;
    expect(sent).toMatchObject({ to: '+33611223344', sid: placed.body.callSid });
    expect(sent.form.Url).toBe(`${server.url}/webhooks/twilio/bridge?call=${placed.body.callId}`);
    expect(sent.form.StatusCallback).toBe(`${server.url}/webhooks/twilio/status`);
    expect(twilio.violations()).toEqual([]);

    // Twilio fetches the bridge URL when the rep picks up, signed with the account's token.
    const params = {
      CallSid: placed.body.callSid,
      AccountSid: twilio.accountSid,
      From: sent.from,
      To: sent.to,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
    };
    const signature = computeTwilioSignature(twilio.authToken, sent.form.Url!, params);
    const res = await fetch(sent.form.Url!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: formBody(params),
    });
    const xml = await res.text();
    expect(xml).toMatch(/<Say[^>]*>Nous appelons votre correspondant\.<\/Say><Dial /);
    expect(xml).toMatch(/<Number [^>]*>\+33698765432<\/Number>/);
  });

  it('refuses wrong credentials with a message that says what to check, and stores nothing', async () => {
    await admin.delete('/api/account/carrier');
    const res = await admin.put('/api/account/carrier', {
      accountSid: twilio.accountSid,
      authToken: 'x'.repeat(32),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('carrier_auth');
    expect(JSON.stringify(res.body)).not.toContain('x'.repeat(32));
    expect((await admin.get('/api/account/carrier')).body.source).toBe('simulator');
  });
});
