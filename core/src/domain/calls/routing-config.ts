import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getSchedule } from '../hours/hours-store.ts';
import type { Schedule } from '../hours/schedule.ts';
import { type RoutingPolicy, RoutingPolicySchema } from '../routing-policy/policy.ts';

/** What planning a call reads of an account, apart from who is online right now. */
export interface RoutingConfig {
  schedule: Schedule;
  policies: Map<string, RoutingPolicy>;
  memberIds: string[];
}

const MAX_ACCOUNTS = 1_000;

/**
 * Routing inputs cached per (account, config_version). The version moves with every change to
 * hours, policies, members or time zone (database triggers), so a cached entry is never stale,
 * and each instance can keep its own without telling the others.
 */
export function routingConfigCache() {
  const entries = new Map<string, Promise<RoutingConfig>>();
  return async (db: Queryable, accountId: string, version: number): Promise<RoutingConfig> => {
    const key = `${accountId}:${version}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = loadRoutingConfig(db, accountId);
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
      if (entries.size > MAX_ACCOUNTS) entries.delete(entries.keys().next().value as string);
    }
    return entry;
  };
}

async function loadRoutingConfig(db: Queryable, accountId: string): Promise<RoutingConfig> {
  const [{ schedule }, policies, members] = await Promise.all([
    getSchedule(db, accountId),
    db.many<{ number_id: string; policy: unknown }>(
      sql`select number_id, policy from routing_policies where account_id = ${accountId}`,
    ),
    db.many<{ id: string }>(sql`select id from members where account_id = ${accountId} order by created_at`),
  ]);
  return {
    schedule,
    policies: new Map(policies.map((p) => [p.number_id, RoutingPolicySchema.parse(p.policy)])),
    memberIds: members.map((m) => m.id),
  };
}
