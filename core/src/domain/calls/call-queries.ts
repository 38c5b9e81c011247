import { AppError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import type { CallRecord } from './call-record.ts';
import { findCall, recordCallEvents } from './calls-store.ts';

export interface CallSummary {
  id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  memberId: string | null;
  contactId: string | null;
  result: string | null;
  final: boolean;
  createdAt: Date;
  record: CallRecord | null;
}

interface Row {
  id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  member_id: string | null;
  contact_id: string | null;
  result: string | null;
  final: boolean;
  created_at: Date;
  record: CallRecord | Record<string, never>;
}

const toSummary = (r: Row): CallSummary => ({
  id: r.id,
  direction: r.direction,
  from: r.from_number,
  to: r.to_number,
  memberId: r.member_id,
  contactId: r.contact_id,
  result: r.result,
  final: r.final,
  createdAt: r.created_at,
  record: 'id' in r.record ? (r.record as CallRecord) : null,
});

/** Admins see every call of the account; a member sees the calls they took, placed or were rung for. */
export function visibleTo(principal: Principal) {
  return principal.role === 'admin'
    ? sql``
    : sql`and (member_id = ${principal.memberId} or jsonb_exists(record->'rungMemberIds', ${principal.memberId}::text))`;
}

export async function listCalls(
  db: Queryable,
  principal: Principal,
  options: { limit: number; live?: boolean | undefined },
): Promise<CallSummary[]> {
  const rows =
    await db.many<Row>(sql`select id, direction, from_number, to_number, member_id, contact_id, result,
      final, created_at, record from calls where account_id = ${principal.accountId} ${visibleTo(principal)}
      ${options.live ? sql`and final = false` : sql``}
    order by created_at desc limit ${options.limit}`);
  return rows.map(toSummary);
}

export async function getCallFor(db: Queryable, principal: Principal, callId: string): Promise<CallSummary> {
  const row =
    await db.maybeOne<Row>(sql`select id, direction, from_number, to_number, member_id, contact_id, result,
      final, created_at, record from calls where id = ${callId} and account_id = ${principal.accountId}
      ${visibleTo(principal)}`);
  if (!row) throw new AppError('not_found', 'call_not_found', 'No such call in this account.');
  return toSummary(row);
}

/** The rep's notes and disposition, kept as events so the record (and the CRM log) updates in place. */
export async function annotateCall(
  db: Db,
  principal: Principal,
  callId: string,
  annotation: {
    notes?: string | undefined;
    disposition?: string | undefined;
    contactId?: string | undefined;
  },
  now: Date,
): Promise<CallSummary> {
  await getCallFor(db, principal, callId);
  if (annotation.contactId) {
    const contact = await db.maybeOne(
      sql`select 1 from contacts where id = ${annotation.contactId} and account_id = ${principal.accountId}`,
    );
    if (!contact)
      throw new AppError('invalid', 'invalid_input', 'No such contact in this account.', {
        fields: { contactId: 'No such contact in this account.' },
      });
  }
  const call = await findCall(db, callId);
  if (!call?.record)
    throw new AppError(
      'conflict',
      'call_not_started',
      'This call has not started yet: add notes once it rings.',
    );
  await recordCallEvents(db, callId, [{ type: 'call.annotated', ...annotation, at: now }]);
  return getCallFor(db, principal, callId);
}
