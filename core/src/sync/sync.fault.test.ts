import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CRM_KINDS, type CrmKind } from '@parley/connectors';
import type { DevEmulator } from '@parley/connectors/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAdmin } from '../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../http/testing/test-server.ts';
import type { Db } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { createPostgresDb, dropPostgresSchema } from '../store/postgres-db.ts';
import { sql } from '../store/sql.ts';
import { serviceUrl, uniqueSuffix } from '../testing/services.ts';
import { connect, startEmulator } from './testing/sync-harness.ts';

const CALLS_PER_ACCOUNT = 1_000;
const PEOPLE = 40;
const KILLS = 5;
const url = serviceUrl('DATABASE_URL');

const personPhone = (i: number) => `+3361000${String(i).padStart(4, '0')}`;

/**
 * The acceptance's fault test: 2,000 calls across two accounts, each connected to all four CRMs,
 * every emulator failing a fifth of its requests (429, 5xx, hangs, answers lost after the write),
 * the worker process killed with SIGKILL five times mid-run and restarted. Afterwards every call is
 * in every CRM exactly once, on the right person — read from the emulators' own state.
 */
describe.skipIf(!url)('sync under faults and SIGKILL (PostgreSQL)', () => {
  const schema = `parley_fault_${uniqueSuffix()}`;
  const secretKey = randomBytes(32);
  let db: Db;
  let server: TestServer;
  const accounts: { id: string; emulators: Map<CrmKind, DevEmulator> }[] = [];
  let child: ChildProcess | null = null;

  function spawnWorker(): ChildProcess {
    return fork(new URL('./testing/worker-main.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        DATABASE_URL: url,
        PARLEY_TEST_SCHEMA: schema,
        PARLEY_TEST_SECRET_KEY: secretKey.toString('hex'),
        PARLEY_TEST_LEASE_MS: '3000',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  beforeAll(async () => {
    db = await createPostgresDb({ url: url ?? '', schema, maxConnections: 8 });
    await migrate(db);
    server = await startTestServer({ db, secretKey });
    for (let a = 0; a < 2; a++) {
      const { accountId } = await signUpAdmin(server);
      const emulators = new Map<CrmKind, DevEmulator>();
      for (const kind of CRM_KINDS) {
        const emulator = await startEmulator(kind);
        await emulator.seed(
          Array.from({ length: PEOPLE }, (_, i) => ({
            key: `p${i}`,
            kind: 'contact' as const,
            name: `Person ${a}-${i}`,
            company: null,
            emails: [`p${a}.${i}@example.test`],
            phones: [personPhone(i)],
          })),
        );
        await connect(server, accountId, kind, emulator);
        emulators.set(kind, emulator);
      }
      accounts.push({ id: accountId, emulators });
    }
    // The first import links every person; the calls then find their contact without a search.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const waiting = await db.one<{ n: number }>(
        sql`select count(*)::int as n from crm_connections where import is null or import ->> 'state' <> 'done'`,
      );
      if (waiting.n === 0) break;
      if (Date.now() > deadline) throw new Error('the initial imports did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    for (const account of accounts) for (const emulator of account.emulators.values()) await emulator.close();
    await server?.close();
    await db?.close();
    if (url) await dropPostgresSchema(url, schema);
  });

  it('logs every call in every CRM exactly once, on its contact, through faults and five SIGKILLs', async () => {
    for (const account of accounts) {
      for (const emulator of account.emulators.values()) {
        emulator.running.faults.random({
          rate: 0.2,
          faults: [
            { kind: 'status', status: 429, retryAfterSeconds: 1 },
            { kind: 'status', status: 503 },
            { kind: 'status', status: 500 },
            { kind: 'hang', ms: 300 },
            { kind: 'drop-after-commit' },
          ],
        });
      }
      await db.execute(sql`
          with made as (
            insert into calls (account_id, carrier_call_sid, direction, from_number, to_number, record, result, final)
            select ${account.id}, 'CA' || md5(${account.id} || n::text), 'inbound',
              '+3361000' || lpad((n % ${PEOPLE})::text, 4, '0'), '+33199000001',
              jsonb_build_object('id', 'CA' || md5(${account.id} || n::text), 'direction', 'inbound',
                'from', '+3361000' || lpad((n % ${PEOPLE})::text, 4, '0'), 'to', '+33199000001',
                'numberE164', '+33199000001', 'status', 'completed', 'createdAt', now(), 'talkSeconds', n % 300,
                'result', 'answered', 'rungMemberIds', '[]'::jsonb, 'legs', '[]'::jsonb, 'final', true),
              'answered', true
            from generate_series(1, ${CALLS_PER_ACCOUNT}) n
            returning id, account_id
          )
          insert into outbox (account_id, topic, subject_id) select account_id, 'call.final', id from made`);
    }

    child = spawnWorker();
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500 + kill * 500));
      child.kill('SIGKILL');
      await new Promise((resolve) => child?.once('exit', resolve));
      child = spawnWorker();
    }

    const deadline = Date.now() + 240_000;
    for (;;) {
      const left = await db.one<{ outbox: number; syncs: number; dead: number }>(sql`select
          (select count(*)::int from outbox where status = 'pending' and topic like 'call.%') as outbox,
          (select count(*)::int from call_syncs where status = 'pending') as syncs,
          (select count(*)::int from call_syncs where status in ('dead', 'parked')) as dead`);
      if (left.outbox === 0 && left.syncs === 0) {
        expect(left.dead).toBe(0);
        break;
      }
      if (Date.now() > deadline) throw new Error(`sync did not finish: ${JSON.stringify(left)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    for (const account of accounts) {
      const calls = await db.many<{ id: string; from_number: string }>(
        sql`select id, from_number from calls where account_id = ${account.id}`,
      );
      for (const [kind, emulator] of account.emulators) {
        const links = await db.many<{
          crm_id: string;
          phone: string;
        }>(sql`select l.crm_id, c.phones[1] as phone
            from contact_links l join contacts c on c.id = l.contact_id
            join crm_connections k on k.id = l.connection_id where k.account_id = ${account.id} and k.kind = ${kind}`);
        const crmIdOf = new Map(links.map((link) => [link.phone, link.crm_id]));
        const held = emulator.callLogs();
        const byCall = new Map<string, typeof held>();
        for (const log of held) byCall.set(log.parleyCallId, [...(byCall.get(log.parleyCallId) ?? []), log]);
        expect(held.length, `${kind}: records for ${calls.length} calls`).toBe(calls.length);
        for (const call of calls) {
          const logs = byCall.get(call.id) ?? [];
          expect(logs, `${kind}: call ${call.id}`).toHaveLength(1);
          expect(logs[0]?.contactIds, `${kind}: contact of call ${call.id}`).toEqual([
            crmIdOf.get(call.from_number),
          ]);
        }
      }
    }
  }, 420_000);
});
