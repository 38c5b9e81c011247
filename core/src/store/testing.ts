import { serviceUrl, uniqueSuffix } from '../testing/services.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { createPgliteDb } from './pglite-db.ts';
import { createPostgresDb, dropPostgresSchema } from './postgres-db.ts';

export interface TestStore {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated store; `cleanup` drops everything it made. */
  open(): Promise<{ db: Db; cleanup: () => Promise<void> }>;
}

export const pgliteTestStore: TestStore = {
  name: 'pglite',
  async open() {
    const db = await createPgliteDb();
    await migrate(db);
    return { db, cleanup: () => db.close() };
  },
};

export function postgresTestStore(url: string): TestStore {
  return {
    name: 'postgres',
    async open() {
      const schema = `parley_test_${uniqueSuffix()}`;
      const db = await createPostgresDb({ url, schema, maxConnections: 5 });
      await migrate(db);
      return {
        db,
        cleanup: async () => {
          await db.close();
          await dropPostgresSchema(url, schema);
        },
      };
    },
  };
}

/** Every store implementation this run can reach: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testStores(): TestStore[] {
  const url = serviceUrl('DATABASE_URL');
  return url ? [pgliteTestStore, postgresTestStore(url)] : [pgliteTestStore];
}
