import type { Bus, PresenceStatus } from '../../bus/bus.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { membersOnLiveCalls } from '../calls/calls-store.ts';
import { accountChannel } from '../events/channels.ts';

/** A dialer heartbeats every 20 s; a member whose dialer went away shows offline after this. */
export const PRESENCE_TTL_MS = 60_000;

export async function setPresence(bus: Bus, accountId: string, memberId: string, status: PresenceStatus) {
  if (status === 'offline') await bus.clearPresence(accountId, memberId);
  else await bus.setPresence(accountId, memberId, status, PRESENCE_TTL_MS);
  await bus.publish(accountChannel(accountId), { type: 'presence', memberId, status });
}

/**
 * Every member of the account with their current status: no heartbeat means offline, and a
 * member on a live call is busy whatever their dialer last said.
 */
export async function teamPresence(db: Queryable, bus: Bus, accountId: string) {
  const [members, live, onCalls] = await Promise.all([
    db.many<{ id: string; name: string }>(
      sql`select id, name from members where account_id = ${accountId} order by created_at`,
    ),
    bus.listPresence(accountId),
    membersOnLiveCalls(db, accountId),
  ]);
  const byId = new Map(live.map((p) => [p.memberId, p]));
  const busy = new Set(onCalls);
  return members.map((m) => {
    const entry = byId.get(m.id);
    const status: PresenceStatus = busy.has(m.id) ? 'busy' : (entry?.status ?? 'offline');
    return {
      memberId: m.id,
      name: m.name,
      status,
      onCall: busy.has(m.id),
      expiresAt: entry ? new Date(entry.expiresAt) : null,
    };
  });
}
