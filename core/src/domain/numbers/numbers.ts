import { AppError, fieldError } from '../../errors.ts';
import { countryOf, toE164 } from '../../phone/e164.ts';
import type { Services } from '../../services.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { StoreError } from '../../store/errors.ts';
import { sql } from '../../store/sql.ts';
import type { NumberSearch } from '../../telephony/carrier.ts';
import { getAccount } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit.ts';
import { getMember } from '../identity/members.ts';
import { fromCarrierError } from './carrier-errors.ts';

export interface PhoneNumber {
  id: string;
  e164: string;
  carrier: 'twilio' | 'simulator';
  country: string;
  label: string | null;
  assignedMemberId: string | null;
  isTeamLine: boolean;
  /** Calls on this number are never recorded (and the recording notice is not played). */
  doNotRecord: boolean;
  createdAt: Date;
}

interface Row {
  id: string;
  e164: string;
  carrier: 'twilio' | 'simulator';
  carrier_sid: string;
  country: string;
  label: string | null;
  assigned_member_id: string | null;
  is_team_line: boolean;
  do_not_record: boolean;
  created_at: Date;
}

const toNumber = (r: Row): PhoneNumber => ({
  id: r.id,
  e164: r.e164,
  carrier: r.carrier,
  country: r.country,
  label: r.label,
  assignedMemberId: r.assigned_member_id,
  isTeamLine: r.is_team_line,
  doNotRecord: r.do_not_record,
  createdAt: r.created_at,
});

type Actor = { accountId: string; memberId: string };
export type Assignment = { memberId: string } | { team: true } | null;

async function withCarrierErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fromCarrierError(error);
  }
}

/** Available numbers, minus any a Parley account already owns. */
export async function searchNumbers(services: Services, accountId: string, search: NumberSearch) {
  const account = await getAccount(services.db, accountId);
  const found = await withCarrierErrors(() => services.carrierFor(account).searchAvailable(search));
  if (found.length === 0) return [];
  const owned = await services.db.many<{ e164: string }>(
    sql`select e164 from phone_numbers where e164 = any(${found.map((n) => n.e164)}::text[])`,
  );
  const taken = new Set(owned.map((o) => o.e164));
  return found.filter((n) => !taken.has(n.e164));
}

async function refuseForeignMember(db: Queryable, accountId: string, memberId: string) {
  const row = await db.maybeOne(
    sql`select 1 from members where id = ${memberId} and account_id = ${accountId}`,
  );
  if (!row) throw fieldError('assignTo.memberId', 'No member with this id in your team.');
}

/**
 * Buys from the carrier, then records. If recording fails after the carrier sold us the
 * number, the number is released again so the account is not billed for a number it cannot see.
 */
export async function buyNumber(
  services: Services,
  actor: Actor,
  input: { e164: string; label?: string | undefined; assignTo: Assignment },
): Promise<PhoneNumber> {
  const account = await getAccount(services.db, actor.accountId);
  const e164 = toE164(input.e164, account.defaultCountry);
  if (!e164)
    throw fieldError(
      'e164',
      'Not a valid phone number: use the international format, e.g. +33 1 99 00 12 34.',
    );
  if (input.assignTo && 'memberId' in input.assignTo)
    await refuseForeignMember(services.db, actor.accountId, input.assignTo.memberId);
  const taken = await services.db.maybeOne(sql`select 1 from phone_numbers where e164 = ${e164}`);
  if (taken)
    throw new AppError('conflict', 'number_unavailable', `${e164} is already in use: pick another number.`, {
      fields: { e164: 'Already in use.' },
    });

  const carrier = services.carrierFor(account);
  const owned = await withCarrierErrors(() =>
    carrier.buy({
      e164,
      voiceUrl: `${services.publicUrl}/webhooks/twilio/voice`,
      statusCallbackUrl: `${services.publicUrl}/webhooks/twilio/status`,
      friendlyName: `Parley ${account.name}`.slice(0, 64),
    }),
  );
  const memberId = input.assignTo && 'memberId' in input.assignTo ? input.assignTo.memberId : null;
  const teamLine = Boolean(input.assignTo && 'team' in input.assignTo);
  try {
    return await services.db.transaction(async (tx) => {
      const row = await tx.one<Row>(sql`insert into phone_numbers
          (account_id, e164, carrier, carrier_sid, country, label, assigned_member_id, is_team_line)
        values (${actor.accountId}, ${owned.e164}, ${carrier.kind}, ${owned.sid}, ${countryOf(owned.e164) ?? account.defaultCountry},
          ${input.label ?? null}, ${memberId}, ${teamLine}) returning *`);
      await recordAudit(tx, {
        accountId: actor.accountId,
        actorMemberId: actor.memberId,
        action: 'number.bought',
        targetType: 'phone_number',
        targetId: row.id,
        details: { e164: row.e164, assignedMemberId: memberId, isTeamLine: teamLine },
      });
      return toNumber(row);
    });
  } catch (error) {
    await carrier
      .release(owned.sid)
      .catch((releaseError: unknown) =>
        services.log.error(
          { err: releaseError, sid: owned.sid },
          'could not release a number bought but not recorded',
        ),
      );
    if (error instanceof StoreError && error.kind === 'conflict')
      throw new AppError('conflict', 'number_unavailable', `${e164} is already in use: pick another number.`);
    throw error;
  }
}

export async function listNumbers(db: Queryable, accountId: string): Promise<PhoneNumber[]> {
  const rows = await db.many<Row>(
    sql`select * from phone_numbers where account_id = ${accountId} order by created_at`,
  );
  return rows.map(toNumber);
}

export async function getNumber(db: Queryable, accountId: string, id: string): Promise<PhoneNumber> {
  const row = await db.maybeOne<Row>(
    sql`select * from phone_numbers where id = ${id} and account_id = ${accountId}`,
  );
  if (!row) throw new AppError('not_found', 'number_not_found', 'No such phone number in this account.');
  return toNumber(row);
}

export async function updateNumber(
  db: Db,
  actor: Actor,
  id: string,
  patch: {
    label?: string | null | undefined;
    assignTo?: Assignment | undefined;
    doNotRecord?: boolean | undefined;
  },
): Promise<PhoneNumber> {
  return db.transaction(async (tx) => {
    const current = await getNumber(tx, actor.accountId, id);
    if (patch.assignTo && 'memberId' in patch.assignTo)
      await refuseForeignMember(tx, actor.accountId, patch.assignTo.memberId);
    const assign = patch.assignTo === undefined;
    const memberId = assign
      ? current.assignedMemberId
      : patch.assignTo && 'memberId' in patch.assignTo
        ? patch.assignTo.memberId
        : null;
    const teamLine = assign ? current.isTeamLine : Boolean(patch.assignTo && 'team' in patch.assignTo);
    const label = patch.label === undefined ? current.label : patch.label;
    const doNotRecord = patch.doNotRecord ?? current.doNotRecord;
    const row =
      await tx.one<Row>(sql`update phone_numbers set label = ${label}, assigned_member_id = ${memberId},
        is_team_line = ${teamLine}, do_not_record = ${doNotRecord}
        where id = ${id} and account_id = ${actor.accountId} returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'number.updated',
      targetType: 'phone_number',
      targetId: id,
      details: { label, assignedMemberId: memberId, isTeamLine: teamLine, doNotRecord },
    });
    return toNumber(row);
  });
}

export async function releaseNumber(services: Services, actor: Actor, id: string): Promise<void> {
  const account = await getAccount(services.db, actor.accountId);
  const row = await services.db.maybeOne<Row>(
    sql`select * from phone_numbers where id = ${id} and account_id = ${actor.accountId}`,
  );
  if (!row) throw new AppError('not_found', 'number_not_found', 'No such phone number in this account.');
  await withCarrierErrors(() => services.carrierFor(account).release(row.carrier_sid));
  await services.db.transaction(async (tx) => {
    await tx.execute(sql`delete from phone_numbers where id = ${id} and account_id = ${actor.accountId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'number.released',
      targetType: 'phone_number',
      targetId: id,
      details: { e164: row.e164 },
    });
  });
}

/**
 * A member picks their own number after joining: one the account owns and nobody uses, or a
 * new one bought for them. One personal number per member.
 */
export async function pickOwnNumber(services: Services, actor: Actor, rawE164: string): Promise<PhoneNumber> {
  const account = await getAccount(services.db, actor.accountId);
  await getMember(services.db, actor.accountId, actor.memberId);
  const e164 = toE164(rawE164, account.defaultCountry);
  if (!e164)
    throw fieldError(
      'e164',
      'Not a valid phone number: use the international format, e.g. +33 1 99 00 12 34.',
    );
  const mine = await services.db.maybeOne<Row>(sql`select * from phone_numbers
    where account_id = ${actor.accountId} and assigned_member_id = ${actor.memberId}`);
  if (mine)
    throw new AppError(
      'conflict',
      'already_has_number',
      `You already have ${mine.e164}: ask an admin to change it.`,
    );
  const owned = await services.db.maybeOne<Row>(
    sql`select * from phone_numbers where e164 = ${e164} and account_id = ${actor.accountId}`,
  );
  if (!owned) return buyNumber(services, actor, { e164, assignTo: { memberId: actor.memberId } });
  if (owned.assigned_member_id || owned.is_team_line)
    throw fieldError('e164', `${e164} is already used by your team: pick a free one.`, 'number_taken');
  return updateNumber(services.db, actor, owned.id, { assignTo: { memberId: actor.memberId } });
}
