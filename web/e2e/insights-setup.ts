import { carrierRecordingAccess } from '../../core/src/ai/pipeline/carrier-access.ts';
import { audioCheckingTranscriber } from '../../core/src/ai/pipeline/testing.ts';
import { startAiWorker } from '../../core/src/ai/pipeline/worker.ts';
import { extractiveSummariser } from '../../core/src/ai/summary/extractive.ts';
import type { ApiClient } from '../../core/src/http/testing/client.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../../core/src/http/testing/fixtures.ts';
import type { TestServer } from '../../core/src/http/testing/test-server.ts';
import { inboundCall } from '../../core/src/sync/testing/sync-harness.ts';
import { startRecordingHost } from '../../core/src/telephony/simulator/voice/index.ts';

/** What the customer "said" on the first call, as the test transcriber hands it back. */
export const ANSWERED_CALL_WORDS =
  'I would like a quote for twelve office chairs. Please send the quote by email.';

export interface InsightsTeam {
  admin: ApiClient;
  member: { memberId: string; email: string };
  /** The first call: answered by the member, talked 90 s. */
  answeredCallId: string;
}

/**
 * A Business team open 24/7 whose number rings one online member, with three inbound calls played
 * through the simulator: two answered (90 s and 30 s of talk), one missed (as in dashboard.e2e.test.ts).
 */
export async function insightsTeam(server: TestServer, company: string): Promise<InsightsTeam> {
  const { client: admin } = await signUpAdmin(server, { timeZone: 'Europe/Paris', company });
  const number = await buyFirstNumber(admin, { team: true });
  await admin.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin, 1);
  const member = await addMember(server, admin);
  await member.client.put('/api/me/presence', { status: 'online' });
  await openAroundTheClock(admin);
  await admin.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [member.memberId],
    ringSeconds: 20,
  });
  // The first call's recording is real audio, fetched and transcribed by the call pipeline.
  const host = await startRecordingHost();
  const answeredCallId = await inboundCall(server, {
    from: '+33612345678',
    to: number.e164,
    script: { answer: [{ by: member.memberId, afterSeconds: 3 }], talkSeconds: 90 },
    recordings: { host, audio: silentWav() },
  });
  const worker = startAiWorker(
    {
      db: server.services.db,
      transcriber: audioCheckingTranscriber(silentWav(), ANSWERED_CALL_WORDS),
      summariser: extractiveSummariser,
      carrierFor: carrierRecordingAccess(server.services),
      log: server.services.log,
    },
    { autostart: false },
  );
  // Every answered call queued a job; those of calls without simulated audio fail at the fetch.
  while ((await worker.runOnce()) > 0);
  await host.close();
  await inboundCall(server, {
    from: '+33698765432',
    to: number.e164,
    script: { answer: [{ by: member.memberId, afterSeconds: 5 }], talkSeconds: 30 },
  });
  await inboundCall(server, {
    from: '+33611111111',
    to: number.e164,
    script: { noAnswerFrom: [member.memberId] },
  });
  return { admin, member: { memberId: member.memberId, email: member.email }, answeredCallId };
}

/** Ten seconds of silence as a WAV file: the first call's recording. */
export function silentWav(seconds = 10, rate = 8000): Buffer {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVE', 8);
  wav.write('fmt ', 12);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  return wav;
}
