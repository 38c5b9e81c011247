import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

export interface AuditEntry {
  accountId: string;
  /** The member who made the change; null for the operator CLI. */
  actorMemberId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes, so the log never misses one. */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`
    insert into audit_log (account_id, actor_member_id, actor_label, action, target_type, target_id, details)
    values (${entry.accountId}, ${entry.actorMemberId},
      coalesce((select email from members where id = ${entry.actorMemberId} and account_id = ${entry.accountId}), 'operator'),
      ${entry.action}, ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${JSON.stringify(entry.details ?? {})})`);
}

export interface AuditRecord {
  id: string;
  actor: string;
  actorMemberId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export async function listAudit(
  db: Queryable,
  accountId: string,
  options: { limit: number; before?: Date },
): Promise<AuditRecord[]> {
  const rows = await db.many<{
    id: string;
    actor_label: string;
    actor_member_id: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    details: Record<string, unknown>;
    at: Date;
  }>(sql`select id, actor_label, actor_member_id, action, target_type, target_id, details, at from audit_log
    where account_id = ${accountId} ${options.before ? sql`and at < ${options.before}` : sql``}
    order by at desc limit ${options.limit}`);
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor_label,
    actorMemberId: r.actor_member_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details,
    at: r.at,
  }));
}
