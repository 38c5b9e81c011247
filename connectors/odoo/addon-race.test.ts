import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Parley's Odoo module makes two `upsert_calls` racing on one new call_id safe with a probe
 * (`_replay_after_race` in odoo-module/parley/models/parley_call.py). This plays that race on
 * PostgreSQL with the probe's own SQL, read from the module: Odoo runs each RPC in REPEATABLE READ,
 * and its `retrying` (odoo/service/model.py, 17.0) replays a request only on a serialization
 * failure (40001), never on a unique violation (23505).
 */
const source = readFileSync(
  new URL('../../odoo-module/parley/models/parley_call.py', import.meta.url),
  'utf8',
);
const probe = /'(INSERT INTO parley_call \(call_id\) VALUES \(%s\) ON CONFLICT \(call_id\) DO NOTHING)'/.exec(
  source,
)?.[1];

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl && process.env.CI) throw new Error('DATABASE_URL must be set in CI');

async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.skipIf(!databaseUrl)('two upserts of one new call_id racing in PostgreSQL', () => {
  const table = `parley_call_race_${Date.now().toString(36)}`;
  const probeSql = (probe ?? '').replace('parley_call', table).replace('%s', '$1');
  let first: pg.Client;
  let second: pg.Client;

  beforeAll(async () => {
    first = new pg.Client({ connectionString: databaseUrl });
    second = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([first.connect(), second.connect()]);
    await first.query(
      `create table ${table} (id serial primary key, call_id varchar not null, constraint ${table}_call_id_uniq unique (call_id))`,
    );
  });
  afterAll(async () => {
    await first?.query(`drop table if exists ${table}`);
    await Promise.all([first?.end(), second?.end()]);
  });

  it('the module’s probe is found in its source', () => {
    expect(probe).toBeDefined();
  });

  it('the loser cannot see the winner’s row, and the probe turns that into a failure Odoo replays', async () => {
    await first.query('begin isolation level repeatable read');
    await first.query(`select count(*) from ${table}`);
    await second.query(`insert into ${table} (call_id) values ('CA1')`);

    await first.query('savepoint create_call');
    expect(await failureCode(first.query(`insert into ${table} (call_id) values ('CA1')`))).toBe('23505');
    await first.query('rollback to savepoint create_call');
    // Why a search-then-write fallback cannot work: the snapshot predates the winner's commit.
    expect((await first.query(`select id from ${table} where call_id = 'CA1'`)).rowCount).toBe(0);
    expect(await failureCode(first.query(probeSql, ['CA1']))).toBe('40001');
    await first.query('rollback');

    // The replay, on a fresh snapshot, finds the winner's row and updates it.
    await first.query('begin isolation level repeatable read');
    expect((await first.query(`select id from ${table} where call_id = 'CA1'`)).rowCount).toBe(1);
    await first.query('rollback');
  });

  it('under READ COMMITTED the probe changes nothing and the row is visible', async () => {
    await first.query('begin isolation level read committed');
    expect((await first.query(probeSql, ['CA1'])).rowCount).toBe(0);
    expect((await first.query(`select id from ${table} where call_id = 'CA1'`)).rowCount).toBe(1);
    await first.query('rollback');
  });
});
