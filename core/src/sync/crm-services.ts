import { CRM_KINDS, type CrmKind, type OAuthApp, type RateLimiter } from '@parley/connectors';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../store/db.ts';
import { type ConnectorFor, connectorCache, type Descriptors } from './connector-cache.ts';
import type { SyncWorker } from './worker.ts';

/** Parley's app at a CRM, from the environment, plus the secret its webhooks are signed with. */
export interface CrmApp extends OAuthApp {
  webhookSecret: string | null;
}

export interface CrmServices {
  descriptors: Descriptors;
  apps: Partial<Record<CrmKind, CrmApp>>;
  connectorFor: ConnectorFor;
  /** This instance's sync worker, when it runs one; other instances find the work on their next pass. */
  worker: Pick<SyncWorker, 'kick' | 'pullSoon'> | null;
}

const envName = (kind: CrmKind, what: string) => `PARLEY_${kind.toUpperCase()}_${what}`;

/** The environment variables each CRM's app reads, for README, doctor and error messages. */
export function crmAppEnvNames(kind: CrmKind) {
  return {
    clientId: envName(kind, 'CLIENT_ID'),
    clientSecret: envName(kind, 'CLIENT_SECRET'),
    authUrl: envName(kind, 'AUTH_URL'),
    webhookSecret: envName(kind, 'WEBHOOK_SECRET'),
  };
}

/**
 * Reads `PARLEY_<CRM>_CLIENT_ID`, `_CLIENT_SECRET`, `_AUTH_URL` and `_WEBHOOK_SECRET` for every CRM
 * whose connector connects by OAuth. One loop over the registry: core never lists CRMs by name.
 */
export function crmAppsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  descriptors: Descriptors,
): Partial<Record<CrmKind, CrmApp>> {
  const apps: Partial<Record<CrmKind, CrmApp>> = {};
  for (const kind of CRM_KINDS) {
    const setup = descriptors[kind]?.setup;
    if (setup?.kind !== 'oauth') continue;
    const names = crmAppEnvNames(kind);
    const clientId = env[names.clientId]?.trim();
    const clientSecret = env[names.clientSecret]?.trim();
    const authBaseUrl = env[names.authUrl]?.trim() || setup.defaultAuthBaseUrl;
    if (!clientId || !clientSecret || !authBaseUrl) continue;
    apps[kind] = {
      clientId,
      clientSecret,
      authBaseUrl,
      webhookSecret: env[names.webhookSecret]?.trim() || clientSecret,
    };
  }
  return apps;
}

export function createCrmServices(input: {
  db: Db;
  secrets: SecretBox;
  limiter: RateLimiter;
  log: Logger;
  descriptors: Descriptors;
  apps: Partial<Record<CrmKind, CrmApp>>;
}): CrmServices {
  return {
    descriptors: input.descriptors,
    apps: input.apps,
    connectorFor: connectorCache(input),
    worker: null,
  };
}
