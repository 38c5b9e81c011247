import type { CallRecord } from '../../domain/calls/call-record.ts';
import { type CarrierRecording, fetchCarrierRecording } from '../../recordings/fetch-audio.ts';
import { findRecording, loadAudio, noteRecording, saveAudio } from '../../recordings/store.ts';
import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { isRetryable } from '../errors.ts';
import type { Summariser } from '../summary/port.ts';
import type { Transcriber } from '../transcription/port.ts';
import { decodeWav, isWav } from '../transcription/wav.ts';
import { findTranscript, saveSummary, saveTranscript } from './results.ts';
import { markStage, resetStages, STAGES, type Stage, stagesOf, startAttempt } from './stages.ts';

export interface RetryRule {
  /** Attempts of one stage before it fails for good. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Twilio can take a minute to process a long recording; a model server can be down for a while. */
export const DEFAULT_AI_RETRY: RetryRule = { maxAttempts: 6, baseDelayMs: 15_000, maxDelayMs: 15 * 60_000 };

export interface PipelineDeps {
  db: Db;
  transcriber: Transcriber;
  summariser: Summariser;
  /** Where and with which credentials an account's carrier serves its recordings. */
  carrierFor(account: { carrierCredentials: string | null }): Omit<CarrierRecording, 'url'>;
  fetch?: typeof fetch;
  retry?: RetryRule;
}

/** What one run did: finished (every stage settled) or to be run again after `delayMs`. */
export type RunOutcome = { kind: 'settled'; changed: boolean } | { kind: 'retry'; delayMs: number };

interface CallRow {
  id: string;
  account_id: string;
  final: boolean;
  record: CallRecord | Record<string, never>;
  locale: string;
  carrier_credentials: string | null;
}

class StageFailure extends Error {
  constructor(
    readonly stage: Stage,
    readonly retryInMs: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** The recording the pipeline works on: the conversation's, else the voicemail. */
function recordingOf(record: CallRecord): { sid: string; url: string; durationSeconds: number } | null {
  if (record.recording) return record.recording;
  if (record.voicemail)
    return {
      sid: record.voicemail.recordingSid,
      url: record.voicemail.url,
      durationSeconds: record.voicemail.durationSeconds,
    };
  return null;
}

function channelsOf(bytes: Uint8Array, contentType: string): 1 | 2 {
  if (!contentType.includes('wav') || !isWav(bytes)) return 1;
  return decodeWav(bytes).channels.length === 2 ? 2 : 1;
}

/**
 * Runs what is left of a call's pipeline: fetch the audio, transcribe it, summarise the transcript,
 * each stage recorded as done or failed (with why) so the call shows where it stands. A stage that
 * may succeed later (the carrier or a model server unavailable, rate limited) is retried with
 * backoff; one that cannot fails at once, and the stages after it fail for want of its output. The
 * call itself is never touched: a failed pipeline leaves it as it was, plus the failure.
 */
export async function runPipeline(deps: PipelineDeps, callId: string): Promise<RunOutcome> {
  const retry = deps.retry ?? DEFAULT_AI_RETRY;
  const call = await deps.db.maybeOne<CallRow>(sql`select c.id, c.account_id, c.final, c.record, a.locale,
      a.carrier_credentials from calls c join accounts a on a.id = c.account_id where c.id = ${callId}`);
  const recording = call && 'id' in call.record ? recordingOf(call.record as CallRecord) : null;
  if (!call || !recording) return { kind: 'settled', changed: false };

  const known = await findRecording(deps.db, callId);
  if (known?.recordingSid !== recording.sid) {
    await noteRecording(deps.db, {
      callId,
      accountId: call.account_id,
      recordingSid: recording.sid,
      sourceUrl: recording.url,
      durationSeconds: recording.durationSeconds,
    });
    await resetStages(deps.db, call.account_id, callId);
  }

  const done = new Set(
    (await stagesOf(deps.db, callId)).filter((s) => s.status !== 'pending').map((s) => s.stage),
  );
  let changed = false;
  try {
    if (!done.has('audio')) {
      await attempt(deps, retry, callId, 'audio', async () => {
        const carrier = deps.carrierFor({ carrierCredentials: call.carrier_credentials });
        const audio = await fetchCarrierRecording(
          { ...carrier, url: recording.url },
          deps.fetch ? { fetch: deps.fetch } : {},
        );
        await saveAudio(deps.db, callId, { ...audio, channels: channelsOf(audio.bytes, audio.contentType) });
        return carrier.carrier;
      });
    }
    if (!done.has('transcript')) {
      await attempt(deps, retry, callId, 'transcript', async () => {
        const audio = await loadAudio(deps.db, callId);
        const stored = await findRecording(deps.db, callId);
        if (!audio || !stored) throw new StageFailure('transcript', null, 'The audio is no longer kept.');
        const transcript = await deps.transcriber.transcribe(
          { ...audio, channels: stored.channels },
          { language: call.locale },
        );
        await saveTranscript(deps.db, call.account_id, callId, transcript);
        changed = true;
        return transcript.engine;
      });
    }
    if (!done.has('summary')) {
      await attempt(deps, retry, callId, 'summary', async () => {
        const transcript = await findTranscript(deps.db, callId);
        if (!transcript) throw new StageFailure('summary', null, 'There is no transcript to summarise.');
        const summary = await deps.summariser.summarise(transcript);
        await saveSummary(deps.db, call.account_id, callId, summary);
        changed = true;
        return summary.engine;
      });
    }
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    if (error.retryInMs !== null) return { kind: 'retry', delayMs: error.retryInMs };
    await failAfter(deps.db, callId, error.stage);
  } finally {
    // Whatever came out goes to the CRMs, even when a later stage failed.
    if (changed && call.final)
      await deps.db.execute(sql`insert into outbox (account_id, topic, subject_id)
        values (${call.account_id}, 'call.updated', ${callId})`);
  }
  return { kind: 'settled', changed };
}

/** Runs one stage: done with its provider, or a StageFailure saying whether to try again. */
async function attempt(
  deps: PipelineDeps,
  retry: RetryRule,
  callId: string,
  stage: Stage,
  work: () => Promise<string>,
): Promise<void> {
  const attempts = await startAttempt(deps.db, callId, stage);
  try {
    const provider = await work();
    await markStage(deps.db, callId, stage, { status: 'done', provider });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof StageFailure || !isRetryable(error) || attempts >= retry.maxAttempts) {
      const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
      await markStage(deps.db, callId, stage, { status: 'failed', reason: `${message}${tries}` });
      throw new StageFailure(stage, null, message);
    }
    const delayMs = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1));
    await markStage(deps.db, callId, stage, {
      status: 'pending',
      reason: `${message} Trying again in ${Math.ceil(delayMs / 1000)} s.`,
    });
    throw new StageFailure(stage, delayMs, message);
  }
}

/** The stages after a failed one cannot run: they fail too, saying which stage they waited for. */
async function failAfter(db: Db, callId: string, failed: Stage): Promise<void> {
  for (const stage of STAGES.slice(STAGES.indexOf(failed) + 1))
    await markStage(db, callId, stage, { status: 'failed', reason: `Not run: the ${failed} stage failed.` });
}
