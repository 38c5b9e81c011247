import type { CrmKind } from '@parley/connectors';
import type { DevEmulator } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { signedRecordingUrl } from '../../recordings/signed-url.ts';
import { sql } from '../../store/sql.ts';
import { connect, FAST_RETRY, startEmulator, until } from '../../sync/testing/sync-harness.ts';
import { type SyncWorker, startSyncWorker } from '../../sync/worker.ts';
import { extractiveSummariser } from '../summary/extractive.ts';
import { conversation, type SpeechLanguage, type Turn } from '../testing/speech.ts';
import { POCKETSPHINX_WER_BOUND, wordErrorRate } from '../testing/word-error-rate.ts';
import { transcriberFromEnv } from '../transcription/index.ts';
import { type PipelineScene, settle, startPipelineScene } from './testing.ts';

const CALLS: { language: SpeechLanguage; crm: CrmKind; turns: Turn[] }[] = [
  {
    language: 'en',
    crm: 'hubspot',
    turns: [
      { speaker: 'customer', text: 'Hello, I am calling about my order of office chairs.' },
      { speaker: 'rep', text: 'Of course. Your order of twelve chairs left our warehouse yesterday.' },
      { speaker: 'customer', text: 'Good. Can you send me the delivery date by email?' },
      { speaker: 'rep', text: 'Yes, I will send you the delivery date by email this afternoon.' },
    ],
  },
  {
    language: 'fr',
    crm: 'attio',
    turns: [
      { speaker: 'customer', text: 'Bonjour, je vous appelle au sujet de ma commande de chaises.' },
      { speaker: 'rep', text: 'Bien sûr. Votre commande de douze chaises est partie hier.' },
      { speaker: 'customer', text: 'Très bien. Pouvez-vous m’envoyer la date de livraison?' },
      { speaker: 'rep', text: 'Oui, je vous envoie la date de livraison cet après-midi.' },
    ],
  },
];

/**
 * The whole pipeline on real speech: a simulated call whose recording is espeak-ng's voices on two
 * channels, fetched from the simulator like Twilio's, transcribed by the offline engine, summarised
 * by the extract, and the call's log in the CRM (its emulator) updated in place.
 */
describe.each(CALLS)('a $language call logged in $crm', ({ language, crm, turns }) => {
  let server: TestServer;
  let emulator: DevEmulator;
  let scene: PipelineScene;
  let sync: SyncWorker;

  beforeAll(async () => {
    emulator = await startEmulator(crm);
    const app = emulator.oauthApp;
    server = await startTestServer({
      crm: { apps: app ? { [crm]: { ...app, webhookSecret: emulator.webhookSecret ?? null } } : {} },
    });
    await emulator.seed([
      {
        key: 'alice',
        kind: 'contact',
        name: 'Alice Martin',
        company: 'Acme SAS',
        emails: ['alice@acme.example'],
        phones: ['+33 6 12 34 56 78'],
      },
    ]);
    scene = await startPipelineScene(server, { locale: language });
    sync = startSyncWorker(
      {
        db: server.services.db,
        bus: server.services.bus,
        connectorFor: server.services.crm.connectorFor,
        log: server.services.log,
        instanceId: 'pipeline-e2e',
        retry: FAST_RETRY,
        leaseMs: 5_000,
        pollContactsMs: 3_600_000,
        recordingUrlFor: (link) => signedRecordingUrl(server.services, link),
      },
      { autostart: false },
    );
    const connection = await connect(server, scene.accountId, crm, emulator);
    await until(
      sync,
      async () =>
        (await scene.admin.get(`/api/crm/connections/${connection.id}`)).body.connection.import?.state ===
        'done',
      { what: 'the initial import' },
    );
  }, 120_000);

  afterAll(async () => {
    await scene?.close();
    await emulator?.close();
    await server?.close();
  });

  /** A call with the conversation as its recording, logged once in the CRM, then through the pipeline. */
  async function loggedCall() {
    const { audio } = await conversation(turns, language);
    const callId = await scene.call(audio.bytes, { talkSeconds: 30 });
    const logged = async () => {
      const rows = await server.services.db.many<{ status: string; done: number; wanted: number }>(
        sql`select status, done, wanted from call_syncs where call_id = ${callId}`,
      );
      return rows.length === 1 && rows[0]?.status === 'logged' && rows[0].done === rows[0].wanted;
    };
    await until(sync, logged, { what: 'the call to be logged' });
    const before = emulator.callLogs().filter((log) => log.parleyCallId === callId);
    expect(before).toHaveLength(1);
    await settle(
      scene,
      scene.worker({ transcriber: transcriberFromEnv({}), summariser: extractiveSummariser }),
      callId,
      600_000,
    );
    await until(sync, logged, { what: 'the update to reach the CRM' });
    const after = emulator.callLogs().filter((log) => log.parleyCallId === callId);
    const body = (await scene.admin.get(`/api/calls/${callId}/intelligence`)).body;
    return { callId, before, after, body };
  }

  // The offline engine Debian ships (Pocketsphinx) knows US English only; French needs STT_BASE_URL.
  // The issue asks for under 35% word error rate; Pocketsphinx reaches about 60% on this audio and
  // no better engine with its model installs from npm or Debian here (see the transcription README).
  // The bound below catches regressions of this engine; it does not claim the 35% target.
  it.runIf(language === 'en')(
    `transcribes the recording (word error rate under ${POCKETSPHINX_WER_BOUND * 100}%, the offline engine's level), summarises it, and updates the same CRM log`,
    async () => {
      const { before, after, body } = await loggedCall();
      expect(body.stages.map((s: { status: string; reason: string | null }) => [s.status, s.reason])).toEqual(
        [
          ['done', null],
          ['done', null],
          ['done', null],
        ],
      );
      // The CRM's log of the call is the same record, now with the summary.
      expect(body.summary.kind).toBe('extract');
      expect(body.summary.summary.length).toBeGreaterThan(0);
      expect(after).toHaveLength(1);
      expect(after[0]?.id).toBe(before[0]?.id);
      expect(before[0]?.text).not.toContain('[Extract]');
      expect(after[0]?.text).toContain(`[Extract] ${body.summary.summary}`);
      const segments: { speaker: string; text: string }[] = body.transcript.segments;
      const heard = segments.map((segment) => segment.text).join(' ');
      const said = turns.map((turn) => turn.text).join(' ');
      const wer = wordErrorRate(said, heard);
      console.info(`${language}: word error rate ${(wer * 100).toFixed(1)}% — heard «${heard}»`);
      expect(wer).toBeLessThan(POCKETSPHINX_WER_BOUND);
      // Dual channel: each side's words come back under its speaker — closer to what that side said
      // than to what the other side said, however many words the engine gets wrong.
      const saidBy = (speaker: string) =>
        turns
          .filter((t) => t.speaker === speaker)
          .map((t) => t.text)
          .join(' ');
      const heardFrom = (speaker: string) =>
        segments
          .filter((s) => s.speaker === speaker)
          .map((s) => s.text)
          .join(' ');
      for (const [speaker, other] of [
        ['customer', 'rep'],
        ['rep', 'customer'],
      ] as const)
        expect(wordErrorRate(saidBy(speaker), heardFrom(speaker))).toBeLessThan(
          wordErrorRate(saidBy(other), heardFrom(speaker)),
        );
    },
    900_000,
  );

  it.runIf(language === 'fr')(
    'shows why the offline engine did not transcribe it, keeps the recording playable and the CRM log as it was',
    async () => {
      const { callId, before, after, body } = await loggedCall();
      expect(body.stages).toEqual([
        expect.objectContaining({ stage: 'audio', status: 'done' }),
        expect.objectContaining({
          stage: 'transcript',
          status: 'failed',
          reason: expect.stringContaining('"fr"'),
        }),
        expect.objectContaining({ stage: 'summary', status: 'failed' }),
      ]);
      expect(body.recording.playUrl).toBe(`/api/calls/${callId}/recording`);
      expect(after).toEqual(before);
    },
    900_000,
  );
});
