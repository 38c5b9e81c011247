import type { PresenceStatus } from '../../bus/bus.ts';
import { planCall } from '../../routing/engine.ts';
import type { Plan } from '../../routing/plan.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { openCallWithEvents, type StoredCall } from './calls-store.ts';
import type { CallEvent } from './events.ts';

/** A recognised caller, as much of the contact as ringing needs. */
export interface CallerContact {
  id: string;
  name: string;
  company: string | null;
  phones: string[];
}

export interface InboundNumber {
  id: string;
  accountId: string;
  e164: string;
  /** The member the number belongs to, if any: rung when the number has no routing policy. */
  assignedMemberId: string | null;
  /** The number is marked "do not record": no recording and no recording notice. */
  doNotRecord: boolean;
  /** What the webhook needs of the account, read with the number in one query. */
  account: { carrierCredentials: string | null; locale: 'fr' | 'en'; configVersion: number };
  /** The contact the caller's number belongs to (the most recently updated, if several). */
  caller: CallerContact | null;
  /** Members on a live call: busy, whatever their dialer says. */
  onCalls: string[];
}

/**
 * Everything the voice webhook reads from the store, in one query: the account's number a call
 * to `to` rang (null when no account owns it), the account, who `from` is, and who is on a call.
 * The webhook answers while the caller waits, and each statement on the embedded store costs.
 */
export async function lookupInbound(
  services: Pick<Services, 'db'>,
  to: string,
  from: string,
): Promise<InboundNumber | null> {
  const row = await services.db.maybeOne<{
    id: string;
    account_id: string;
    e164: string;
    assigned_member_id: string | null;
    do_not_record: boolean;
    carrier_credentials: string | null;
    locale: 'fr' | 'en';
    config_version: number;
    caller: CallerContact | null;
    on_calls: string[];
  }>(sql`select n.id, n.account_id, n.e164, n.assigned_member_id, n.do_not_record, a.carrier_credentials, a.locale, a.config_version,
      (select json_build_object('id', c.id, 'name', c.name, 'company', c.company, 'phones', c.phones)
        from contacts c where c.account_id = n.account_id and c.phones @> ${[from]}::text[]
        order by c.updated_at desc limit 1) as caller,
      array(select distinct l.member_id::text from calls l
        where l.account_id = n.account_id and not l.final and l.member_id is not null) as on_calls
    from phone_numbers n join accounts a on a.id = n.account_id where n.e164 = ${to}`);
  return row
    ? {
        id: row.id,
        accountId: row.account_id,
        e164: row.e164,
        assignedMemberId: row.assigned_member_id,
        doNotRecord: row.do_not_record,
        account: {
          carrierCredentials: row.carrier_credentials,
          locale: row.locale,
          configVersion: row.config_version,
        },
        caller: row.caller,
        onCalls: row.on_calls,
      }
    : null;
}

/**
 * Opens an inbound call: recognises the caller, plans the routing once (stored on the call, so
 * every later webhook, on any instance, follows the same plan), and records the first events.
 * A retried voice webhook finds the call already open and gets the same plan back.
 */
export async function startInboundCall(
  services: Services,
  input: { number: InboundNumber; sid: string; from: string; to: string },
): Promise<{ call: StoredCall; plan: Plan; contact: CallerContact | null }> {
  const { number } = input;
  const now = services.now();
  const contact = number.caller;
  const [config, live] = await Promise.all([
    services.routingConfig(number.accountId, number.account.configVersion),
    services.bus.listPresence(number.accountId),
  ]);
  const presence: Record<string, PresenceStatus> = Object.fromEntries(
    live.map((p) => [p.memberId, p.status]),
  );
  for (const memberId of number.onCalls) presence[memberId] = 'busy';
  const plan = planCall({
    policy: config.policies.get(number.id) ?? null,
    schedule: config.schedule,
    instant: now,
    presence,
    memberIds: config.memberIds,
    caller: input.from,
    assignedMemberId: number.assignedMemberId,
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
