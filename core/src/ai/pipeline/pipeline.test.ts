import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../store/sql.ts';
import { AiError } from '../errors.ts';
import { extractiveSummariser } from '../summary/extractive.ts';
import type { Summariser } from '../summary/port.ts';
import type { Transcriber } from '../transcription/port.ts';
import {
  audioCheckingTranscriber,
  type PipelineScene,
  settle,
  startPipelineScene,
  toneWav,
} from './testing.ts';

const SAID =
  'I am calling about the invoice for the blue printers. The invoice lists ten printers but we received eight printers. ' +
  'Can you send a corrected invoice by Friday? Thanks, goodbye.';

describe('the call pipeline, through the outbox and the worker', () => {
  let scene: PipelineScene;
  const audio = toneWav();

  beforeAll(async () => {
    scene = await startPipelineScene();
  }, 60_000);
  afterAll(async () => scene?.close());

  const intelligence = async (callId: string) =>
    (await scene.admin.get(`/api/calls/${callId}/intelligence`)).body;

  it('fetches the recording the carrier served, transcribes and summarises it, and sends the update to the CRMs', async () => {
    const transcriber = audioCheckingTranscriber(audio, SAID);
    const worker = scene.worker({ transcriber, summariser: extractiveSummariser });
    const callId = await scene.call(audio);
    // Nothing runs on the webhook path: the job waits in the outbox.
    expect((await intelligence(callId)).stages).toEqual([]);
    const queued = await scene.server.services.db.many(
      sql`select 1 from outbox where subject_id = ${callId} and topic = 'recording.ready' and status = 'pending'`,
    );
    expect(queued).toHaveLength(1);

    await settle(scene, worker, callId);
    const body = await intelligence(callId);
    expect(body.stages.map((s: { stage: string; status: string }) => [s.stage, s.status])).toEqual([
      ['audio', 'done'],
      ['transcript', 'done'],
      ['summary', 'done'],
    ]);
    expect(body.stages[0].provider).toBe('simulator');
    expect(transcriber.seen[0]?.channels).toBe(2);
    expect(body.transcript.segments[0]).toMatchObject({ speaker: 'customer', text: SAID });
    expect(body.summary).toMatchObject({ kind: 'extract', engine: 'extract', suggestedDisposition: null });
    expect(body.summary.summary).toContain('invoice');
    expect(body.summary.nextSteps).toEqual(['Can you send a corrected invoice by Friday?']);
    expect(body.recording).toMatchObject({ playUrl: `/api/calls/${callId}/recording`, channels: 2 });

    const updates = await scene.server.services.db.many(
      sql`select 1 from outbox where subject_id = ${callId} and topic = 'call.updated'`,
    );
    expect(updates).toHaveLength(1);
    const job = await scene.server.services.db.one<{ status: string }>(
      sql`select status from outbox where subject_id = ${callId} and topic = 'recording.ready'`,
    );
    expect(job.status).toBe('done');
  });

  it('fails a stage that cannot succeed at once, with why, fails the stages after it, and leaves the call usable', async () => {
    const refusing: Transcriber = {
      name: 'test:refusing',
      async transcribe() {
        throw new AiError('invalid', 'The speech server refused the API key (HTTP 401).');
      },
    };
    const worker = scene.worker({ transcriber: refusing, summariser: extractiveSummariser });
    const callId = await scene.call(audio);
    await settle(scene, worker, callId);
    const body = await intelligence(callId);
    expect(body.stages).toEqual([
      expect.objectContaining({ stage: 'audio', status: 'done' }),
      expect.objectContaining({
        stage: 'transcript',
        status: 'failed',
        reason: 'The speech server refused the API key (HTTP 401).',
        attempts: 1,
      }),
      expect.objectContaining({
        stage: 'summary',
        status: 'failed',
        reason: 'Not run: the transcript stage failed.',
      }),
    ]);
    // The call is untouched: it reads, takes notes, and its recording plays.
    expect((await scene.admin.get(`/api/calls/${callId}`)).status).toBe(200);
    expect((await scene.lea.client.patch(`/api/calls/${callId}`, { notes: 'Called back' })).status).toBe(200);
    expect(body.recording.playUrl).toBe(`/api/calls/${callId}/recording`);
  });

  it('retries a stage that may succeed later with backoff, showing why it waits, then fails it after the last attempt', async () => {
    let calls = 0;
    const down: Summariser = {
      name: 'test:down',
      async summarise() {
        calls += 1;
        throw new AiError('unavailable', 'The language model answered HTTP 503.');
      },
    };
    const worker = scene.worker({ transcriber: audioCheckingTranscriber(audio, SAID), summariser: down });
    const callId = await scene.call(audio);
    await worker.runOnce();
    const waiting = (await intelligence(callId)).stages[2];
    expect(waiting).toMatchObject({ stage: 'summary', status: 'pending', attempts: 1 });
    expect(waiting.reason).toMatch(/^The language model answered HTTP 503\. Trying again in \d+ s\.$/);
    await settle(scene, worker, callId);
    const body = await intelligence(callId);
    expect(calls).toBe(3);
    expect(body.stages[2]).toMatchObject({
      status: 'failed',
      reason: 'The language model answered HTTP 503. (after 3 attempts)',
    });
    // What did come out still goes to the CRMs.
    expect(body.transcript.segments).toHaveLength(1);
    const updates = await scene.server.services.db.many(
      sql`select 1 from outbox where subject_id = ${callId} and topic = 'call.updated'`,
    );
    expect(updates).toHaveLength(1);
  });

  it('lets an admin run failed stages again once the cause is fixed', async () => {
    let up = false;
    const flaky: Summariser = {
      name: 'test:flaky',
      async summarise(transcript) {
        if (!up) throw new AiError('invalid', 'The language model refused the request (HTTP 401).');
        return extractiveSummariser.summarise(transcript);
      },
    };
    const worker = scene.worker({ transcriber: audioCheckingTranscriber(audio, SAID), summariser: flaky });
    const callId = await scene.call(audio);
    await settle(scene, worker, callId);
    expect((await intelligence(callId)).stages[2].status).toBe('failed');
    expect((await scene.lea.client.post(`/api/calls/${callId}/intelligence/retry`)).status).toBe(403);
    up = true;
    expect((await scene.admin.post(`/api/calls/${callId}/intelligence/retry`)).status).toBe(202);
    await settle(scene, worker, callId);
    const body = await intelligence(callId);
    expect(body.stages.map((s: { status: string }) => s.status)).toEqual(['done', 'done', 'done']);
    expect(body.summary.kind).toBe('extract');
    expect((await scene.admin.post(`/api/calls/${callId}/intelligence/retry`)).status).toBe(409);
  });

  it('fails the audio stage when the carrier refuses the credentials, without trying the next stages', async () => {
    const transcriber = audioCheckingTranscriber(audio, SAID);
    const worker = scene.worker({ transcriber, summariser: extractiveSummariser });
    const callId = await scene.call(audio);
    // The account's carrier credentials changed since the call: the carrier answers 401.
    const original = scene.server.services.webhookCredentialsFor;
    scene.server.services.webhookCredentialsFor = () => ({ accountSid: 'ACwrong', authToken: 'nope' });
    try {
      await settle(scene, worker, callId);
    } finally {
      scene.server.services.webhookCredentialsFor = original;
    }
    const body = await intelligence(callId);
    expect(body.stages[0]).toMatchObject({
      stage: 'audio',
      status: 'failed',
      reason: "The carrier refused the account's credentials for the recording (HTTP 401).",
    });
    expect(body.stages[1].reason).toBe('Not run: the audio stage failed.');
    expect(transcriber.seen).toHaveLength(0);
    expect(body.recording.playUrl).toBeNull();
  });
});
