import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectorDeps, type ConnectorDescriptor, type CrmKind, connectors } from '@parley/connectors';
import { type DevEmulator, emulators } from '@parley/connectors/emulators';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../src/http/testing/test-server.ts';
import type { Db } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { createPgliteDb } from '../src/store/pglite-db.ts';
import { sql } from '../src/store/sql.ts';
import { connectWith } from '../src/sync/admin.ts';
import type { Descriptors } from '../src/sync/connector-cache.ts';
import { type Budget, scaleBucket } from './crm-stats.ts';

/** What the connector's side of the limit is, per phase: its real budget, a bench budget, or none. */
export type BudgetMode = { kind: 'real' } | { kind: 'bench'; budget: Budget } | { kind: 'lifted' };

const LIFTED: Budget = { requests: 1_000_000, perMs: 1_000 };

/**
 * The connector as shipped, except that its limiter sees the bench's budget for the connection's
 * own key. Connectors read their rate from module constants, not from the descriptor, so the one
 * place both sides can be lowered together without touching a connector is the limiter they take.
 */
function budgeted<K extends CrmKind>(
  descriptor: ConnectorDescriptor<K>,
  mode: () => BudgetMode,
): ConnectorDescriptor<K> {
  const real = descriptor.rate.budget;
  const wrap = (deps: ConnectorDeps): ConnectorDeps => ({
    ...deps,
    limiter: {
      take(key, bucket, cost) {
        const now = mode();
        if (key !== deps.rateKey || now.kind === 'real') return deps.limiter.take(key, bucket, cost);
        return deps.limiter.take(
          key,
          scaleBucket(bucket, real, now.kind === 'bench' ? now.budget : LIFTED),
          cost,
        );
      },
    },
  });
  return {
    ...descriptor,
    create: (config, deps) => descriptor.create(config, wrap(deps)),
    connect: (raw, deps) => descriptor.connect(raw, wrap(deps)),
  };
}

export const personPhone = (i: number) => `+3361000${String(i).padStart(4, '0')}`;
const TEAM_NUMBER = '+33199000001';
const SignupAnswer = z.object({ account: z.object({ id: z.string() }) });

export interface CrmBenchHost {
  server: TestServer;
  db: Db;
  /** The connector side's budget for this CRM from now on. */
  setBudget(kind: CrmKind, mode: BudgetMode): void;
  /** A new account, its CRM's emulator seeded with `people`, connected and imported. */
  connectAccount(
    kind: CrmKind,
    options: { latencyMs: number; people: number },
  ): Promise<{ accountId: string; connectionId: string; emulator: DevEmulator }>;
  /**
   * Ends `count` answered calls from the seeded people in one statement: each call's final record
   * and its outbox row commit together, as a hang-up commits them. Resolves with the call ids.
   */
  hangUp(accountId: string, count: number, people: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Parley over the embedded store in a temp data dir, as `npm start` runs it, with budget-aware connectors. */
export async function openCrmBenchHost(): Promise<CrmBenchHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-crm-bench-'));
  const db = await createPgliteDb(dataDir);
  await migrate(db);
  const modes = new Map<CrmKind, BudgetMode>();
  const modeOf = (kind: CrmKind) => () => modes.get(kind) ?? { kind: 'real' as const };
  const descriptors: Descriptors = {
    hubspot: budgeted(connectors.hubspot, modeOf('hubspot')),
    salesforce: budgeted(connectors.salesforce, modeOf('salesforce')),
    attio: budgeted(connectors.attio, modeOf('attio')),
    odoo: budgeted(connectors.odoo, modeOf('odoo')),
  };
  const server = await startTestServer({ db, crm: { descriptors } });
  let signups = 0;

  async function signUp(): Promise<string> {
    signups += 1;
    const response = await fetch(`${server.url}/api/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `crm.bench.${Date.now().toString(36)}.${signups}@example.com`,
        password: 'correct horse battery',
        name: 'Ada Admin',
        company: 'Acme',
      }),
    });
    const body: unknown = await response.json();
    if (response.status !== 201)
      throw new Error(`signup answered ${response.status}: ${JSON.stringify(body)}`);
    return SignupAnswer.parse(body).account.id;
  }

  return {
    server,
    db,
    setBudget: (kind, mode) => modes.set(kind, mode),
    async connectAccount(kind, { latencyMs, people }) {
      const emulator = await emulators[kind]({ latencyMs });
      await emulator.seed(
        Array.from({ length: people }, (_, i) => ({
          key: `p${i}`,
          kind: 'contact' as const,
          name: `Person ${i}`,
          company: null,
          emails: [`p${i}@example.test`],
          phones: [personPhone(i)],
        })),
      );
      const accountId = await signUp();
      const connection = await connectWith(server.services, accountId, kind, emulator.config());
      // The import links every seeded person, so calls find their contact without a CRM search.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const row = await db.one<{ state: string | null }>(
          sql`select import ->> 'state' as state from crm_connections where id = ${connection.id}`,
        );
        if (row.state === 'done') break;
        if (row.state === 'failed' || Date.now() > deadline)
          throw new Error(`the ${kind} import did not finish (${row.state ?? 'not started'})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { accountId, connectionId: connection.id, emulator };
    },
    async hangUp(accountId, count, people) {
      const rows = await db.many<{ subject_id: string }>(sql`
        with made as (
          insert into calls (account_id, carrier_call_sid, direction, from_number, to_number, record, result, final)
          select ${accountId}, sid, 'inbound', phone, ${TEAM_NUMBER},
            jsonb_build_object('id', sid, 'direction', 'inbound', 'from', phone, 'to', ${TEAM_NUMBER}::text,
              'numberE164', ${TEAM_NUMBER}::text, 'status', 'completed', 'createdAt', now(), 'talkSeconds', 30 + n % 300,
              'result', 'answered', 'rungMemberIds', '[]'::jsonb, 'legs', '[]'::jsonb, 'final', true),
            'answered', true
          from (select n, 'CA' || md5(gen_random_uuid()::text) as sid,
              '+3361000' || lpad((n % ${people})::text, 4, '0') as phone
            from generate_series(1, ${count}) n) made_calls
          returning id, account_id
        )
        insert into outbox (account_id, topic, subject_id) select account_id, 'call.final', id from made
        returning subject_id`);
      return rows.map((row) => row.subject_id);
    },
    async close() {
      await server.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
