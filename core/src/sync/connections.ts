import {
  type ConnectedAs,
  type ConnectionKind,
  ConnectionKindSchema,
  type CrmOwner,
  CrmOwnerSchema,
} from '@parley/connectors';
import { z } from 'zod';
import type { SecretBox } from '../crypto/secret-box.ts';
import { AppError } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type ConnectionSettings, readSettings } from './settings.ts';

export interface ImportProgress {
  state: 'running' | 'done' | 'failed';
  imported: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

export interface Connection {
  id: string;
  accountId: string;
  kind: ConnectionKind;
  status: 'active' | 'reconnect_needed';
  connectedAs: ConnectedAs;
  settings: ConnectionSettings;
  owners: CrmOwner[];
  contactsCursor: string | null;
  contactsSyncedAt: Date | null;
  import: ImportProgress | null;
  lastLoggedAt: Date | null;
  lastError: string | null;
  /** Moves whenever the sealed configuration changes, so cached connectors are rebuilt. */
  updatedAt: Date;
  createdAt: Date;
}

export interface ConnectionRow {
  id: string;
  account_id: string;
  kind: string;
  status: 'active' | 'reconnect_needed';
  config: string;
  connected_as: ConnectedAs;
  settings: unknown;
  owners: unknown;
  contacts_cursor: string | null;
  contacts_synced_at: Date | null;
  import: ImportProgress | null;
  last_logged_at: Date | null;
  last_error: string | null;
  updated_at: Date;
  created_at: Date;
}

export function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: ConnectionKindSchema.parse(row.kind),
    status: row.status,
    connectedAs: row.connected_as,
    settings: readSettings(row.settings),
    owners: z.array(CrmOwnerSchema).parse(row.owners),
    contactsCursor: row.contacts_cursor,
    contactsSyncedAt: row.contacts_synced_at,
    import: row.import,
    lastLoggedAt: row.last_logged_at,
    lastError: row.last_error,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
  };
}

export function openConfig(secrets: SecretBox, row: Pick<ConnectionRow, 'config'>): unknown {
  return JSON.parse(secrets.open(row.config));
}

export interface NewConnection {
  accountId: string;
  kind: ConnectionKind;
  config: unknown;
  connectedAs: ConnectedAs;
  owners: CrmOwner[];
}

/**
 * Connects (or reconnects) an account's CRM: one connection per CRM and account. Reconnecting keeps
 * the settings, the contact cursor and the sync history, and wakes rows parked for reconnection.
 */
export async function saveConnection(
  db: Queryable,
  secrets: SecretBox,
  input: NewConnection,
): Promise<Connection> {
  const sealed = secrets.seal(JSON.stringify(input.config));
  const row =
    await db.one<ConnectionRow>(sql`insert into crm_connections (account_id, kind, config, connected_as, owners)
    values (${input.accountId}, ${input.kind}, ${sealed}, ${JSON.stringify(input.connectedAs)}, ${JSON.stringify(input.owners)})
    on conflict (account_id, kind) do update set config = excluded.config, connected_as = excluded.connected_as,
      owners = excluded.owners, status = 'active', last_error = null, updated_at = now()
    returning *`);
  await db.execute(sql`update call_syncs set status = 'pending', available_at = now(), attempts = 0
    where connection_id = ${row.id} and status = 'parked'`);
  return toConnection(row);
}

export async function replaceConfig(
  db: Queryable,
  secrets: SecretBox,
  id: string,
  config: unknown,
): Promise<void> {
  await db.execute(
    sql`update crm_connections set config = ${secrets.seal(JSON.stringify(config))}, updated_at = now() where id = ${id}`,
  );
}

export async function connectionRow(db: Queryable, id: string): Promise<ConnectionRow | null> {
  return db.maybeOne<ConnectionRow>(sql`select * from crm_connections where id = ${id}`);
}

export async function getConnection(db: Queryable, accountId: string, id: string): Promise<Connection> {
  const row = await db.maybeOne<ConnectionRow>(
    sql`select * from crm_connections where id = ${id} and account_id = ${accountId}`,
  );
  if (!row)
    throw new AppError('not_found', 'connection_not_found', 'No such CRM connection in your account.');
  return toConnection(row);
}

export interface ConnectionSummary extends Connection {
  backlog: number;
  failed: number;
  logged: number;
}

/** Each connection with the counts an admin watches: waiting, failed (dead or waiting for reconnection), logged. */
export async function listConnections(db: Queryable, accountId: string): Promise<ConnectionSummary[]> {
  const rows = await db.many<ConnectionRow & { backlog: number; failed: number; logged: number }>(sql`
    select c.*,
      (select count(*)::int from call_syncs s where s.connection_id = c.id and s.status = 'pending') as backlog,
      (select count(*)::int from call_syncs s where s.connection_id = c.id and s.status in ('dead', 'parked')) as failed,
      (select count(*)::int from call_syncs s where s.connection_id = c.id and s.status = 'logged') as logged
    from crm_connections c where c.account_id = ${accountId} order by c.created_at`);
  return rows.map((row) => ({
    ...toConnection(row),
    backlog: row.backlog,
    failed: row.failed,
    logged: row.logged,
  }));
}

export async function connectionsOfAccount(db: Queryable, accountId: string): Promise<ConnectionRow[]> {
  return db.many<ConnectionRow>(
    sql`select * from crm_connections where account_id = ${accountId} order by created_at`,
  );
}

export async function updateSettings(
  db: Queryable,
  accountId: string,
  id: string,
  patch: Partial<ConnectionSettings>,
): Promise<Connection> {
  const current = await getConnection(db, accountId, id);
  const next = readSettings({ ...current.settings, ...patch });
  const row = await db.one<ConnectionRow>(sql`update crm_connections set settings = ${JSON.stringify(next)},
    updated_at = now() where id = ${id} returning *`);
  return toConnection(row);
}

export async function deleteConnection(db: Queryable, accountId: string, id: string): Promise<void> {
  const row = await db.maybeOne(
    sql`delete from crm_connections where id = ${id} and account_id = ${accountId} returning id`,
  );
  if (!row)
    throw new AppError('not_found', 'connection_not_found', 'No such CRM connection in your account.');
}

/** The CRM refused the credentials: stop trying until an admin reconnects, and say so. */
export async function markReconnectNeeded(db: Queryable, id: string, message: string): Promise<void> {
  await db.execute(sql`update crm_connections set status = 'reconnect_needed', last_error = ${message},
    updated_at = now() where id = ${id}`);
}

export async function saveOwners(db: Queryable, id: string, owners: CrmOwner[]): Promise<void> {
  await db.execute(sql`update crm_connections set owners = ${JSON.stringify(owners)} where id = ${id}`);
}

/** The connections a webhook may be for: same CRM, same remote account (portal, workspace). */
export async function connectionsForRemote(
  db: Queryable,
  kind: ConnectionKind,
  remoteAccountId: string,
): Promise<ConnectionRow[]> {
  return db.many<ConnectionRow>(sql`select * from crm_connections
    where kind = ${kind} and connected_as ->> 'accountId' = ${remoteAccountId} and status = 'active'`);
}
