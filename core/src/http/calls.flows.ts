import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../store/sql.ts';
import { simulatorCredentials } from '../telephony/account-carriers.ts';
import type { CallScript } from '../telephony/simulator/voice/call-script.ts';
import { simulateInboundCall } from '../telephony/simulator/voice/index.ts';
import type { ApiClient } from './testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import type { TestServer } from './testing/test-server.ts';

/** Where the flows run: one or several instances, and how the simulated Twilio reaches them. */
export interface CallDeployment {
  /** The first serves the API calls of the tests. */
  servers: TestServer[];
  /** The address Twilio posts to (PUBLIC_URL). */
  publicBase: string;
  close(): Promise<void>;
}

/**
 * Every calling flow of the acceptance list, written once and run against each deployment
 * (Hono-style: a skip names its tests and gives its reason).
 */
export function runCallFlows(
  name: string,
  deploy: () => Promise<CallDeployment>,
  skip: { reason: string; tests: string[] }[] = [],
) {
  const test = (title: string, fn: () => Promise<void>) => {
    const skipped = skip.find((s) => s.tests.includes(title));
    if (skipped) return it.skip(`${title} — skipped: ${skipped.reason}`, fn);
    return it(title, fn);
  };
  describe(name, () => {
    /**
     * End to end through the simulator: it plays Twilio over real HTTP (signed webhooks, following
     * the TwiML it gets back), so these calls exercise the same code Twilio would.
     */
    let deployment: CallDeployment;
    let server: TestServer;
    let admin: ApiClient;
    let adminId: string;
    let lea: { client: ApiClient; memberId: string };
    let max: { client: ApiClient; memberId: string };
    let number: { id: string; e164: string };

    const open = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
    const closed = { enabled: false, ranges: [] };
    const week = (day: typeof open) => ({
      mon: day,
      tue: day,
      wed: day,
      thu: day,
      fri: day,
      sat: day,
      sun: day,
    });
    const CALLER = '+33612345678';

    beforeAll(async () => {
      deployment = await deploy();
      server = deployment.servers[0]!;
      const signup = await signUpAdmin(server, { company: 'Boulangerie Durand' });
      admin = signup.client;
      adminId = signup.memberId;
      number = await buyFirstNumber(admin, { team: true });
      await admin.put('/api/billing/plan', { plan: 'business' });
      await addSeats(admin, 3);
      lea = await addMember(server, admin);
      max = await addMember(server, admin);
      await admin.post('/api/contacts', { name: 'Camille Durand', company: 'Client SA', phones: [CALLER] });
    });
    afterAll(() => deployment.close());

    beforeEach(async () => {
      await admin.put('/api/business-hours', {
        timeZone: 'Europe/Paris',
        days: week(open),
        holidays: [],
        afterHours: { kind: 'voicemail' },
      });
      for (const who of [admin, lea.client, max.client])
        await who.put('/api/me/presence', { status: 'online' });
    });

    async function call(script: CallScript, from = CALLER) {
      const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
      const story = await simulateInboundCall({
        voiceUrl: `${deployment.publicBase}/webhooks/twilio/voice`,
        statusUrl: `${deployment.publicBase}/webhooks/twilio/status`,
        accountSid,
        authToken,
        from,
        to: number.e164,
        script,
      });
      const calls = await admin.get('/api/calls?limit=1');
      const latest = calls.body.calls[0];
      expect(latest.record.id, story.lines.join('\n')).toBe(story.callSid);
      return { story, call: latest, record: latest.record };
    }

    const route = (policy: unknown) => admin.put(`/api/numbers/${number.id}/routing`, policy);

    describe('inbound calls in hours', () => {
      test('simultaneous: everyone online rings, the first to answer takes the call, the others stop', async () => {
        await route({
          strategy: 'simultaneous',
          members: [adminId, lea.memberId, max.memberId],
          ringSeconds: 20,
        });
        // Both pick up in the same second: their answer hooks race and the claim lets exactly one through.
        const { record, story } = await call({
          answer: [
            { by: lea.memberId, afterSeconds: 2 },
            { by: max.memberId, afterSeconds: 2 },
          ],
          talkSeconds: 42,
        });
        expect(record.result).toBe('answered');
        expect([lea.memberId, max.memberId]).toContain(record.answeredBy);
        expect(story.lines.join('\n').match(/is connected to the caller/g)).toHaveLength(1);
        expect(story.lines.some((l) => l.startsWith('! '))).toBe(false);
        expect(record.rungMemberIds.sort()).toEqual([adminId, lea.memberId, max.memberId].sort());
        expect(record.talkSeconds).toBe(42);
        expect(record.contactId).toBeDefined();
      });

      test('cascade: an offline member is skipped, the first misses, the second answers', async () => {
        await max.client.put('/api/me/presence', { status: 'offline' });
        await route({
          strategy: 'cascade',
          steps: [
            { memberId: max.memberId, ringSeconds: 10 },
            { memberId: adminId, ringSeconds: 10 },
            { memberId: lea.memberId, ringSeconds: 10 },
          ],
        });
        const { record } = await call({
          noAnswerFrom: [adminId],
          answer: [{ by: lea.memberId, afterSeconds: 4 }],
        });
        expect(record.result).toBe('answered');
        expect(record.answeredBy).toBe(lea.memberId);
        expect(record.rungMemberIds).not.toContain(max.memberId);
        expect(record.rungMemberIds).toContain(adminId);
        expect(record.ringSeconds).toBeGreaterThanOrEqual(10);
      });

      test('IVR: a digit branches to its member; an invalid digit repeats the menu, then falls back to voicemail', async () => {
        await route({
          strategy: 'ivr',
          greeting: { text: 'Tapez 1 pour les ventes, 2 pour le support.', language: 'fr' },
          options: [
            { digit: '1', target: { kind: 'member', memberId: adminId } },
            { digit: '2', target: { kind: 'member', memberId: max.memberId } },
          ],
          maxRetries: 1,
        });
        const good = await call({ digits: ['2'], answer: [{ by: max.memberId }] });
        expect(good.record.answeredBy).toBe(max.memberId);
        const bad = await call({ digits: ['9', '9'], voicemail: { seconds: 8, transcript: 'Rappelez-moi' } });
        expect(bad.record.result).toBe('voicemail');
        expect(bad.story.lines.filter((l) => l.includes('Gather')).length).toBe(2);
      });

      test('AI receptionist: the caller’s words in French or English reach the right member', async () => {
        await route({
          strategy: 'ai_receptionist',
          greeting: { text: 'Bonjour, que puis-je pour vous ?', language: 'fr' },
          intents: [
            {
              name: 'ventes',
              phrases: { fr: ['service commercial', 'acheter'], en: ['sales'] },
              target: { kind: 'member', memberId: lea.memberId },
            },
            {
              name: 'support',
              phrases: { fr: ['assistance', 'panne'], en: ['support', 'help'] },
              target: { kind: 'member', memberId: max.memberId },
            },
          ],
        });
        const fr = await call({
          speech: ['Je voudrais parler au service commercial'],
          answer: [{ by: lea.memberId }],
        });
        expect(fr.record.answeredBy).toBe(lea.memberId);
        const en = await call({
          speech: ["I'd like some help with my order please"],
          answer: [{ by: max.memberId }],
        });
        expect(en.record.answeredBy).toBe(max.memberId);
      });

      test('nobody online: voicemail, with its transcript on the call', async () => {
        await route({ strategy: 'simultaneous', members: [adminId, lea.memberId] });
        for (const who of [admin, lea.client]) await who.put('/api/me/presence', { status: 'offline' });
        const { record } = await call({
          voicemail: { seconds: 12, transcript: 'Bonjour, rappelez-moi au sujet du devis.' },
        });
        expect(record.result).toBe('voicemail');
        expect(record.voicemail).toMatchObject({
          durationSeconds: 12,
          transcript: 'Bonjour, rappelez-moi au sujet du devis.',
        });
        expect(record.rungMemberIds).toEqual([]);
      });

      test('attaches the recording of an answered call', async () => {
        await route({ strategy: 'simultaneous', members: [adminId] });
        const { record } = await call({ answer: [{ by: adminId }], talkSeconds: 20 });
        expect(record.recording).toMatchObject({ url: expect.stringMatching(/^https?:\/\//) });
      });

      test('the caller hanging up while it rings is an abandoned call', async () => {
        await route({ strategy: 'simultaneous', members: [adminId] });
        const { record } = await call({ hangUpAfterSeconds: 5 });
        expect(record.result).toBe('abandoned');
      });
    });

    describe('inbound calls after hours', () => {
      beforeEach(async () => {
        await route({ strategy: 'simultaneous', members: [adminId, lea.memberId] });
      });
      const afterHours = (afterHours: unknown) =>
        admin.put('/api/business-hours', {
          timeZone: 'Europe/Paris',
          days: week(closed),
          holidays: [],
          afterHours,
        });

      test('voicemail: nobody rings and the message is kept', async () => {
        await afterHours({ kind: 'voicemail' });
        const { record } = await call({ voicemail: { seconds: 5 } });
        expect(record.result).toBe('after_hours');
        expect(record.voicemail).toBeDefined();
        expect(record.rungMemberIds).toEqual([]);
      });

      test('forward: the on-call number is dialled', async () => {
        await afterHours({ kind: 'forward', to: '+33698765432' });
        const { record, story } = await call({ answer: [{ by: '+33698765432' }] });
        expect(record.result).toBe('after_hours');
        expect(story.lines.join('\n')).toMatch(/\+33698765432/);
      });

      test('announcement: the caller hears it and the call ends', async () => {
        await afterHours({
          kind: 'announcement',
          text: 'Nous sommes fermés. Rappelez demain à 9 heures.',
          language: 'fr',
        });
        const { record, story } = await call({});
        expect(record.result).toBe('after_hours');
        expect(story.lines.join('\n')).toMatch(/Nous sommes fermés/);
      });

      test('AI receptionist: intents that would ring a member take a message instead', async () => {
        await route({
          strategy: 'ai_receptionist',
          greeting: { text: 'Hello, how can I help?', language: 'en' },
          intents: [
            {
              name: 'sales',
              phrases: { fr: [], en: ['sales'] },
              target: { kind: 'member', memberId: lea.memberId },
            },
          ],
        });
        await afterHours({ kind: 'ai_receptionist' });
        const { record } = await call({ speech: ['sales please'], voicemail: { seconds: 6 } });
        expect(record.result).toBe('after_hours');
        expect(record.rungMemberIds).toEqual([]);
        expect(record.voicemail).toBeDefined();
      });
    });

    describe('click to call', () => {
      test('places an outbound call from the browser dialer through the same webhooks (simulator)', async () => {
        const placed = await admin.post('/api/calls', { to: '06 98 76 54 32' });
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        expect(placed.body).toMatchObject({ mode: 'simulated', to: '+33698765432', callerId: number.e164 });
        const latest = (await admin.get('/api/calls?limit=1')).body.calls[0];
        expect(latest).toMatchObject({
          direction: 'outbound',
          to: '+33698765432',
          from: number.e164,
          memberId: adminId,
        });
        expect(latest.record).toMatchObject({
          id: placed.body.callSid,
          result: 'answered',
          placedBy: adminId,
          talkSeconds: 30,
        });
      });

      test('records a busy customer as busy', async () => {
        const placed = await admin.post('/api/calls', {
          to: '+33698765432',
          simulate: { busyFrom: ['customer'] },
        });
        const latest = (await admin.get('/api/calls?limit=1')).body.calls[0];
        expect(latest.record).toMatchObject({ id: placed.body.callSid, result: 'busy' });
      });

      test('refuses a number that cannot be dialled, naming the field', async () => {
        const res = await admin.post('/api/calls', { to: '06 12' });
        expect(res.status).toBe(400);
        expect(res.body.error.details.fields.to).toMatch(/not a valid phone number for FR/);
      });

      test('hands the browser dialer its identity on the simulator', async () => {
        const token = await lea.client.get('/api/voice/token');
        expect(token.body).toMatchObject({
          mode: 'simulator',
          identity: expect.stringMatching(/^m_[0-9a-f]{32}$/),
        });
      });

      test('saves the rep’s notes and disposition on the call record', async () => {
        const latest = (await admin.get('/api/calls?limit=1')).body.calls[0];
        const saved = await admin.patch(`/api/calls/${latest.id}`, {
          notes: 'Rappeler jeudi',
          disposition: 'follow_up',
        });
        expect(saved.status).toBe(200);
        expect(saved.body.record).toMatchObject({ notes: 'Rappeler jeudi', disposition: 'follow_up' });
        // The CRM sync reads the outbox: one row when the call ended, another for the update.
        const rows = await server.services.db.many<{ topic: string }>(
          sql`select topic from outbox where subject_id = ${latest.id} order by created_at`,
        );
        expect(rows.map((r) => r.topic)).toEqual(['call.final', 'call.updated']);
      });
    });

    describe('call me first', () => {
      test('asks for the rep’s own phone before ringing it', async () => {
        const res = await max.client.post('/api/calls', { to: '0698765432', mode: 'call_me_first' });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('phone_required');
        expect(res.body.error.details.fields.mode).toMatch(/add it to your profile/);
      });

      test('rings the rep’s phone, then the customer, and records the call as theirs', async () => {
        const profile = await max.client.patch('/api/me', { phone: '06 11 22 33 44' });
        expect(profile.body.member.phone).toBe('+33611223344');
        const placed = await max.client.post('/api/calls', { to: '0698765432', mode: 'call_me_first' });
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        const latest = (await max.client.get(`/api/calls/${placed.body.callId}`)).body;
        expect(latest).toMatchObject({ direction: 'outbound', to: '+33698765432', memberId: max.memberId });
        expect(latest.record).toMatchObject({ result: 'answered', placedBy: max.memberId, talkSeconds: 30 });
      });

      test('records a customer who does not answer as missed', async () => {
        const placed = await max.client.post('/api/calls', {
          to: '0698765432',
          mode: 'call_me_first',
          simulate: { noAnswerFrom: ['customer'] },
        });
        const call = (await max.client.get(`/api/calls/${placed.body.callId}`)).body;
        expect(call.record.result).toBe('missed');
      });
    });
  });
}
