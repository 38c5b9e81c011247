import { resolve } from 'node:path';
import { createBus } from '../bus/index.ts';
import type { Env } from '../config/env.ts';
import { parseSecretKey } from '../crypto/secret-box.ts';
import { createMailer } from '../mail/index.ts';
import { openStore, sql } from '../store/index.ts';
import { loadMigrations } from '../store/migrate.ts';
import { CarrierError } from '../telephony/errors.ts';
import { createCarrier } from '../telephony/index.ts';
import { crmChecks } from './doctor-crm.ts';

export interface Check {
  name: string;
  ok: boolean;
  /** What was found. */
  detail: string;
  /** What to do when it failed. */
  fix?: string;
}

async function attempt(
  name: string,
  run: () => Promise<Omit<Check, 'name'>>,
  fix: string | ((error: unknown) => string),
): Promise<Check> {
  try {
    return { name, ...(await run()) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { name, ok: false, detail, fix: typeof fix === 'string' ? fix : fix(error) };
  }
}

function secretKeyCheck(env: Env): Check {
  const name = 'secret key';
  if (!env.PARLEY_SECRET_KEY)
    return env.NODE_ENV === 'production'
      ? {
          name,
          ok: false,
          detail: 'PARLEY_SECRET_KEY is not set',
          fix: 'Generate one with `openssl rand -base64 32` and set PARLEY_SECRET_KEY; the server refuses to start without it in production.',
        }
      : {
          name,
          ok: true,
          detail: `not set: development key kept in ${resolve(env.PARLEY_DATA_DIR, 'secret.key')}`,
        };
  try {
    parseSecretKey(env.PARLEY_SECRET_KEY);
    return { name, ok: true, detail: 'PARLEY_SECRET_KEY is a valid 32-byte key' };
  } catch (error) {
    return {
      name,
      ok: false,
      detail: (error as Error).message,
      fix: 'Generate one with `openssl rand -base64 32`.',
    };
  }
}

/** Every check `parley doctor` runs, each with what it found and, when it failed, what to do. */
export async function runDoctor(env: Env): Promise<Check[]> {
  const checks: Check[] = [secretKeyCheck(env)];
  checks.push(
    env.PUBLIC_URL
      ? { name: 'public URL', ok: true, detail: env.PUBLIC_URL }
      : env.NODE_ENV === 'production'
        ? {
            name: 'public URL',
            ok: false,
            detail: 'PUBLIC_URL is not set',
            fix: 'Set PUBLIC_URL to the https address Twilio and browsers reach this server at.',
          }
        : {
            name: 'public URL',
            ok: true,
            detail: `not set: http://localhost:${env.PORT} (fine on this machine; Twilio needs a public https URL)`,
          },
  );
  checks.push(
    await attempt(
      'store',
      async () => {
        const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.PARLEY_DATA_DIR) });
        try {
          await db.ping();
          const known = (await loadMigrations()).map((m) => m.version);
          const table = await db.maybeOne(
            sql`select 1 from information_schema.tables where table_name = 'schema_migrations'`,
          );
          const applied = table
            ? (await db.many<{ version: string }>(sql`select version from schema_migrations`)).map(
                (r) => r.version,
              )
            : [];
          const pending = known.filter((v) => !applied.includes(v));
          const where = env.DATABASE_URL
            ? 'PostgreSQL (DATABASE_URL)'
            : `embedded PGlite in ${resolve(env.PARLEY_DATA_DIR, 'pglite')}`;
          return pending.length
            ? {
                ok: true,
                detail: `${where}; ${pending.length} migration(s) pending, applied at next start (or run \`parley migrate\`)`,
              }
            : { ok: true, detail: `${where}; schema up to date` };
        } finally {
          await db.close();
        }
      },
      env.DATABASE_URL
        ? 'Check DATABASE_URL and that PostgreSQL is running and accepts connections.'
        : 'Check PARLEY_DATA_DIR is writable and no other Parley process uses it.',
    ),
  );
  checks.push(
    await attempt(
      'bus',
      async () => {
        const bus = await createBus({ REDIS_URL: env.REDIS_URL });
        try {
          await bus.ping();
          return {
            ok: true,
            detail: env.REDIS_URL
              ? 'Redis (REDIS_URL) answers'
              : 'in-process (one instance; set REDIS_URL to run several)',
          };
        } finally {
          await bus.close();
        }
      },
      'Check REDIS_URL and that Redis is running, or unset it to use the in-process bus.',
    ),
  );
  checks.push(
    await attempt(
      'carrier',
      async () => {
        if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN)
          return {
            ok: true,
            detail:
              'simulator (no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN): numbers are fictional and calls are simulated',
          };
        const identity = await createCarrier({
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
        }).verify();
        return {
          ok: true,
          detail: `Twilio account ${identity.accountSid}${identity.friendlyName ? ` (${identity.friendlyName})` : ''}`,
        };
      },
      (error) =>
        error instanceof CarrierError && error.kind !== 'auth'
          ? 'Twilio could not be reached or answered with an error: check the network, then retry.'
          : 'Copy the Account SID and auth token from the Twilio console into TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.',
    ),
  );
  checks.push(
    await attempt(
      'email',
      async () => {
        const mailer = createMailer({ SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM }, () => undefined);
        try {
          if (mailer.kind === 'log')
            return {
              ok: true,
              detail:
                'SMTP_URL not set: invitations go to the outbox and the server log; admins copy the link by hand',
            };
          const result = await mailer.verify();
          if (!result.ok) throw new Error(result.error);
          return { ok: true, detail: 'SMTP server accepts Parley’s login' };
        } finally {
          await mailer.close();
        }
      },
      'Check SMTP_URL (smtp://user:password@host:587) and that the server accepts this login; see the error above.',
    ),
  );
  checks.push(
    ...(await (async () => {
      try {
        const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.PARLEY_DATA_DIR) });
        try {
          return await crmChecks(env, db);
        } finally {
          await db.close();
        }
      } catch (error) {
        return [
          {
            name: 'CRM connections',
            ok: false,
            detail: error instanceof Error ? error.message : String(error),
            fix: 'Fix the store check above first; CRM connections are read from it.',
          },
        ];
      }
    })()),
  );
  return checks;
}

export function formatChecks(checks: readonly Check[]): string {
  const lines = checks.map(
    (c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${!c.ok && c.fix ? `\n    → ${c.fix}` : ''}`,
  );
  const failed = checks.filter((c) => !c.ok).length;
  lines.push(failed ? `\n${failed} check(s) failed.` : '\nAll checks passed.');
  return lines.join('\n');
}
