import { getAccount } from '../domain/accounts/accounts.ts';
import type { CallRecord } from '../domain/calls/call-record.ts';
import { AppError } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type CallFact, type Dashboard, dashboard } from './metrics.ts';

const DAY_MS = 24 * 60 * 60_000;
const MAX_DAYS = 366;

export interface DashboardQuery {
  /** Local days (YYYY-MM-DD) in the account's time zone, both included; the last 30 days by default. */
  from?: string | undefined;
  to?: string | undefined;
  memberId?: string | undefined;
}

/** The dashboard of an account over a range of its local days, optionally for one member's calls. */
export async function accountDashboard(
  db: Queryable,
  accountId: string,
  asked: DashboardQuery,
  now = new Date(),
): Promise<Dashboard & { timeZone: string; from: string; to: string }> {
  const account = await getAccount(db, accountId);
  const to = asked.to ?? new Intl.DateTimeFormat('en-CA', { timeZone: account.timeZone }).format(now);
  const from = asked.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const query = { from, to, memberId: asked.memberId };
  const span = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / DAY_MS;
  if (span < 0) {
    throw new AppError('invalid', 'invalid_input', 'The range ends before it starts.', {
      fields: { to: 'Pick a day on or after the start.' },
    });
  }
  if (span >= MAX_DAYS) {
    throw new AppError('invalid', 'invalid_input', `Ranges cover at most ${MAX_DAYS} days.`, {
      fields: { from: `Pick at most ${MAX_DAYS} days.` },
    });
  }
  // A day of margin on each side covers every time zone; the local range is applied in `dashboard`.
  const after = new Date(Date.parse(`${query.from}T00:00:00Z`) - DAY_MS);
  const before = new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * DAY_MS);
  const rows = await db.many<{
    direction: 'inbound' | 'outbound';
    member_id: string | null;
    record: CallRecord;
  }>(sql`
    select direction, member_id, record from calls
    where account_id = ${accountId} and final and created_at >= ${after} and created_at < ${before}
      ${query.memberId ? sql`and (member_id = ${query.memberId} or record -> 'rungMemberIds' ? ${query.memberId})` : sql``}`);
  const facts: CallFact[] = rows.flatMap((row) =>
    row.record.result
      ? [
          {
            direction: row.direction,
            result: row.record.result,
            memberId: row.member_id,
            rungMemberIds: row.record.rungMemberIds ?? [],
            startedAt: new Date(row.record.createdAt),
            talkSeconds: row.record.talkSeconds ?? 0,
            ringSeconds: row.record.result === 'answered' ? (row.record.ringSeconds ?? null) : null,
          },
        ]
      : [],
  );
  return {
    ...dashboard(facts, { ...query, timeZone: account.timeZone }),
    timeZone: account.timeZone,
    from: query.from,
    to: query.to,
  };
}
