import type { Bus, PresenceStatus } from '../../bus/bus.ts';
import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { accountChannel } from '../events/channels.ts';

/** A dialer heartbeats every 20 s; a member whose dialer went away shows offline after this. */
export const PRESENCE_TTL_MS = 60_000;

export async function setPresence(bus: Bus, accountId: string, memberId: string, status: PresenceStatus) {
  if (status === 'offline') await bus.clearPresence(accountId, memberId);
  else await bus.setPresence(accountId, memberId, status, PRESENCE_TTL_MS);
  await bus.publish(accountChannel(accountId), { type: 'presence', memberId, status });
}

/** Every member of the account with their current status; no heartbeat means offline. */
export async function teamPresence(db: Queryable, bus: Bus, accountId: string) {
  const [members, live] = await Promise.all([
    db.many<{ id: string; name: string }>(
      sql`select id, name from members where account_id = ${accountId} order by created_at`,
    ),
    bus.listPresence(accountId),
  ]);
  const byId = new Map(live.map((p) => [p.memberId, p]));
  return members.map((m) => {
    const entry = byId.get(m.id);
    return {
      memberId: m.id,
      name: m.name,
      status: (entry?.status ?? 'offline') as PresenceStatus,
      expiresAt: entry ? new Date(entry.expiresAt) : null,
    };
  });
}
