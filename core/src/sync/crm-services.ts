import {
  CONNECTION_KINDS,
  type ConnectionKind,
  type OAuthApp,
  type RateLimiter,
  type SetupMethod,
} from '@parley/connectors';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../store/db.ts';
import {
  type ConnectorFor,
  connectorCache,
  type Descriptors,
  type SourceDescriptors,
} from './connector-cache.ts';
import type { SyncWorker } from './worker.ts';

/** Parley's app at a CRM, from the environment, plus the secret its webhooks are signed with. */
export interface CrmApp extends OAuthApp {
  webhookSecret: string | null;
}

export interface CrmServices {
  descriptors: Descriptors;
  sources: SourceDescriptors;
  apps: Partial<Record<ConnectionKind, CrmApp>>;
  connectorFor: ConnectorFor;
  /** Origins allowed to frame the dialer besides the CRMs' own (PARLEY_FRAME_ANCESTORS). */
  frameAncestors: readonly string[];
  /** This instance's sync worker, when it runs one; other instances find the work on their next pass. */
  worker: Pick<SyncWorker, 'kick' | 'pullSoon'> | null;
}

const envName = (kind: ConnectionKind, what: string) => `PARLEY_${kind.toUpperCase()}_${what}`;

/** The environment variables each CRM's app reads, for README, doctor and error messages. */
export function crmAppEnvNames(kind: ConnectionKind) {
  return {
    clientId: envName(kind, 'CLIENT_ID'),
    clientSecret: envName(kind, 'CLIENT_SECRET'),
    authUrl: envName(kind, 'AUTH_URL'),
    webhookSecret: envName(kind, 'WEBHOOK_SECRET'),
    appId: envName(kind, 'APP_ID'),
  };
}

/**
 * Reads `PARLEY_<CRM>_CLIENT_ID`, `_CLIENT_SECRET`, `_AUTH_URL` and `_WEBHOOK_SECRET` for every CRM
 * whose connector connects by OAuth. One loop over the registry: core never lists CRMs by name.
 */
/** How a CRM or contact source connects, from whichever registry has it. */
export function setupOf(
  kind: ConnectionKind,
  registries: { descriptors: Descriptors; sources: SourceDescriptors },
): SetupMethod<unknown> | undefined {
  return (
    (registries.descriptors as Record<string, { setup: SetupMethod<unknown> } | undefined>)[kind]?.setup ??
    (registries.sources as Record<string, { setup: SetupMethod<unknown> } | undefined>)[kind]?.setup
  );
}

/**
 * Reads `PARLEY_<KIND>_CLIENT_ID`, `_CLIENT_SECRET`, `_AUTH_URL`, `_WEBHOOK_SECRET` and `_APP_ID` for
 * every CRM and contact source that connects by OAuth. One loop over the registries: core lists no CRM by name.
 */
export function crmAppsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  registries: { descriptors: Descriptors; sources: SourceDescriptors },
): Partial<Record<ConnectionKind, CrmApp>> {
  const apps: Partial<Record<ConnectionKind, CrmApp>> = {};
  for (const kind of CONNECTION_KINDS) {
    const setup = setupOf(kind, registries);
    if (setup?.kind !== 'oauth') continue;
    const names = crmAppEnvNames(kind);
    const clientId = env[names.clientId]?.trim();
    const clientSecret = env[names.clientSecret]?.trim();
    const authBaseUrl = env[names.authUrl]?.trim() || setup.defaultAuthBaseUrl;
    if (!clientId || !clientSecret || !authBaseUrl) continue;
    const appId = env[names.appId]?.trim();
    apps[kind] = {
      clientId,
      clientSecret,
      authBaseUrl,
      webhookSecret: env[names.webhookSecret]?.trim() || clientSecret,
      ...(appId ? { appId } : {}),
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
  sources: SourceDescriptors;
  apps: Partial<Record<ConnectionKind, CrmApp>>;
  frameAncestors?: readonly string[];
}): CrmServices {
  return {
    frameAncestors: input.frameAncestors ?? [],
    descriptors: input.descriptors,
    sources: input.sources,
    apps: input.apps,
    connectorFor: connectorCache(input),
    worker: null,
  };
}
