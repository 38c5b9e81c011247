import type { Bus } from '../../bus/bus.ts';
import { accountChannel, memberChannel } from '../events/channels.ts';

/** What a dialer needs to show an incoming call before it is answered. */
export interface CallerView {
  from: string;
  contact: { id: string; name: string; company: string | null; phones: string[] } | null;
}

export function callerView(
  from: string,
  contact: { id: string; name: string; company: string | null; phones: readonly string[] } | null,
): CallerView {
  return {
    from,
    contact: contact
      ? { id: contact.id, name: contact.name, company: contact.company, phones: [...contact.phones] }
      : null,
  };
}

async function toAll(bus: Bus, accountId: string, memberIds: readonly string[], message: object) {
  await Promise.all([
    bus.publish(accountChannel(accountId), message),
    ...memberIds.map((memberId) => bus.publish(memberChannel(accountId, memberId), message)),
  ]);
}

/** The members' dialers ring with who is calling; admins see the call appear live. */
export function announceRinging(
  bus: Bus,
  accountId: string,
  callId: string,
  memberIds: string[],
  caller: CallerView,
) {
  return toAll(bus, accountId, memberIds, { type: 'incoming_call', callId, memberIds, ...caller });
}

/** The other dialers stop ringing. */
export function announceAnswered(
  bus: Bus,
  accountId: string,
  callId: string,
  memberIds: string[],
  answeredBy: string,
) {
  return toAll(bus, accountId, memberIds, { type: 'call_answered', callId, answeredBy });
}

export function announceEnded(
  bus: Bus,
  accountId: string,
  callId: string,
  memberIds: string[],
  result: string | undefined,
) {
  return toAll(bus, accountId, memberIds, { type: 'call_ended', callId, result: result ?? null });
}
