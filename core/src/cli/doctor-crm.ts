import { resolve } from 'node:path';
import { CRM_LABELS, isCrmError } from '@parley/connectors';
import { createMemoryBus } from '../bus/memory-bus.ts';
import type { Env } from '../config/env.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { resolveSecretKey } from '../crypto/secret-key-file.ts';
import { createLogger } from '../logging.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type ConnectionRow, toConnection } from '../sync/connections.ts';
import { connectorCache } from '../sync/connector-cache.ts';
import { isCrmKind } from '../sync/contact-sync.ts';
import { crmAppEnvNames } from '../sync/crm-services.ts';
import { installedConnectors, installedSources } from '../sync/registry.ts';
import type { Check } from './doctor.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * One check per CRM connection of every account: the stored credentials still work, every member's
 * calls have a CRM owner, and the CRM's webhooks reach this server (where the CRM sends any).
 */
export async function crmChecks(env: Env, db: Db, now = new Date()): Promise<Check[]> {
  const migrated = await db.maybeOne(
    sql`select 1 from information_schema.tables where table_name = 'crm_connections'`,
  );
  if (!migrated)
    return [{ name: 'CRM connections', ok: true, detail: 'none yet (the schema is created at first start)' }];
  const rows = await db.many<ConnectionRow & { company: string; last_webhook_at: Date | null }>(sql`
    select k.*, a.name as company from crm_connections k join accounts a on a.id = k.account_id
    order by a.name, k.kind`);
  if (rows.length === 0)
    return [{ name: 'CRM connections', ok: true, detail: 'none yet: admins connect CRMs from the console' }];
  const key = await resolveSecretKey({
    envKey: env.PARLEY_SECRET_KEY,
    production: env.NODE_ENV === 'production',
    dataDir: resolve(env.PARLEY_DATA_DIR),
    warn: () => undefined,
  });
  const secrets = createSecretBox(key);
  const bus = createMemoryBus();
  const connectors = connectorCache({
    db,
    secrets,
    limiter: bus,
    log: createLogger('silent'),
    descriptors: installedConnectors,
    sources: installedSources,
  });
  const checks: Check[] = [];
  try {
    for (const row of rows) {
      const connection = toConnection(row);
      const label = CRM_LABELS[connection.kind];
      const name = `${label} (${row.company})`;
      const names = crmAppEnvNames(connection.kind);
      try {
        const who = await connectors.feedFor(row).verify();
        const problems: string[] = [];
        const fixes: string[] = [];
        const details = [`connected as ${who.userEmail ?? who.userId} on ${who.accountId}`];
        if (isCrmKind(connection.kind)) {
          const unmatched = await db.many<{ email: string }>(sql`select email from members
            where account_id = ${row.account_id} order by email`);
          const owners = new Set(connection.owners.map((owner) => owner.email.toLowerCase()));
          const missing = unmatched
            .map((member) => member.email)
            .filter((email) => !owners.has(email.toLowerCase()));
          if (missing.length > 0 && !connection.settings.fallbackOwnerId) {
            problems.push(`${missing.length} member(s) have no ${label} user: ${missing.join(', ')}`);
            fixes.push(
              `map them or pick a fallback owner in the connection's settings (PATCH /api/crm/connections/${row.id})`,
            );
          } else {
            details.push(
              missing.length
                ? `${missing.length} member(s) use the fallback owner`
                : 'every member has a CRM user',
            );
          }
          if (installedConnectors[connection.kind]?.webhook) {
            if (row.last_webhook_at) details.push(`last webhook ${row.last_webhook_at.toISOString()}`);
            else if (now.getTime() - row.created_at.getTime() > DAY_MS) {
              problems.push(`no webhook from ${label} since it was connected`);
              fixes.push(
                `subscribe the app to contact events at ${env.PUBLIC_URL ?? 'PUBLIC_URL'}/webhooks/crm/${connection.kind}, signed with ${names.webhookSecret} (or the app's client secret); changes still arrive by polling every minute`,
              );
            } else details.push('no webhook yet (changes are polled every minute meanwhile)');
          }
        }
        checks.push(
          problems.length
            ? { name, ok: false, detail: [...details, ...problems].join('; '), fix: fixes.join('; ') }
            : { name, ok: true, detail: details.join('; ') },
        );
      } catch (error) {
        checks.push({
          name,
          ok: false,
          detail: isCrmError(error) ? error.message : String(error),
          fix:
            isCrmError(error) && error.kind === 'auth'
              ? `an admin reconnects ${label} from the console`
              : `check that ${label} is reachable from this server, then run parley doctor again`,
        });
      }
    }
  } finally {
    await bus.close();
  }
  return checks;
}
