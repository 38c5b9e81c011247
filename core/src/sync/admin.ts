import { createHash, randomBytes } from 'node:crypto';
import {
  CONNECTION_KINDS,
  type ConnectionKind,
  ConnectionKindSchema,
  type ConnectorDeps,
  CRM_LABELS,
  type CrmError,
  type CrmKind,
  isCrmError,
  type SourceKind,
} from '@parley/connectors';
import { z } from 'zod';
import { getAccount } from '../domain/accounts/accounts.ts';
import { AppError, type AppErrorKind } from '../errors.ts';
import type { Services } from '../services.ts';
import { sql } from '../store/sql.ts';
import { type Connection, connectionRow, getConnection, saveConnection, saveOwners } from './connections.ts';
import { isCrmKind, pullContacts } from './contact-sync.ts';
import { setupOf } from './crm-services.ts';

const ERROR_KINDS: Record<CrmError['kind'], AppErrorKind> = {
  auth: 'invalid',
  invalid: 'invalid',
  not_found: 'not_found',
  conflict: 'conflict',
  rate_limited: 'rate_limited',
  unavailable: 'unavailable',
};

/** A CRM's refusal as the API's error: the CRM's words, which say what to do. */
export function crmToAppError(error: unknown): unknown {
  if (!isCrmError(error)) return error;
  return new AppError(
    ERROR_KINDS[error.kind],
    `crm_${error.kind}`,
    error.message,
    { crm: error.detail.crm },
    { cause: error },
  );
}

export function parseKind(kind: string): ConnectionKind {
  const parsed = ConnectionKindSchema.safeParse(kind);
  if (!parsed.success) {
    throw new AppError(
      'not_found',
      'crm_unknown',
      `Parley has no connector for "${kind}": use ${CONNECTION_KINDS.join(', ')}.`,
    );
  }
  return parsed.data;
}

/** How a CRM or contact source connects; an error naming it when this server has no connector for it. */
function setupFor(services: Services, kind: ConnectionKind) {
  const setup = setupOf(kind, services.crm);
  if (!setup) {
    throw new AppError(
      'unavailable',
      'crm_not_installed',
      `This Parley server has no ${CRM_LABELS[kind]} connector installed.`,
    );
  }
  return setup;
}

function hostDeps(services: Services, rateKey: string): ConnectorDeps {
  const log = services.log.child({ component: 'crm-connect' });
  return {
    limiter: services.bus,
    rateKey,
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    log: {
      debug: (f, m) => log.debug(f, m),
      info: (f, m) => log.info(f, m),
      warn: (f, m) => log.warn(f, m),
      error: (f, m) => log.error(f, m),
    },
  };
}

export const redirectUriFor = (services: Services, kind: ConnectionKind) =>
  `${services.publicUrl}/oauth/crm/${kind}/callback`;

const PendingOAuth = z.strictObject({
  accountId: z.uuid(),
  memberId: z.uuid(),
  kind: ConnectionKindSchema,
  verifier: z.string(),
});
const OAUTH_TTL_MS = 10 * 60_000;

/** Starts an OAuth connection: the URL to send the admin's browser to, with state and PKCE kept for the callback. */
export async function startOAuth(
  services: Services,
  actor: { accountId: string; memberId: string },
  kind: ConnectionKind,
): Promise<{ authorizeUrl: string }> {
  const setup = setupFor(services, kind);
  const app = services.crm.apps[kind];
  if (setup.kind !== 'oauth') {
    throw new AppError(
      'invalid',
      'crm_form_setup',
      `${CRM_LABELS[kind]} connects with a form: send its fields instead.`,
    );
  }
  if (!app) {
    throw new AppError(
      'precondition_failed',
      'crm_app_missing',
      `${CRM_LABELS[kind]} is not set up on this server: its administrator sets PARLEY_${kind.toUpperCase()}_CLIENT_ID and PARLEY_${kind.toUpperCase()}_CLIENT_SECRET (see README).`,
    );
  }
  const state = randomBytes(24).toString('base64url');
  const verifier = randomBytes(48).toString('base64url');
  await services.bus.cacheSet(
    `crm-oauth:${state}`,
    { accountId: actor.accountId, memberId: actor.memberId, kind, verifier },
    OAUTH_TTL_MS,
  );
  const authorizeUrl = setup.authorizeUrl({
    app,
    redirectUri: redirectUriFor(services, kind),
    state,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  return { authorizeUrl };
}

/** Checks what the CRM says about fresh credentials, then stores the connection and starts the first import. */
export async function connectWith(
  services: Services,
  accountId: string,
  kind: ConnectionKind,
  config: unknown,
): Promise<Connection> {
  setupFor(services, kind);
  const deps = hostDeps(services, `crm-connect:${accountId}:${kind}`);
  try {
    const crm = services.crm.descriptors[kind as CrmKind];
    const source = services.crm.sources[kind as SourceKind];
    // A CRM names the users calls can be owned by; a contact source only has contacts.
    const { connectedAs, owners } = crm
      ? await (async () => {
          const connector = crm.connect(config, deps);
          return { connectedAs: await connector.verify(), owners: await connector.listOwners() };
        })()
      : { connectedAs: await (source?.connect(config, deps) ?? unreachable(kind)).verify(), owners: [] };
    const connection = await saveConnection(services.db, services.secrets, {
      accountId,
      kind,
      config,
      connectedAs,
      owners,
    });
    startImport(services, connection.id);
    return connection;
  } catch (error) {
    throw crmToAppError(error);
  }
}

function unreachable(kind: ConnectionKind): never {
  throw new AppError(
    'unavailable',
    'crm_not_installed',
    `This Parley server has no ${CRM_LABELS[kind]} connector installed.`,
  );
}

/** The OAuth callback: the state must be one we issued, unused and unexpired. */
export async function finishOAuth(
  services: Services,
  kind: ConnectionKind,
  params: Record<string, string>,
): Promise<Connection> {
  const { state, code, error, error_description: description, ...rest } = params;
  if (error) {
    throw new AppError(
      'invalid',
      'crm_oauth_refused',
      `${CRM_LABELS[kind]} did not grant access: ${description ?? error}.`,
    );
  }
  if (!state || !code) {
    throw new AppError(
      'invalid',
      'crm_oauth_incomplete',
      'The CRM came back without a code: start connecting again from Parley.',
    );
  }
  const pending = PendingOAuth.safeParse(await services.bus.cacheGet(`crm-oauth:${state}`));
  if (!pending.success || pending.data.kind !== kind) {
    throw new AppError(
      'invalid',
      'crm_oauth_state',
      'This connection link has expired or was already used: start connecting again from Parley.',
    );
  }
  await services.bus.cacheSet(`crm-oauth:${state}`, null, 1);
  const setup = setupFor(services, kind);
  const app = services.crm.apps[kind];
  if (setup.kind !== 'oauth' || !app)
    throw new AppError('invalid', 'crm_form_setup', 'This CRM does not connect by OAuth.');
  let config: unknown;
  try {
    config = await setup.exchange({
      app,
      redirectUri: redirectUriFor(services, kind),
      code,
      codeVerifier: pending.data.verifier,
      defaultCountry: (await getAccount(services.db, pending.data.accountId)).defaultCountry,
      accountId: pending.data.accountId,
      callbackParams: rest,
    });
  } catch (cause) {
    throw crmToAppError(cause);
  }
  return connectWith(services, pending.data.accountId, kind, config);
}

/** A CRM connected with a form of credentials (Odoo): each field checked by the connector's own schema. */
export async function connectWithForm(
  services: Services,
  accountId: string,
  kind: ConnectionKind,
  body: unknown,
): Promise<Connection> {
  const setup = setupFor(services, kind);
  if (setup.kind !== 'form') {
    throw new AppError(
      'invalid',
      'crm_oauth_setup',
      `${CRM_LABELS[kind]} connects with OAuth: start it with an empty body.`,
    );
  }
  const parsed = setup.form.safeParse(body);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((issue) => [issue.path.join('.') || '(root)', issue.message]),
    );
    throw new AppError('invalid', 'invalid_input', `Check the ${CRM_LABELS[kind]} connection fields.`, {
      fields,
    });
  }
  return connectWith(services, accountId, kind, parsed.data);
}

/** Runs the full import in the background; progress is on the connection for the console to poll. */
export function startImport(services: Services, connectionId: string): void {
  pullContacts({ db: services.db, connectorFor: services.crm.connectorFor }, connectionId, {
    full: true,
  }).catch((error) =>
    services.log.warn(
      { err: isCrmError(error) ? error.message : error, connectionId },
      'CRM contact import failed',
    ),
  );
}

export async function refreshOwners(services: Services, accountId: string, id: string): Promise<Connection> {
  await getConnection(services.db, accountId, id);
  const row = await connectionRow(services.db, id);
  if (!row)
    throw new AppError('not_found', 'connection_not_found', 'No such CRM connection in your account.');
  try {
    await saveOwners(services.db, id, await services.crm.connectorFor(row).connector.listOwners());
  } catch (error) {
    throw crmToAppError(error);
  }
  return getConnection(services.db, accountId, id);
}

/** The CRM's own call outcome values, for the admin's mapping of Parley's results and dispositions. */
export async function crmOutcomes(services: Services, accountId: string, id: string) {
  const connection = await getConnection(services.db, accountId, id);
  const row = await connectionRow(services.db, id);
  if (!row || !isCrmKind(connection.kind)) return [];
  try {
    return await services.crm.connectorFor(row).connector.listOutcomes();
  } catch (error) {
    throw crmToAppError(error);
  }
}

/** Members whose calls get no CRM owner by email: the admin maps them or picks the fallback. */
export async function unmatchedMembers(services: Services, connection: Connection) {
  const members = await services.db.many<{ id: string; name: string; email: string }>(
    sql`select id, name, email from members where account_id = ${connection.accountId} order by name`,
  );
  const emails = new Set(connection.owners.map((owner) => owner.email.toLowerCase()));
  return members.filter(
    (member) => !emails.has(member.email.toLowerCase()) && !connection.settings.ownerOverrides[member.id],
  );
}

export async function failedSyncs(services: Services, accountId: string, id: string) {
  await getConnection(services.db, accountId, id);
  return services.db.many<{
    callId: string;
    status: string;
    error: string | null;
    attempts: number;
    updatedAt: Date;
    direction: string;
    from: string;
    to: string;
  }>(sql`select s.call_id as "callId", s.status, s.last_error as error, s.attempts, s.updated_at as "updatedAt",
      c.direction, c.from_number as "from", c.to_number as "to"
    from call_syncs s join calls c on c.id = s.call_id
    where s.connection_id = ${id} and s.status in ('dead', 'parked') order by s.updated_at desc limit 200`);
}

/** Puts failed calls back in the queue (one, or all of the connection's). */
export async function retrySyncs(
  services: Services,
  accountId: string,
  id: string,
  callId: string | undefined,
): Promise<number> {
  await getConnection(services.db, accountId, id);
  const rows =
    await services.db.many(sql`update call_syncs set status = 'pending', attempts = 0, available_at = now(),
      lease_until = null, updated_at = now()
    where connection_id = ${id} and status in ('dead', 'parked') ${callId ? sql`and call_id = ${callId}` : sql``}
    returning call_id`);
  services.crm.worker?.kick();
  return rows.length;
}

/** Where a call stands in each CRM the account connected, for the dialer and the console. */
export async function callSyncStatus(services: Services, accountId: string, callId: string) {
  return services.db.many<{
    crm: string;
    status: string;
    recordUrl: string | null;
    error: string | null;
    loggedAt: Date | null;
  }>(sql`select k.kind as crm, s.status, s.crm_record_url as "recordUrl",
      case when s.status in ('dead', 'parked', 'skipped') then s.last_error else null end as error, s.logged_at as "loggedAt"
    from call_syncs s join crm_connections k on k.id = s.connection_id
    where s.call_id = ${callId} and s.account_id = ${accountId} order by k.kind`);
}
