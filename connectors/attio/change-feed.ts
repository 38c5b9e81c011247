import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CrmError } from '../core/errors.ts';
import { type AttioRecord, modifiedAt } from './map.ts';

/**
 * Attio's record query has no "modified since" filter (spec `POST /v2/objects/{object}/records/query`:
 * `filter`, `sorts`, `limit`, `offset` only, and no record-level `updated_at`), so the feed is a
 * pass over all people sorted by `created_at` (new people land at the end, so offsets stay put),
 * reporting those whose last value write (`modifiedAt`) is newer than the previous pass.
 *
 * The watermark for the next pass must not pass the moment this pass started on Attio's clock,
 * or an edit made mid-pass to a person already read would be lost. Attio's clock is only seen
 * through `active_from`, so: watermark = newest edit seen − this pass's duration (our clock) −
 * a margin. Edits newer than the watermark that were already reported are remembered in the cursor
 * as short digests of (record id, modified time), so they are not reported twice; that set only
 * holds edits from the last seconds before a pass, so the cursor stays small.
 *
 * Deletions do not show in a pass (the record is gone); they reach Parley as `record.deleted`
 * webhooks. Webhooks make the feed prompt; this pass is what makes it complete.
 */

export const PAGE_SIZE = 200;
/** Pages overlap a little, so a person deleted mid-pass does not shift another out of sight. */
const OVERLAP = 3;
const MARGIN_MS = 2_000;

const CursorState = z.strictObject({
  v: z.literal(1),
  since: z.number().nullable(),
  offset: z.number().int().min(0),
  passMax: z.number().nullable(),
  passStartedAt: z.number(),
  /** `digest:modifiedMs(base36)` of edits newer than `since` already reported. */
  seen: z.array(z.string()),
});
type CursorState = z.infer<typeof CursorState>;

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorState {
  try {
    return CursorState.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (cause) {
    throw new CrmError(
      'invalid',
      'The saved Attio contact sync position is unreadable; restart the contact sync from the beginning.',
      {
        crm: 'attio',
        cause,
      },
    );
  }
}

/** Attio writes nanoseconds; milliseconds are what Date reads. */
export function toMs(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}

function digest(recordId: string, modified: string): string {
  return createHash('sha256').update(`${recordId}|${modified}`).digest('base64url').slice(0, 12);
}

export interface FeedPage {
  records: AttioRecord[];
  next: string | null;
}

/**
 * One call of the feed: reads pages until it has something to report or a whole pass found
 * nothing (then `next` is null, and the cursor passed in, which starts that pass, resumes later).
 */
export async function readFeed(
  cursor: string | null,
  fetchPage: (offset: number, limit: number) => Promise<AttioRecord[]>,
  now: () => number,
): Promise<FeedPage> {
  let state: CursorState = cursor
    ? decodeCursor(cursor)
    : { v: 1, since: null, offset: 0, passMax: null, passStartedAt: now(), seen: [] };
  const seen = new Map<string, number>();
  for (const entry of state.seen) {
    const [key, at] = entry.split(':');
    if (key && at) seen.set(key, Number.parseInt(at, 36));
  }
  const save = (next: CursorState) =>
    encodeCursor({ ...next, seen: [...seen].map(([key, at]) => `${key}:${at.toString(36)}`) });
  const reported: AttioRecord[] = [];
  let fullPassInThisCall = state.offset === 0;
  if (fullPassInThisCall) state = { ...state, passStartedAt: now() };

  for (;;) {
    const from = Math.max(0, state.offset - OVERLAP);
    const page = await fetchPage(from, PAGE_SIZE);
    let passMax = state.passMax;
    for (const record of page) {
      const modified = modifiedAt(record);
      const at = toMs(modified);
      passMax = passMax === null ? at : Math.max(passMax, at);
      const key = digest(record.id.record_id, modified);
      if ((state.since === null || at > state.since) && !seen.has(key)) {
        reported.push(record);
        seen.set(key, at);
      }
    }
    state = { ...state, offset: from + page.length, passMax };
    if (page.length === PAGE_SIZE) {
      if (reported.length > 0) return { records: reported, next: save(state) };
      continue;
    }
    // End of the pass: the next one reports only what changed after this one began.
    const duration = now() - state.passStartedAt;
    const candidate = passMax === null ? null : passMax - duration - MARGIN_MS;
    const since =
      candidate === null ? state.since : state.since === null ? candidate : Math.max(state.since, candidate);
    if (since !== null) for (const [key, at] of seen) if (at <= since) seen.delete(key);
    const nextPass: CursorState = { v: 1, since, offset: 0, passMax: null, passStartedAt: now(), seen: [] };
    if (reported.length > 0) return { records: reported, next: save(nextPass) };
    if (fullPassInThisCall) return { records: [], next: null };
    state = nextPass;
    fullPassInThisCall = true;
  }
}
