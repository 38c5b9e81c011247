import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { teamWithOneRep } from '../../http/testing/team-line.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';
import { simulatorCredentials } from '../../telephony/account-carriers.ts';
import { type CallStory, simulateInboundCall } from '../../telephony/simulator/voice/index.ts';

/**
 * The per-number "do not record" switch and the legal notice, through the simulator: it plays the
 * TwiML the server answers, so the notice is what the caller hears and the recording is what
 * Twilio would make of the <Dial record> it is given.
 */
describe('recording notice and the do-not-record switch', () => {
  let server: TestServer;
  let admin: ApiClient;
  let lea: { memberId: string };
  let number: { id: string; e164: string };

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin, number, rep: lea } = await teamWithOneRep(server));
    // A French signup speaks French; the first calls are in English so the switch to French shows.
    await admin.patch('/api/account', { locale: 'en' });
  });
  afterAll(() => server?.close());

  async function call(): Promise<{ story: CallStory; recording: unknown }> {
    const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
    const story = await simulateInboundCall({
      voiceUrl: `${server.url}/webhooks/twilio/voice`,
      statusUrl: `${server.url}/webhooks/twilio/status`,
      accountSid,
      authToken,
      from: '+33612345678',
      to: number.e164,
      script: { answer: [{ by: lea.memberId, afterSeconds: 2 }], talkSeconds: 40 },
    });
    const row = await server.services.db.one<{ recording: unknown }>(
      sql`select record->'recording' as recording from calls where carrier_call_sid = ${story.callSid}`,
    );
    return { story, recording: row.recording };
  }

  const firstDocument = (story: CallStory) => story.requests[0]?.body ?? '';

  it('tells the caller the call may be recorded, before ringing, and records it', async () => {
    const { story, recording } = await call();
    expect(story.lines).toContain('Say (en-US): This call may be recorded.');
    const said = story.lines.indexOf('Say (en-US): This call may be recorded.');
    expect(said).toBeLessThan(story.lines.findIndex((line) => line.startsWith('Dial:')));
    expect(firstDocument(story)).toContain('record="record-from-answer-dual"');
    expect(recording).toMatchObject({ durationSeconds: 40 });
  });

  it('says it in the account’s language', async () => {
    expect((await admin.patch('/api/account', { locale: 'fr' })).status).toBe(200);
    const { story } = await call();
    expect(story.lines).toContain('Say (fr-FR): Cet appel est susceptible d’être enregistré.');
    await admin.patch('/api/account', { locale: 'en' });
  });

  it('neither records nor announces recording on a number marked do not record', async () => {
    const res = await admin.patch(`/api/numbers/${number.id}`, { doNotRecord: true });
    expect(res.status).toBe(200);
    expect(res.body.doNotRecord).toBe(true);
    const { story, recording } = await call();
    expect(story.answeredBy).toBeDefined();
    expect(story.lines.some((line) => line.includes('may be recorded'))).toBe(false);
    expect(firstDocument(story)).not.toContain('record=');
    expect(recording).toBeNull();
  });

  it('records again once the switch is off', async () => {
    await admin.patch(`/api/numbers/${number.id}`, { doNotRecord: false });
    expect((await call()).recording).not.toBeNull();
  });

  it('keeps the switch to admins', async () => {
    const res = await admin.get(`/api/numbers/${number.id}`);
    expect(res.body.doNotRecord).toBe(false);
    const bad = await admin.patch(`/api/numbers/${number.id}`, { doNotRecord: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.doNotRecord).toBeDefined();
  });
});
