import { AppError, fieldError } from '../../errors.ts';
import { type E164, toE164 } from '../../phone/e164.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { openCall, recordCallEvents, type StoredCall } from './calls-store.ts';

/** The number a member's outbound calls show: their own, else a team line, else any of the account's. */
export async function callerIdFor(services: Pick<Services, 'db'>, accountId: string, memberId: string) {
  return services.db.maybeOne<{ id: string; e164: string }>(sql`select id, e164 from phone_numbers
    where account_id = ${accountId}
    order by (assigned_member_id = ${memberId}) desc nulls last, is_team_line desc, created_at limit 1`);
}

/** A number a rep typed, in E.164 read in the account's country, or a field error saying how to write it. */
export async function dialableNumber(
  services: Pick<Services, 'db'>,
  accountId: string,
  raw: string,
): Promise<E164> {
  const account = await getAccount(services.db, accountId);
  const e164 = toE164(raw, account.defaultCountry);
  if (!e164)
    throw fieldError(
      'to',
      `"${raw}" is not a valid phone number for ${account.defaultCountry}: check it, or write it in international format (+33 6 12 34 56 78).`,
      'invalid_number',
    );
  return e164;
}

/**
 * Opens the call a member places from the browser dialer, when Twilio (or the simulator) asks
 * the voice URL what to do with it. Idempotent on the carrier sid like inbound calls.
 */
export async function startOutboundCall(
  services: Services,
  input: {
    id?: string;
    accountId: string;
    memberId: string;
    sid: string;
    to: E164;
    contactId?: string | undefined;
  },
): Promise<{ call: StoredCall; callerId: string }> {
  const number = await callerIdFor(services, input.accountId, input.memberId);
  if (!number)
    throw new AppError(
      'precondition_failed',
      'number_required',
      'This account has no phone number to call from: buy one first.',
    );
  const contactId = input.contactId
    ? ((
        await services.db.maybeOne<{ id: string }>(
          sql`select id from contacts where id = ${input.contactId} and account_id = ${input.accountId}`,
        )
      )?.id ?? null)
    : null;
  const { call, created } = await services.db.transaction((tx) =>
    openCall(tx, {
      ...(input.id ? { id: input.id } : {}),
      accountId: input.accountId,
      carrierCallSid: input.sid,
      numberId: number.id,
      direction: 'outbound',
      from: number.e164,
      to: input.to,
      memberId: input.memberId,
      contactId,
      plan: null,
    }),
  );
  if (created)
    await recordCallEvents(services.db, call.id, [
      {
        type: 'call.created',
        sid: input.sid,
        direction: 'outbound',
        from: number.e164,
        to: input.to,
        numberE164: number.e164,
        placedBy: input.memberId,
        ...(contactId ? { contactId } : {}),
        at: services.now(),
      },
    ]);
  return { call, callerId: number.e164 };
}
