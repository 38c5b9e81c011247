import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { teamWithOneRep } from '../../http/testing/team-line.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';
import { inboundCall } from '../../sync/testing/sync-harness.ts';
import { startTwilioEmulator, type TwilioEmulator } from '../../telephony/twilio/emulator/server.ts';
import { twilioRecordings } from '../../telephony/twilio/recordings.ts';
import { applyRetention, type CarrierRecordingDelete } from './retention.ts';
import { updateRetention } from './retention-settings.ts';

const DAY = 86_400_000;
const FIXED = new Date('2026-03-02T09:00:00Z');

/**
 * Retention on a fixed clock: the server's clock is pinned, calls are made "now", and the test
 * moves the clock across the account's retention. Deletion at the carrier goes through the real
 * `twilio` client to the emulator.
 */
describe('recording retention', () => {
  let server: TestServer;
  let emulator: TwilioEmulator;
  let admin: ApiClient;
  let member: ApiClient;
  let calls: string[];
  let adminActor: { accountId: string; memberId: string };
  const atTwilio: CarrierRecordingDelete = (_services, _account, sid) =>
    twilioRecordings(
      { accountSid: emulator.accountSid, authToken: emulator.authToken },
      { apiBaseUrl: emulator.url },
    ).remove(sid);

  beforeAll(async () => {
    emulator = await startTwilioEmulator();
    server = await startTestServer({ clock: () => FIXED });
    const team = await teamWithOneRep(server);
    const { number, rep: lea } = team;
    admin = team.admin;
    member = lea.client;
    adminActor = { accountId: team.accountId, memberId: team.adminId };
    calls = [];
    for (const from of ['+33612345678', '+33612345679']) {
      const callId = await inboundCall(server, {
        from,
        to: number.e164,
        script: { answer: [{ by: lea.memberId, afterSeconds: 1 }], talkSeconds: 30 },
      });
      calls.push(callId);
      // The calls are made at the pinned instant, and the pipeline has kept audio and a transcript.
      const row = await server.services.db.one<{ account_id: string; sid: string; url: string }>(
        sql`update calls set created_at = ${FIXED} where id = ${callId}
          returning account_id, record->'recording'->>'sid' as sid, record->'recording'->>'url' as url`,
      );
      emulator.live.recordings.add(row.sid);
      await server.services.db.execute(sql`insert into call_recordings (call_id, account_id, recording_sid, source_url, audio, size_bytes)
        values (${callId}, ${row.account_id}, ${row.sid}, ${row.url}, ${Buffer.from('RIFF')}, 4)`);
      await server.services.db.execute(sql`insert into call_transcripts (call_id, account_id, engine, segments)
        values (${callId}, ${row.account_id}, 'test', ${JSON.stringify([{ speaker: 'rep', start: 0, end: 1, text: 'Bonjour' }])})`);
    }
  });
  afterAll(async () => {
    await server?.close();
    await emulator?.close();
  });

  const state = (callId: string) =>
    server.services.db.one<{
      audio: boolean;
      transcript: boolean;
      deleted: Date | null;
      transcriptDeleted: boolean | null;
    }>(sql`
      select r.audio is not null as audio,
        exists (select 1 from call_transcripts t where t.call_id = ${callId}) as transcript,
        d.deleted_at as deleted, d.transcript_deleted as "transcriptDeleted"
      from call_recordings r left join recording_deletions d on d.call_id = r.call_id where r.call_id = ${callId}`);

  it('keeps audio for ever until the account sets a retention', async () => {
    server.travel(400 * DAY);
    expect(await applyRetention(server.services, atTwilio)).toEqual([]);
    server.travel(-400 * DAY);
  });

  it('lets admins only set it, in whole days', async () => {
    expect((await member.put('/api/account/recording-retention', { deleteAudioAfterDays: 30 })).status).toBe(
      403,
    );
    const bad = await admin.put('/api/account/recording-retention', { deleteAudioAfterDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.deleteAudioAfterDays).toBeDefined();
    const set = await admin.put('/api/account/recording-retention', { deleteAudioAfterDays: 30 });
    expect(set.body).toEqual({ deleteAudioAfterDays: 30, keepTranscript: true });
  });

  it('deletes nothing before the retention has passed', async () => {
    server.travel(29 * DAY);
    expect(await applyRetention(server.services, atTwilio)).toEqual([]);
    expect(await state(calls[0]!)).toMatchObject({ audio: true, transcript: true, deleted: null });
  });

  it('retries later when the carrier fails, and marks nothing', async () => {
    server.travel(2 * DAY);
    emulator.failNext({ status: 503, code: 20500, message: 'Service unavailable' });
    const done = await applyRetention(server.services, atTwilio);
    expect(done).toHaveLength(1);
    expect(emulator.live.recordings.size).toBe(1);
  });

  it('deletes the audio at Twilio and in Parley once past, keeps the transcript, and marks the call', async () => {
    expect(await applyRetention(server.services, atTwilio)).toHaveLength(1);
    expect(emulator.live.recordings.size).toBe(0);
    for (const callId of calls)
      expect(await state(callId)).toEqual({
        audio: false,
        transcript: true,
        deleted: new Date(FIXED.getTime() + 31 * DAY),
        transcriptDeleted: false,
      });
    expect(await applyRetention(server.services, atTwilio)).toEqual([]);
  });

  it('deletes the transcript too when the account does not keep them, and counts audio gone at Twilio as deleted', async () => {
    // A month on, the admin's session has expired: the setting is changed in the domain directly.
    expect(await updateRetention(server.services.db, adminActor, { keepTranscript: false })).toEqual({
      deleteAudioAfterDays: 30,
      keepTranscript: false,
    });
    await server.services.db.execute(sql`delete from recording_deletions where call_id = ${calls[1]!}`);
    expect(await applyRetention(server.services, atTwilio)).toEqual([calls[1]]);
    expect(await state(calls[1]!)).toMatchObject({
      audio: false,
      transcript: false,
      transcriptDeleted: true,
    });
    expect(emulator.violations()).toEqual([]);
  });
});
