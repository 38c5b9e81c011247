import pg from 'pg';
import type { Db } from './db.ts';
import { StoreError, toStoreError } from './errors.ts';
import { queryableOver } from './queryable.ts';

const INT8_OID = 20;

/** Parse int8 (count(*), sums) as numbers, as PGlite does, so both stores return the same rows. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

export interface PostgresOptions {
  url: string;
  /** Isolates this store in its own schema (tests); created if missing. */
  schema?: string;
  maxConnections?: number;
}

export async function createPostgresDb(options: PostgresOptions): Promise<Db> {
  if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema))
    throw new StoreError(
      'invalid',
      `Schema name "${options.schema}" must be lower-case letters, digits and _`,
    );
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);

  const over = (target: pg.Pool | pg.PoolClient) =>
    queryableOver(
      async ({ text, values }) => {
        const result = await target.query(text, [...values]);
        return { rows: result.rows, affected: result.rowCount ?? 0 };
      },
      (text) => target.query(text),
    );
  const direct = over(pool);

  const db: Db = {
    kind: 'postgres',
    ...direct,
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toStoreError(error);
      }
      const tx = over(client);
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      try {
        await pool.query('select 1');
      } catch (error) {
        const e = toStoreError(error);
        throw new StoreError('unavailable', `PostgreSQL at DATABASE_URL is not answering: ${e.message}`, {
          cause: error,
        });
      }
    },
    close: () => pool.end(),
  };

  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
    try {
      await admin.connect();
      await admin.query(`create schema if not exists ${options.schema}`);
    } catch (error) {
      await pool.end();
      throw new StoreError('unavailable', `Cannot prepare schema ${options.schema}: ${String(error)}`, {
        cause: error,
      });
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  return db;
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await admin.end();
  }
}
