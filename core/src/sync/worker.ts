import { CrmError, isCrmError, type RetryPolicy, retryDecision } from '@parley/connectors';
import type { Bus } from '../bus/bus.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import {
  type ClaimedSync,
  claimDueSyncs,
  DEFAULT_SYNC_RETRY,
  fanOutCalls,
  type SyncDeps,
  syncConnectionBatch,
} from './call-sync.ts';
import { type ConnectionRow, connectionsOfAccount, toConnection } from './connections.ts';
import type { ConnectorFor } from './connector-cache.ts';
import { pullContacts, pushContact } from './contact-sync.ts';

const PULL_CHECK_MS = 1_000;

export interface WorkerLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface SyncWorkerOptions {
  db: Db;
  bus: Bus;
  connectorFor: ConnectorFor;
  log: WorkerLog;
  /** Rows claimed per round; each connection's share goes out in its CRM's batch size. */
  claimLimit?: number;
  /** How long a claim holds; longer than the slowest batch (a CRM at its timeout, retries included). */
  leaseMs?: number;
  /** Pause when there was nothing to do; a kick ends it early. */
  idleMs?: number;
  /** How often a connection's change feed is polled when no webhook said something changed. */
  pollContactsMs?: number;
  retry?: RetryPolicy;
  /** Signed links to kept recordings, for the call logs (see SyncDeps). */
  recordingUrlFor?: SyncDeps['recordingUrlFor'];
  /** This instance, for the bus claims that keep two instances off the same contact pull. */
  instanceId: string;
}

export interface SyncWorker {
  /** One pass: fan out the outbox, log due calls, push saved contacts, pull due change feeds; resolves once the calls it claimed are settled. */
  runOnce(): Promise<{ fannedOut: number; synced: number; pushed: number }>;
  /** Something is waiting (a call ended, a webhook came): run a pass now rather than after the idle pause. */
  kick(): void;
  /** Pull this connection's change feed now (a verified webhook said it changed). */
  pullSoon(connectionId: string): void;
  stop(): Promise<void>;
}

/** Batches of one connection in flight from this worker: one being sent, the next being planned. */
const BATCHES_PER_CONNECTION = 2;

/**
 * The sync worker. Every step claims its rows (`FOR UPDATE SKIP LOCKED`, leases) so any number of
 * instances run it together, and every CRM write is an idempotent upsert, so a worker killed at
 * any point loses nothing and duplicates nothing.
 */
export function startSyncWorker(options: SyncWorkerOptions, { autostart = true } = {}): SyncWorker {
  const claimLimit = options.claimLimit ?? 400;
  const leaseMs = options.leaseMs ?? 120_000;
  const idleMs = options.idleMs ?? 250;
  const pollMs = options.pollContactsMs ?? 60_000;
  const retry = options.retry ?? DEFAULT_SYNC_RETRY;
  const deps = {
    db: options.db,
    connectorFor: options.connectorFor,
    retry,
    recordingUrlFor: options.recordingUrlFor,
  };
  const pullWanted = new Set<string>();
  let stopped = false;
  let wake: (() => void) | null = null;
  let woken = false;
  let loop: Promise<void> | null = null;
  const batches = new Set<Promise<void>>();
  const perConnection = new Map<string, number>();

  function wakeUp() {
    woken = true;
    wake?.();
  }

  function startBatch(row: ConnectionRow, claimed: ClaimedSync[]) {
    perConnection.set(row.id, (perConnection.get(row.id) ?? 0) + 1);
    const batch = syncConnectionBatch(deps, row, claimed)
      .catch((error: unknown) => {
        // A bug or the store failing: the lease brings the rows back; say it loudly meanwhile.
        options.log.error({ err: error, connectionId: row.id }, 'CRM sync batch failed');
      })
      .finally(() => {
        const left = (perConnection.get(row.id) ?? 1) - 1;
        if (left > 0) perConnection.set(row.id, left);
        else perConnection.delete(row.id);
        batches.delete(batch);
        // A connection has room again: claim its next calls now rather than after the idle pause.
        wakeUp();
      });
    batches.add(batch);
  }

  /**
   * Claims due calls and starts their batches without waiting for them: a CRM waiting on its
   * budget holds up neither other connections' calls nor the outbox, and a connection's next batch
   * is planned while its current one is sent, so its budget is not idle between passes.
   */
  async function syncCalls(): Promise<number> {
    const full = [...perConnection].filter(([, n]) => n >= BATCHES_PER_CONNECTION).map(([id]) => id);
    const claimed = await claimDueSyncs(options.db, claimLimit, leaseMs, full);
    if (claimed.length === 0) return 0;
    const byConnection = new Map<string, ClaimedSync[]>();
    for (const row of claimed)
      byConnection.set(row.connection_id, [...(byConnection.get(row.connection_id) ?? []), row]);
    const rows = await options.db.many<ConnectionRow>(
      sql`select * from crm_connections where id = any(${[...byConnection.keys()]}::uuid[])`,
    );
    for (const row of rows) startBatch(row, byConnection.get(row.id) ?? []);
    return claimed.length;
  }

  async function pushContacts(): Promise<number> {
    const rows = await options.db.many<{
      id: string;
      account_id: string;
      subject_id: string;
      attempts: number;
    }>(sql`
      update outbox set attempts = attempts + 1, available_at = now() + make_interval(secs => ${leaseMs / 1000})
      where id in (select id from outbox where status = 'pending' and topic = 'contact.saved' and available_at <= now()
        order by available_at limit 100 for update skip locked)
      returning id, account_id, subject_id, attempts`);
    for (const item of rows) {
      let failure: CrmError | null = null;
      for (const connection of await connectionsOfAccount(options.db, item.account_id)) {
        try {
          await pushContact(deps, connection, item.subject_id);
        } catch (error) {
          failure ??= isCrmError(error)
            ? error
            : new CrmError('unavailable', 'Parley could not send this contact; it will try again.', {
                crm: toConnection(connection).kind,
                cause: error,
              });
        }
      }
      // A retry pushes to every CRM again; the links make those already done a no-op.
      const decision = failure ? retryDecision(failure, item.attempts, retry) : null;
      if (!decision) {
        await options.db.execute(
          sql`update outbox set status = 'done', processed_at = now() where id = ${item.id}`,
        );
      } else if (decision.action === 'retry') {
        await options.db.execute(sql`update outbox set last_error = ${failure?.message ?? null},
          available_at = now() + make_interval(secs => ${decision.delayMs / 1000}) where id = ${item.id}`);
      } else {
        await options.db.execute(
          sql`update outbox set status = 'dead', last_error = ${decision.reason} where id = ${item.id}`,
        );
      }
    }
    return rows.length;
  }

  // The idle loop turns every 250 ms; which feeds are due changes on the scale of seconds, so the
  // store is asked at most once a second unless a webhook asked for a pull.
  let lastPullCheck = 0;
  async function pullDue(): Promise<void> {
    if (pullWanted.size === 0 && Date.now() - lastPullCheck < PULL_CHECK_MS) return;
    lastPullCheck = Date.now();
    const due = await options.db.many<{
      id: string;
    }>(sql`select id from crm_connections where status = 'active'
      and (contacts_synced_at is null or contacts_synced_at < now() - make_interval(secs => ${pollMs / 1000})
        or id = any(${[...pullWanted]}::uuid[]))`);
    pullWanted.clear();
    for (const { id } of due) {
      const { won } = await options.bus.claim(`crm-pull:${id}`, options.instanceId, leaseMs);
      if (!won) continue;
      try {
        await pullContacts(deps, id);
      } catch (error) {
        options.log.warn(
          { err: isCrmError(error) ? error.message : error, connectionId: id },
          'CRM contact changes not pulled; next poll retries',
        );
        await options.db.execute(sql`update crm_connections set contacts_synced_at = now(),
          last_error = ${isCrmError(error) ? error.message : 'Contact sync failed'} where id = ${id}`);
      }
    }
  }

  async function pass() {
    const fannedOut = await fanOutCalls(options.db);
    const synced = await syncCalls();
    const pushed = await pushContacts();
    await pullDue();
    return { fannedOut, synced, pushed };
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let busy = false;
      woken = false;
      try {
        const done = await pass();
        busy = done.fannedOut + done.synced + done.pushed > 0;
      } catch (error) {
        options.log.error({ err: error }, 'sync worker pass failed; retrying');
      }
      if (!busy && !woken && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  if (autostart) loop = run();

  return {
    async runOnce() {
      const done = await pass();
      await Promise.all(batches);
      return done;
    },
    kick: wakeUp,
    pullSoon(connectionId) {
      pullWanted.add(connectionId);
      wakeUp();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.all(batches);
    },
  };
}
