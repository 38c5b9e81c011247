import { AppError, fieldError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { CarrierError } from '../../telephony/errors.ts';
import { renderTransfer, type TransferTarget } from '../../telephony/twilio/twiml/transfer.ts';
import { getAccount } from '../accounts/accounts.ts';
import { accountChannel, memberChannel } from '../events/channels.ts';
import { fromCarrierError } from '../numbers/carrier-errors.ts';
import { getCallFor } from './call-queries.ts';
import type { CallRecord } from './call-record.ts';
import { getCall, type StoredCall } from './calls-store.ts';
import { announceRinging, callerView } from './live-events.ts';
import { callerIdFor, dialableNumber } from './outbound.ts';

export interface CallTransfer {
  id: string;
  callId: string;
  requestedBy: string | null;
  targetMemberId: string | null;
  targetMemberName: string | null;
  targetNumber: string | null;
  /** twilio: the customer's leg was redirected to the target; simulator: recorded only (no live audio to move). */
  carrier: 'twilio' | 'simulator';
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const select = sql`select t.id, t.call_id as "callId", t.requested_by as "requestedBy",
  t.target_member_id as "targetMemberId", m.name as "targetMemberName", t.target_number as "targetNumber",
  t.carrier, t.created_at as "createdAt"
  from call_transfers t left join members m on m.id = t.target_member_id`;

/** Transfers of a call, oldest first. */
export async function listTransfers(
  db: Queryable,
  accountId: string,
  callId: string,
): Promise<CallTransfer[]> {
  return db.many<CallTransfer>(sql`${select} where t.call_id = ${callId} and t.account_id = ${accountId}
    order by t.created_at`);
}

/** A teammate (by member id) or a number typed by the rep, or a field error on `to` saying what is wrong. */
async function resolveTarget(
  services: Pick<Services, 'db'>,
  principal: Principal,
  to: string,
): Promise<TransferTarget> {
  if (UUID.test(to)) {
    if (to === principal.memberId)
      throw fieldError(
        'to',
        'You are already on this call: pick a teammate or a number.',
        'transfer_to_self',
      );
    const member = await services.db.maybeOne<{ id: string }>(
      sql`select id from members where id = ${to} and account_id = ${principal.accountId}`,
    );
    if (!member) throw fieldError('to', 'No teammate with this id in your team.', 'member_not_found');
    return { kind: 'member', memberId: member.id };
  }
  return { kind: 'number', e164: await dialableNumber(services, principal.accountId, to) };
}

/**
 * The carrier sid of the customer's side: the parent call of an inbound call; for an outbound
 * call, the leg dialled to the customer (the parent is the rep's browser or phone).
 */
function customerLegSid(call: StoredCall, record: CallRecord | null): string {
  if (call.direction === 'inbound') return call.carrierCallSid;
  const leg = record?.legs.find((l) => !l.memberId && l.to === call.to && l.status === 'in-progress');
  if (!leg)
    throw new AppError(
      'conflict',
      'customer_not_connected',
      'The customer is not connected yet: transfer the call once they have answered.',
    );
  return leg.sid;
}

/**
 * Hands a live call to a teammate or a number. On Twilio the customer's leg is redirected to
 * TwiML that dials the target (the rep's leg is hung up by Twilio as the <Dial> it was in ends);
 * on the simulator, whose calls play on the server from a script, the transfer is recorded and
 * announced only. Either way the call's record lists it.
 */
export async function transferCall(
  services: Services,
  principal: Principal,
  callId: string,
  input: { to: string },
): Promise<CallTransfer> {
  await getCallFor(services.db, principal, callId);
  const call = await getCall(services.db, principal.accountId, callId);
  if (call.final)
    throw new AppError(
      'conflict',
      'call_not_live',
      'This call has ended: there is nothing left to transfer.',
    );
  if (principal.role !== 'admin' && call.memberId !== principal.memberId)
    throw new AppError('forbidden', 'not_on_call', 'Only the member on this call can transfer it.');
  const target = await resolveTarget(services, principal, input.to);
  const account = await getAccount(services.db, principal.accountId);
  const carrier = services.carrierFor(account);
  if (carrier.redirectCall) {
    const number = await callerIdFor(services, principal.accountId, principal.memberId);
    if (!number)
      throw new AppError(
        'precondition_failed',
        'number_required',
        'This account has no number to transfer from.',
      );
    const twiml = renderTransfer({ base: services.publicUrl, callId, callerId: number.e164, target });
    try {
      await carrier.redirectCall(customerLegSid(call, call.record), twiml);
    } catch (error) {
      throw error instanceof CarrierError ? fromCarrierError(error) : error;
    }
  }
  const row = await services.db.one<{ id: string }>(sql`insert into call_transfers
      (account_id, call_id, requested_by, target_member_id, target_number, carrier)
    values (${principal.accountId}, ${callId}, ${principal.memberId},
      ${target.kind === 'member' ? target.memberId : null}, ${target.kind === 'number' ? target.e164 : null},
      ${carrier.redirectCall ? 'twilio' : 'simulator'})
    returning id`);
  const transfer = await services.db.one<CallTransfer>(sql`${select} where t.id = ${row.id}`);
  await announceTransfer(services, principal, call, transfer, target);
  return transfer;
}

/** Admins and the rep see the transfer live; on Twilio the teammate's dialer rings with the caller. */
async function announceTransfer(
  services: Services,
  principal: Principal,
  call: StoredCall,
  transfer: CallTransfer,
  target: TransferTarget,
) {
  const message = {
    type: 'call_transferred',
    callId: call.id,
    by: principal.memberId,
    to: target.kind === 'member' ? { memberId: target.memberId } : { number: target.e164 },
  };
  await services.bus.publish(accountChannel(principal.accountId), message);
  await services.bus.publish(memberChannel(principal.accountId, principal.memberId), message);
  if (target.kind === 'member' && transfer.carrier === 'twilio')
    await announceRinging(
      services.bus,
      principal.accountId,
      call.id,
      [target.memberId],
      callerView(call.direction === 'inbound' ? call.from : call.to, null),
    );
}
