import { AppError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { OUTBOUND_PATH, webhookUrls } from '../../telephony/twilio/twiml/urls.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { getAccount } from '../accounts/accounts.ts';
import { getCallFor } from '../calls/call-queries.ts';
import type { CallRecord } from '../calls/call-record.ts';
import { accountChannel, memberChannel } from '../events/channels.ts';
import { conferenceControlFor } from './conference-control-for.ts';
import {
  conferenceName,
  participantSettings,
  REP_LABEL,
  type SupervisionMode,
  supervisorLabel,
} from './modes.ts';
import { liveListeningSettings } from './settings.ts';

export interface Supervision {
  id: string;
  callId: string;
  supervisorMemberId: string;
  mode: SupervisionMode;
  legSid: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

const select = sql`select id, call_id as "callId", supervisor_member_id as "supervisorMemberId", mode,
  leg_sid as "legSid", started_at as "startedAt", ended_at as "endedAt" from call_supervisions`;

/** The rep's leg of a live, answered call: the participant a whispering supervisor coaches. */
export function repLegOf(record: CallRecord | null): { sid: string; memberId: string } | null {
  if (!record || record.final || !record.answeredBy) return null;
  const leg = record.legs.find((l) => l.memberId === record.answeredBy && l.answeredAt && !l.endedAt);
  return leg ? { sid: leg.sid, memberId: record.answeredBy } : null;
}

/** Supervisions of a call still going on, for the console's live list. */
export function openSupervisions(db: Queryable, accountId: string, callId: string): Promise<Supervision[]> {
  return db.many<Supervision>(
    sql`${select} where account_id = ${accountId} and call_id = ${callId} and ended_at is null order by started_at`,
  );
}

async function openSupervision(db: Queryable, principal: Principal, supervisionId: string) {
  const found = await db.maybeOne<Supervision>(
    sql`${select} where id = ${supervisionId} and account_id = ${principal.accountId} and ended_at is null`,
  );
  if (!found)
    throw new AppError('not_found', 'supervision_not_found', 'You are not listening to this call any more.');
  if (found.supervisorMemberId !== principal.memberId)
    throw new AppError(
      'forbidden',
      'not_your_supervision',
      'Another admin is listening; only they can change how.',
    );
  return found;
}

/**
 * Tells the account's admins, and the rep when the account says reps are told, how the call is
 * supervised now (mode null: the supervisor left).
 */
async function announce(
  services: Services,
  accountId: string,
  supervision: Supervision,
  repMemberId: string | null,
  mode: SupervisionMode | null,
) {
  const event = {
    type: 'call_supervision',
    callId: supervision.callId,
    supervisionId: supervision.id,
    supervisorMemberId: supervision.supervisorMemberId,
    mode,
  };
  await services.bus.publish(accountChannel(accountId), event);
  const { tellMembers } = await liveListeningSettings(services.db, accountId);
  if (tellMembers && repMemberId)
    await services.bus.publish(memberChannel(accountId, repMemberId), {
      type: 'being_supervised',
      callId: supervision.callId,
      mode,
    });
}

/**
 * An admin starts listening to (or whispering in, or barging into) a live call. The first
 * supervisor moves the call into its conference; each supervisor's dialer is then called into it.
 */
export async function startSupervision(
  services: Services,
  principal: Principal,
  callId: string,
  mode: SupervisionMode,
): Promise<Supervision> {
  const call = await getCallFor(services.db, principal, callId);
  const settings = await liveListeningSettings(services.db, principal.accountId);
  if (!settings.enabled)
    throw new AppError(
      'precondition_failed',
      'live_listening_off',
      'Live listening is off for this account: turn it on in the supervision settings first.',
    );
  const rep = repLegOf(call.record);
  if (!rep)
    throw new AppError(
      'conflict',
      'call_not_live',
      'This call is not in progress with a rep: there is nothing to listen to.',
    );
  if (rep.memberId === principal.memberId)
    throw new AppError('invalid', 'own_call', 'You are on this call yourself.');
  const earlier = await services.db.one<{ count: number }>(
    sql`select count(*)::int as count from call_supervisions where call_id = ${callId}`,
  );
  const inserted = await services.db.maybeOne<{ id: string }>(
    sql`insert into call_supervisions (account_id, call_id, supervisor_member_id, mode, started_at)
      values (${principal.accountId}, ${callId}, ${principal.memberId}, ${mode}, ${services.now()})
      on conflict do nothing returning id`,
  );
  if (!inserted)
    throw new AppError(
      'conflict',
      'already_supervising',
      'You are already on this call: change the mode instead.',
    );
  const account = await getAccount(services.db, principal.accountId);
  const control = conferenceControlFor(services, account);
  const urls = webhookUrls(services.publicUrl);
  try {
    if (earlier.count === 0)
      await control.bridge({
        repLegSid: rep.sid,
        repUrl: urls.conference(callId, REP_LABEL),
        caller: { sid: call.record?.id ?? '', from: call.from, to: call.to },
        callerUrl: urls.dial(callId, call.record?.direction === 'outbound' ? OUTBOUND_PATH : '0'),
      });
    const leg = await control.addSupervisor({
      from: call.record?.numberE164 ?? call.to,
      to: `client:${memberIdentity(principal.memberId)}`,
      url: urls.supervise(callId, inserted.id),
    });
    await services.db.execute(
      sql`update call_supervisions set leg_sid = ${leg.sid} where id = ${inserted.id}`,
    );
  } catch (error) {
    // Nobody joined: the call is as it was, and the admin can try again.
    await services.db.execute(sql`delete from call_supervisions where id = ${inserted.id}`);
    throw error;
  }
  const supervision = await services.db.one<Supervision>(sql`${select} where id = ${inserted.id}`);
  await announce(services, principal.accountId, supervision, rep.memberId, mode);
  return supervision;
}

/**
 * An admin's open supervision, with the rep's leg of the call it is on (null once the call ended)
 * and the carrier participant to address: the common start of switching and leaving.
 */
async function supervisorInCall(services: Services, principal: Principal, supervisionId: string) {
  const current = await openSupervision(services.db, principal, supervisionId);
  const call = await getCallFor(services.db, principal, current.callId);
  const account = await getAccount(services.db, principal.accountId);
  return {
    current,
    rep: repLegOf(call.record),
    control: conferenceControlFor(services, account),
    participant: { conference: conferenceName(current.callId), participant: supervisorLabel(current.id) },
  };
}

/** Listen ↔ whisper ↔ barge, through the carrier's participant update. */
export async function switchSupervision(
  services: Services,
  principal: Principal,
  supervisionId: string,
  mode: SupervisionMode,
): Promise<Supervision> {
  const { current, rep, control, participant } = await supervisorInCall(services, principal, supervisionId);
  if (!rep) throw new AppError('conflict', 'call_not_live', 'The call has ended.');
  await control.update({ ...participant, ...participantSettings(mode, rep.sid) });
  await services.db.execute(sql`update call_supervisions set mode = ${mode} where id = ${current.id}`);
  const supervision = await services.db.one<Supervision>(sql`${select} where id = ${current.id}`);
  await announce(services, principal.accountId, supervision, rep.memberId, mode);
  return supervision;
}

/** The supervisor hangs up their side; the call goes on. */
export async function leaveSupervision(
  services: Services,
  principal: Principal,
  supervisionId: string,
): Promise<void> {
  const { current, rep, control, participant } = await supervisorInCall(services, principal, supervisionId);
  // Once the call ended there is no conference left to leave.
  if (rep) await control.remove(participant);
  await services.db.execute(
    sql`update call_supervisions set ended_at = ${services.now()} where id = ${current.id}`,
  );
  await announce(services, principal.accountId, current, rep?.memberId ?? null, null);
}
/** What a supervisor's leg is told when it fetches its TwiML: the room, and how to join it. */
export async function supervisorJoin(
  db: Queryable,
  callId: string,
  supervisionId: string,
  record: CallRecord | null,
) {
  const supervision = await db.maybeOne<Supervision>(
    sql`${select} where id = ${supervisionId} and call_id = ${callId} and ended_at is null`,
  );
  const rep = repLegOf(record);
  if (!supervision || !rep) return null;
  return {
    name: conferenceName(callId),
    label: supervisorLabel(supervision.id),
    ...participantSettings(supervision.mode, rep.sid),
  };
}

/** True once a supervisor moved the call into its conference: the caller's Dial action joins it then. */
export async function movedToConference(db: Queryable, callId: string): Promise<boolean> {
  const row = await db.maybeOne(sql`select 1 from call_supervisions where call_id = ${callId} limit 1`);
  return row !== null;
}
