import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CRM_KINDS, type CrmKind, connectors } from '@parley/connectors';
import type { DevEmulator } from '@parley/connectors/emulators';
import { sql } from '../src/store/sql.ts';
import { startSyncWorker } from '../src/sync/worker.ts';
import { type CrmBenchHost, openCrmBenchHost } from './crm-account.ts';
import {
  type Budget,
  backlogFor,
  idealRequestsPerCall,
  perCall,
  type SustainedRates,
  sustainedRates,
} from './crm-stats.ts';
import { percentile, type Summary, sortedCopy, summarise } from './stats.ts';

/**
 * Requests one batch of call logs costs each connector when every caller is a linked contact (read
 * from the connectors: HubSpot upserts then associates; Salesforce upserts a collection; Attio
 * asserts one record per call; Odoo reads what it holds, checks the partners, then creates).
 */
const REQUESTS_PER_BATCH: Readonly<Record<CrmKind, number>> = {
  hubspot: 2,
  salesforce: 1,
  attio: 1,
  odoo: 3,
};

export const CRM_PLAN = {
  /**
   * Per request, on top of the local round trip: a small write to a SaaS API from a server on the
   * same continent, TLS reused, typically answers in 100–200 ms (our assumption, not a vendor figure).
   */
  latencyMs: 120,
  people: 20,
  lag: { calls: 40, meanGapMs: 250, timeoutMs: 30_000 },
  bulk: {
    /** Attio has no batch endpoint: every call is a request, so a larger backlog only takes longer. */
    calls: { hubspot: 1_000, salesforce: 1_000, attio: 250, odoo: 1_000 } as Record<CrmKind, number>,
    timeoutMs: 60_000,
  },
  sustained: {
    /** Windows measured from the first request: two where a window is long, to keep the bench short. */
    windows: { hubspot: 2, salesforce: 2, attio: 3, odoo: 2 } as Record<CrmKind, number>,
    /**
     * Enforced on both sides (emulator and connector). Real budgets whose batches carry 50–200
     * calls a request would need tens of thousands of waiting calls to saturate for a few windows,
     * so those are lowered to a rate the worker can feed on this machine; Attio's is its real one.
     */
    budgets: {
      hubspot: { requests: 20, perMs: 8_000 },
      salesforce: { requests: 10, perMs: 12_000 },
      attio: { requests: 25, perMs: 1_000 },
      odoo: { requests: 20, perMs: 8_000 },
    } as Record<CrmKind, Budget>,
  },
  aims: { lagP95Ms: 2_000, peerLagMs: 30_000, fractionOfBound: 0.9, rateLimitedShare: 0.01 },
} as const;

export interface LagRun {
  /**
   * The first call after connecting, kept apart: it pays the connector's one-time setup (Attio
   * creates its calls object and attributes, HubSpot its properties) and is not a steady-state lag.
   */
  firstCallMs: number | null;
  summary: Summary | null;
  p95: number | null;
  /** Calls never seen in the CRM within the timeout. */
  missing: number;
}

export interface BulkRun {
  calls: number;
  requests: number;
  /** Requests by path, to see which calls a batch cost. */
  byPath: Record<string, number>;
  requestsPerCall: number | null;
  idealRequestsPerCall: number;
  seconds: number;
  callsPerSecond: number;
}

export interface SustainedRun extends SustainedRates {
  budget: Budget;
  realBudget: Budget;
  backlog: number;
  requests: number;
  rateLimited: number;
  logged: number;
  seconds: number;
}

export interface CrmRun {
  kind: CrmKind;
  lag: LagRun;
  bulk: BulkRun;
  sustained: SustainedRun;
  /**
   * After the lag and bulk runs (everything drained): calls Parley ended vs records the CRM holds
   * for them; then records for the same call made during the sustained run (none expected).
   */
  exactlyOnce: { calls: number; records: number; distinct: number; sustainedDuplicates: number };
  specViolations: number;
}

export interface CrmSyncBenchResult {
  plan: typeof CRM_PLAN;
  crms: CrmRun[];
}

/**
 * Calls on their contact's record: every bench caller is a linked contact, and a CRM that links in
 * a second request (HubSpot's associations) holds the call before it shows it on the contact.
 */
const onRecord = (emulator: DevEmulator) => emulator.callLogs().filter((log) => log.contactIds.length > 0);
const heldIds = (emulator: DevEmulator) => new Set(onRecord(emulator).map((log) => log.parleyCallId));

async function waitFor(done: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Calls end one by one, spaced at random; each one's lag is from its commit to its record in the CRM. */
async function measureLag(host: CrmBenchHost, emulator: DevEmulator, accountId: string): Promise<LagRun> {
  const { calls, meanGapMs, timeoutMs } = CRM_PLAN.lag;
  const [first] = await host.hangUp(accountId, 1, CRM_PLAN.people);
  const firstEnded = performance.now();
  const firstArrived = await waitFor(() => first !== undefined && heldIds(emulator).has(first), timeoutMs, 5);
  const firstCallMs = firstArrived ? performance.now() - firstEnded : null;
  const pending = new Map<string, number>();
  const lags: number[] = [];
  let ending = true;
  const watcher = (async () => {
    while (ending || pending.size > 0) {
      if (pending.size > 0) {
        const held = heldIds(emulator);
        const at = performance.now();
        for (const [id, endedAt] of pending) {
          if (!held.has(id)) continue;
          lags.push(at - endedAt);
          pending.delete(id);
        }
        if ([...pending.values()].some((endedAt) => at - endedAt > timeoutMs)) return;
      }
      await sleep(5);
    }
  })();
  for (let i = 0; i < calls; i++) {
    await sleep(meanGapMs * (0.5 + Math.random()));
    const [id] = await host.hangUp(accountId, 1, CRM_PLAN.people);
    if (id) pending.set(id, performance.now());
  }
  ending = false;
  await watcher;
  return {
    firstCallMs,
    summary: summarise(lags),
    p95: lags.length > 0 ? percentile(sortedCopy(lags), 95) : null,
    missing: pending.size,
  };
}

/** One CRM's run: its host, emulator, account and the worker's wake-up. */
interface Phase {
  host: CrmBenchHost;
  kind: CrmKind;
  emulator: DevEmulator;
  accountId: string;
  kick: () => void;
}

/** Counters from zero, `calls` ended at once, the worker woken; resolves with the records held before. */
async function queueBacklog({ host, emulator, accountId, kick }: Phase, calls: number): Promise<number> {
  const before = onRecord(emulator).length;
  emulator.running.resetStats();
  await host.hangUp(accountId, calls, CRM_PLAN.people);
  kick();
  return before;
}

async function measureBulk(phase: Phase): Promise<BulkRun> {
  const { host, kind, emulator } = phase;
  const calls = CRM_PLAN.bulk.calls[kind];
  // The count of requests is the point here: no limit on either side, so no 429 adds to it.
  emulator.running.setLimit(undefined);
  host.setBudget(kind, { kind: 'lifted' });
  const started = performance.now();
  const before = await queueBacklog(phase, calls);
  await waitFor(() => onRecord(emulator).length >= before + calls, CRM_PLAN.bulk.timeoutMs);
  const seconds = (performance.now() - started) / 1000;
  const logged = onRecord(emulator).length - before;
  const { requests } = emulator.running.stats;
  const { maxBatchSize } = connectors[kind].capabilities;
  return {
    calls: logged,
    requests,
    byPath: Object.fromEntries(emulator.running.stats.byPath),
    requestsPerCall: perCall(requests, logged),
    idealRequestsPerCall: idealRequestsPerCall(REQUESTS_PER_BATCH[kind], maxBatchSize),
    seconds,
    callsPerSecond: logged / seconds,
  };
}

async function measureSustained(phase: Phase): Promise<SustainedRun> {
  const { host, kind, emulator } = phase;
  const budget = CRM_PLAN.sustained.budgets[kind];
  const spanMs = budget.perMs * CRM_PLAN.sustained.windows[kind];
  const callsPerRequest = connectors[kind].capabilities.maxBatchSize / REQUESTS_PER_BATCH[kind];
  const backlog = backlogFor(budget, spanMs, callsPerRequest);
  emulator.running.setLimit({ requests: budget.requests, windowMs: budget.perMs });
  host.setBudget(kind, { kind: 'bench', budget });
  // Let the connector's bucket refill to its bench capacity, as an idle connection's would be.
  await sleep(Math.min(2_000, budget.perMs / 2));
  const before = await queueBacklog(phase, backlog);
  await waitFor(() => emulator.running.stats.requests > 0, 10_000, 1);
  const firstAt = performance.now();
  await sleep(spanMs);
  const elapsedMs = performance.now() - firstAt;
  const { requests, rateLimited } = emulator.running.stats;
  const logged = onRecord(emulator).length - before;
  // The pass in flight finishes unthrottled; the rest of the backlog is deleted with the connection.
  emulator.running.setLimit(undefined);
  host.setBudget(kind, { kind: 'lifted' });
  return {
    budget,
    realBudget: connectors[kind].rate.budget,
    backlog,
    requests,
    rateLimited,
    logged,
    seconds: elapsedMs / 1000,
    ...sustainedRates({ requests, rateLimited, logged, elapsedMs }, budget),
  };
}

async function benchOne(
  host: CrmBenchHost,
  kind: CrmKind,
  progress: (line: string) => void,
): Promise<CrmRun> {
  progress(`${kind}: connecting (emulator at ${CRM_PLAN.latencyMs} ms a request)`);
  const { accountId, connectionId, emulator } = await host.connectAccount(kind, {
    latencyMs: CRM_PLAN.latencyMs,
    people: CRM_PLAN.people,
  });
  const { services } = host.server;
  const worker = startSyncWorker({
    db: host.db,
    bus: services.bus,
    connectorFor: services.crm.connectorFor,
    log: services.log,
    instanceId: randomUUID(),
  });
  try {
    progress(`${kind}: lag, ${CRM_PLAN.lag.calls} calls ending one by one`);
    const lag = await measureLag(host, emulator, accountId);
    progress(`${kind}: bulk, ${CRM_PLAN.bulk.calls[kind]} calls waiting at once`);
    const phase: Phase = { host, kind, emulator, accountId, kick: worker.kick };
    const bulk = await measureBulk(phase);
    const calls = await host.db.one<{ n: number }>(
      sql`select count(*)::int as n from calls where account_id = ${accountId}`,
    );
    const drained = emulator.callLogs();
    progress(`${kind}: sustained, against ${JSON.stringify(CRM_PLAN.sustained.budgets[kind])}`);
    const sustained = await measureSustained(phase);
    const held = emulator.callLogs();
    return {
      kind,
      lag,
      bulk,
      sustained,
      exactlyOnce: {
        calls: calls.n,
        records: drained.length,
        distinct: new Set(drained.map((log) => log.parleyCallId)).size,
        sustainedDuplicates: held.length - new Set(held.map((log) => log.parleyCallId)).size,
      },
      specViolations: emulator.running.violations.length,
    };
  } finally {
    await worker.stop();
    // Nothing of this CRM's run may reach the next one's worker.
    await host.db.execute(sql`delete from crm_connections where id = ${connectionId}`);
    await emulator.close();
  }
}

/** Per CRM: hang-up-to-record lag, requests per call in bulk, and throughput against the enforced limit. */
export async function crmSyncBench(progress: (line: string) => void): Promise<CrmSyncBenchResult> {
  const host = await openCrmBenchHost();
  try {
    const crms: CrmRun[] = [];
    // PARLEY_BENCH_CRMS=odoo,attio measures a few, when working on one connector.
    const only = process.env.PARLEY_BENCH_CRMS?.split(',').map((kind) => kind.trim());
    for (const kind of CRM_KINDS.filter((k) => !only || only.includes(k)))
      crms.push(await benchOne(host, kind, progress));
    return { plan: CRM_PLAN, crms };
  } finally {
    await host.close();
  }
}
