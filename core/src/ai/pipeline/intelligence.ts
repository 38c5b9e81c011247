import { AppError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import { assertMayHearCall, findRecording } from '../../recordings/store.ts';
import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { CallSummary } from '../summary/port.ts';
import type { Transcript } from '../transcription/port.ts';
import { enqueueRecording } from './enqueue.ts';
import { findSummary, findTranscript } from './results.ts';
import { type StageState, stagesOf } from './stages.ts';

export interface CallIntelligence {
  recording: {
    /** Plays with the caller's own session (Range requests supported); null once deleted. */
    playUrl: string | null;
    durationSeconds: number | null;
    channels: 1 | 2;
  } | null;
  stages: StageState[];
  transcript: Transcript | null;
  summary: CallSummary | null;
}

/** A call's recording, transcript, summary and where each stage stands, for those who may hear the call. */
export async function callIntelligence(
  db: Db,
  principal: Principal,
  callId: string,
): Promise<CallIntelligence> {
  await assertMayHearCall(db, principal, callId);
  const recording = await findRecording(db, callId);
  return {
    recording: recording
      ? {
          playUrl: recording.kept ? `/api/calls/${callId}/recording` : null,
          durationSeconds: recording.durationSeconds,
          channels: recording.channels,
        }
      : null,
    stages: await stagesOf(db, callId),
    transcript: await findTranscript(db, callId),
    summary: await findSummary(db, callId),
  };
}

/** Runs the failed stages again (an admin fixed the key, the model server is back). */
export async function retryFailedStages(db: Db, principal: Principal, callId: string): Promise<void> {
  await assertMayHearCall(db, principal, callId);
  await db.transaction(async (tx) => {
    const reset =
      await tx.execute(sql`update call_ai_stages set status = 'pending', reason = null, attempts = 0,
      updated_at = now() where call_id = ${callId} and status = 'failed'`);
    if (reset === 0)
      throw new AppError(
        'conflict',
        'nothing_to_retry',
        'No stage of this call has failed; nothing to run again.',
      );
    await enqueueRecording(tx, principal.accountId, callId);
  });
}
