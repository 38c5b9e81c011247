import { mkdir } from 'node:fs/promises';
import type { Db } from './db.ts';
import { createPgliteDb } from './pglite-db.ts';
import { createPostgresDb } from './postgres-db.ts';

export type { Db, Queryable } from './db.ts';
export { StoreError } from './errors.ts';
export { migrate } from './migrate.ts';
export { type SqlFragment, sql } from './sql.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded store in `dataDir`. */
export async function openStore(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  if (options.databaseUrl) return createPostgresDb({ url: options.databaseUrl });
  await mkdir(options.dataDir, { recursive: true });
  return createPgliteDb(`${options.dataDir}/pglite`);
}
