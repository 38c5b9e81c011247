import type { ApiClient } from '../../http/testing/client.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';
import { inboundCall } from '../../sync/testing/sync-harness.ts';
import type { CallScript } from '../../telephony/simulator/voice/call-script.ts';
import { type RecordingHost, startRecordingHost } from '../../telephony/simulator/voice/index.ts';
import { AiError } from '../errors.ts';
import type { Summariser } from '../summary/port.ts';
import type { Audio, Transcriber, Transcript } from '../transcription/port.ts';
import { encodeWav } from '../transcription/wav.ts';
import { carrierRecordingAccess } from './carrier-access.ts';
import type { RetryRule } from './run.ts';
import { type AiWorker, startAiWorker } from './worker.ts';

/** Quick retries: the rule is the production one, the waits are not. */
export const FAST_AI_RETRY: RetryRule = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

/** Two seconds of a 440 Hz tone as 8 kHz dual-channel WAV: real audio bytes, for tests about plumbing. */
export function toneWav(seconds = 2): Uint8Array {
  const sampleRate = 8000;
  const customer = new Float32Array(sampleRate * seconds).map(
    (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / sampleRate),
  );
  return encodeWav({ sampleRate, channels: [customer, new Float32Array(customer.length)] });
}

/**
 * A transcriber for tests of the pipeline around transcription, not of transcription itself: it
 * checks it was handed exactly the audio the carrier served (else it fails like an engine given
 * garbage), and says `said` as the customer. The offline engine's own accuracy is tested apart.
 */
export function audioCheckingTranscriber(served: Uint8Array, said: string): Transcriber & { seen: Audio[] } {
  const seen: Audio[] = [];
  return {
    name: 'test:audio-check',
    seen,
    async transcribe(audio): Promise<Transcript> {
      seen.push(audio);
      if (Buffer.compare(Buffer.from(audio.bytes), Buffer.from(served)) !== 0)
        throw new AiError('invalid', 'The transcriber was not given the recording the carrier served.');
      return {
        language: 'en',
        engine: 'test:audio-check',
        segments: [{ speaker: 'customer', start: 0, end: 2, text: said }],
      };
    },
  };
}

export interface PipelineScene {
  server: TestServer;
  host: RecordingHost;
  admin: ApiClient;
  accountId: string;
  number: { id: string; e164: string };
  /** The member who answers the scene's calls. */
  lea: { memberId: string; client: ApiClient };
  /** Another member of the same account, rung for nothing. */
  max: { memberId: string; client: ApiClient };
  worker(deps: { transcriber: Transcriber; summariser: Summariser; retry?: RetryRule }): AiWorker;
  /** A customer calls the number, Lea answers, the recording is `audio`; returns the call's id. */
  call(audio: Uint8Array, script?: Partial<CallScript>): Promise<string>;
  close(): Promise<void>;
}

export async function startPipelineScene(
  server?: TestServer,
  signup: Record<string, unknown> = {},
): Promise<PipelineScene> {
  const owned = server === undefined;
  const running = server ?? (await startTestServer());
  const host = await startRecordingHost();
  const { client: admin, accountId } = await signUpAdmin(running, signup);
  const number = await buyFirstNumber(admin, { team: true });
  await admin.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin, 2);
  const lea = await addMember(running, admin);
  const max = await addMember(running, admin);
  await lea.client.put('/api/me/presence', { status: 'online' });
  await openAroundTheClock(admin);
  await admin.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [lea.memberId],
    ringSeconds: 20,
  });
  return {
    server: running,
    host,
    admin,
    accountId,
    number,
    lea,
    max,
    worker: ({ transcriber, summariser, retry }) =>
      startAiWorker(
        {
          db: running.services.db,
          transcriber,
          summariser,
          carrierFor: carrierRecordingAccess(running.services),
          retry: retry ?? FAST_AI_RETRY,
          log: running.services.log,
        },
        { autostart: false },
      ),
    call: (audio, script = {}) =>
      inboundCall(running, {
        from: '+33612345678',
        to: number.e164,
        script: { answer: [{ by: lea.memberId, afterSeconds: 1 }], talkSeconds: 20, ...script },
        recordings: { host, audio },
      }),
    async close() {
      await host.close();
      if (owned) await running.close();
    },
  };
}

/** Runs the worker until the call's stages have all settled (none pending). */
export async function settle(scene: PipelineScene, worker: AiWorker, callId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.runOnce();
    const pending = await scene.server.services.db.many(
      sql`select 1 from call_ai_stages where call_id = ${callId} and status = 'pending'`,
    );
    const started = await scene.server.services.db.many(
      sql`select 1 from call_ai_stages where call_id = ${callId}`,
    );
    if (started.length > 0 && pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the pipeline of call ${callId} did not settle`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
