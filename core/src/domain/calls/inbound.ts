import type { PresenceStatus } from '../../bus/bus.ts';
import { planCall } from '../../routing/engine.ts';
import type { Plan } from '../../routing/plan.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { type Contact, recogniseCaller } from '../contacts/contacts.ts';
import { membersOnLiveCalls, openCallWithEvents, type StoredCall } from './calls-store.ts';
import type { CallEvent } from './events.ts';

export interface InboundNumber {
  id: string;
  accountId: string;
  e164: string;
  /** What the webhook needs of the account, read with the number in one query. */
  account: { carrierCredentials: string | null; locale: 'fr' | 'en'; configVersion: number };
}

/** The account's number a call to `to` rang, or null when no account owns it. */
export async function numberByE164(
  services: Pick<Services, 'db'>,
  e164: string,
): Promise<InboundNumber | null> {
  const row = await services.db.maybeOne<{
    id: string;
    account_id: string;
    e164: string;
    carrier_credentials: string | null;
    locale: 'fr' | 'en';
    config_version: number;
  }>(sql`select n.id, n.account_id, n.e164, a.carrier_credentials, a.locale, a.config_version
    from phone_numbers n join accounts a on a.id = n.account_id where n.e164 = ${e164}`);
  return row
    ? {
        id: row.id,
        accountId: row.account_id,
        e164: row.e164,
        account: {
          carrierCredentials: row.carrier_credentials,
          locale: row.locale,
          configVersion: row.config_version,
        },
      }
    : null;
}

async function presenceOf(services: Services, accountId: string): Promise<Record<string, PresenceStatus>> {
  const [live, onCalls] = await Promise.all([
    services.bus.listPresence(accountId),
    membersOnLiveCalls(services.db, accountId),
  ]);
  const presence: Record<string, PresenceStatus> = Object.fromEntries(
    live.map((p) => [p.memberId, p.status]),
  );
  for (const memberId of onCalls) presence[memberId] = 'busy';
  return presence;
}

/**
 * Opens an inbound call: recognises the caller, plans the routing once (stored on the call, so
 * every later webhook, on any instance, follows the same plan), and records the first events.
 * A retried voice webhook finds the call already open and gets the same plan back.
 */
export async function startInboundCall(
  services: Services,
  input: { number: InboundNumber; sid: string; from: string; to: string },
): Promise<{ call: StoredCall; plan: Plan; contact: Contact | null }> {
  const { number } = input;
  const now = services.now();
  const [contact, config, presence] = await Promise.all([
    recogniseCaller(services.db, number.accountId, input.from),
    services.routingConfig(number.accountId, number.account.configVersion),
    presenceOf(services, number.accountId),
  ]);
  const plan = planCall({
    policy: config.policies.get(number.id) ?? null,
    schedule: config.schedule,
    instant: now,
    presence,
    memberIds: config.memberIds,
    caller: input.from,
  });
  const events: CallEvent[] = [
    {
      type: 'call.created',
      sid: input.sid,
      direction: 'inbound',
      from: input.from,
      to: input.to,
      numberE164: number.e164,
      ...(contact ? { contactId: contact.id } : {}),
      at: now,
    },
    { type: 'call.status', sid: input.sid, status: 'ringing', at: now },
  ];
  if (plan.afterHours) events.push({ type: 'call.after_hours', at: now });
  const { call } = await openCallWithEvents(
    services.db,
    {
      accountId: number.accountId,
      carrierCallSid: input.sid,
      numberId: number.id,
      direction: 'inbound',
      from: input.from,
      to: input.to,
      contactId: contact?.id ?? null,
      plan,
    },
    events,
  );
  return { call, plan: call.plan ?? plan, contact };
}
