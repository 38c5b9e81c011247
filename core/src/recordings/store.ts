import { AppError } from '../errors.ts';
import type { Principal } from '../http/route.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';

export interface StoredRecording {
  callId: string;
  accountId: string;
  recordingSid: string;
  sourceUrl: string;
  channels: 1 | 2;
  durationSeconds: number | null;
  contentType: string | null;
  sizeBytes: number | null;
  fetchedAt: Date | null;
  /** The audio is here to play: fetched, and not deleted since by retention. */
  kept: boolean;
}

interface Row {
  call_id: string;
  account_id: string;
  recording_sid: string;
  source_url: string;
  channels: number;
  duration_seconds: number | null;
  content_type: string | null;
  size_bytes: number | null;
  fetched_at: Date | null;
  kept: boolean;
}

const META = sql`r.call_id, r.account_id, r.recording_sid, r.source_url, r.channels, r.duration_seconds,
  r.content_type, r.size_bytes, r.fetched_at, (r.audio is not null) as kept`;

const toRecording = (row: Row): StoredRecording => ({
  callId: row.call_id,
  accountId: row.account_id,
  recordingSid: row.recording_sid,
  sourceUrl: row.source_url,
  channels: row.channels === 2 ? 2 : 1,
  durationSeconds: row.duration_seconds,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  fetchedAt: row.fetched_at,
  kept: row.kept,
});

/** The carrier's recording of a call, noted before it is fetched; a new recording replaces the old one's audio. */
export async function noteRecording(
  db: Queryable,
  input: {
    callId: string;
    accountId: string;
    recordingSid: string;
    sourceUrl: string;
    durationSeconds: number;
  },
): Promise<void> {
  await db.execute(sql`insert into call_recordings (call_id, account_id, recording_sid, source_url, duration_seconds)
    values (${input.callId}, ${input.accountId}, ${input.recordingSid}, ${input.sourceUrl}, ${input.durationSeconds})
    on conflict (call_id) do update set recording_sid = excluded.recording_sid, source_url = excluded.source_url,
      duration_seconds = excluded.duration_seconds,
      audio = case when call_recordings.recording_sid = excluded.recording_sid then call_recordings.audio end,
      fetched_at = case when call_recordings.recording_sid = excluded.recording_sid then call_recordings.fetched_at end`);
}

export async function saveAudio(
  db: Queryable,
  callId: string,
  audio: { bytes: Uint8Array; contentType: string; channels: 1 | 2 },
): Promise<void> {
  await db.execute(sql`update call_recordings set audio = ${Buffer.from(audio.bytes)}, content_type = ${audio.contentType},
    channels = ${audio.channels}, size_bytes = ${audio.bytes.length}, fetched_at = now() where call_id = ${callId}`);
}

export async function findRecording(db: Queryable, callId: string): Promise<StoredRecording | null> {
  const row = await db.maybeOne<Row>(sql`select ${META} from call_recordings r where r.call_id = ${callId}`);
  return row ? toRecording(row) : null;
}

/** The audio bytes, or null when not fetched yet or deleted by retention. */
export async function loadAudio(
  db: Queryable,
  callId: string,
): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const row = await db.maybeOne<{ audio: Uint8Array | null; content_type: string | null }>(
    sql`select audio, content_type from call_recordings where call_id = ${callId}`,
  );
  if (!row?.audio) return null;
  return { bytes: new Uint8Array(row.audio), contentType: row.content_type ?? 'audio/wav' };
}

/**
 * Who may hear a call and read what was said on it: the account's admins, and the member who
 * took or placed it; not the members who were only rung. Another account's call is not found,
 * so its existence does not leak.
 */
export async function assertMayHearCall(db: Queryable, principal: Principal, callId: string): Promise<void> {
  const row = await db.maybeOne<{ member_id: string | null }>(
    sql`select member_id from calls where id = ${callId} and account_id = ${principal.accountId}`,
  );
  if (!row) throw new AppError('not_found', 'call_not_found', 'No such call in this account.');
  if (principal.role !== 'admin' && row.member_id !== principal.memberId)
    throw new AppError(
      'forbidden',
      'not_your_call',
      'Only the account’s admins and the member who took this call can hear it or read its transcript.',
    );
}
