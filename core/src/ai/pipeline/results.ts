import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { CallSummary } from '../summary/port.ts';
import type { Transcript, TranscriptSegment } from '../transcription/port.ts';

export async function saveTranscript(
  db: Queryable,
  accountId: string,
  callId: string,
  transcript: Transcript,
): Promise<void> {
  await db.execute(sql`insert into call_transcripts (call_id, account_id, language, engine, segments)
    values (${callId}, ${accountId}, ${transcript.language}, ${transcript.engine}, ${JSON.stringify(transcript.segments)})
    on conflict (call_id) do update set language = excluded.language, engine = excluded.engine,
      segments = excluded.segments, created_at = now()`);
}

export async function findTranscript(db: Queryable, callId: string): Promise<Transcript | null> {
  const row = await db.maybeOne<{ language: string | null; engine: string; segments: TranscriptSegment[] }>(
    sql`select language, engine, segments from call_transcripts where call_id = ${callId}`,
  );
  return row ? { language: row.language, engine: row.engine, segments: row.segments } : null;
}

/** The transcript as one text, speakers named, for CRMs that keep it in a text field. */
export function transcriptText(transcript: Transcript): string {
  return transcript.segments
    .filter((segment) => segment.text.trim() !== '')
    .map((segment) => `${segment.speaker === 'unknown' ? '' : `${segment.speaker}: `}${segment.text.trim()}`)
    .join('\n');
}

export async function saveSummary(
  db: Queryable,
  accountId: string,
  callId: string,
  summary: CallSummary,
): Promise<void> {
  await db.execute(sql`insert into call_summaries (call_id, account_id, kind, engine, language, summary, next_steps,
      suggested_disposition)
    values (${callId}, ${accountId}, ${summary.kind}, ${summary.engine}, ${summary.language}, ${summary.summary},
      ${JSON.stringify(summary.nextSteps)}, ${summary.suggestedDisposition})
    on conflict (call_id) do update set kind = excluded.kind, engine = excluded.engine, language = excluded.language,
      summary = excluded.summary, next_steps = excluded.next_steps,
      suggested_disposition = excluded.suggested_disposition, created_at = now()`);
}

export async function findSummary(db: Queryable, callId: string): Promise<CallSummary | null> {
  const row = await db.maybeOne<{
    kind: 'ai' | 'extract';
    engine: string;
    language: string | null;
    summary: string;
    next_steps: string[];
    suggested_disposition: string | null;
  }>(sql`select kind, engine, language, summary, next_steps, suggested_disposition from call_summaries
    where call_id = ${callId}`);
  return row
    ? {
        kind: row.kind,
        engine: row.engine,
        language: row.language,
        summary: row.summary,
        nextSteps: row.next_steps,
        suggestedDisposition: row.suggested_disposition,
      }
    : null;
}

/** The summary as CRMs get it: an extract says so, so nobody takes picked sentences for an AI's words. */
export function summaryForCrm(summary: Pick<CallSummary, 'kind' | 'summary' | 'nextSteps'>): string {
  const steps = summary.nextSteps.length > 0 ? `\nNext steps: ${summary.nextSteps.join('; ')}` : '';
  return `${summary.kind === 'extract' ? '[Extract] ' : ''}${summary.summary}${steps}`;
}
