import type { Db } from './db.ts';
import { createPgliteDb } from './pglite-db.ts';
import { createPostgresDb } from './postgres-db.ts';

export type { Db, Queryable } from './db.ts';
export { StoreError } from './errors.ts';
export { migrate } from './migrate.ts';
export { type SqlFragment, sql } from './sql.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded store in `dataDir`. */
export function openStore(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return options.databaseUrl
    ? createPostgresDb({ url: options.databaseUrl })
    : createPgliteDb(`${options.dataDir}/pglite`);
}
