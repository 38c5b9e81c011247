import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { createGroupCommitQueue } from './group-commit.ts';
import { queryableOver } from './queryable.ts';

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in-process, one connection.
 * PGlite runs a plain query and an open transaction's statements under different locks, so a
 * query from another request could land inside someone's transaction; every operation here
 * goes through one queue instead, which also commits statements that pile up together
 * (group-commit.ts).
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  let pglite: PGlite;
  try {
    pglite = dataDir ? new PGlite(dataDir) : new PGlite();
    await pglite.waitReady;
  } catch (error) {
    throw new StoreError(
      'unavailable',
      `Cannot open the embedded database${dataDir ? ` in ${dataDir}` : ''}: ${String(error)}. Check the folder is writable and not used by another Parley process.`,
      { cause: error },
    );
  }

  const queue = createGroupCommitQueue({
    run: async ({ text, values }) => {
      const result = await pglite.query(text, [...values]);
      return { rows: result.rows, affected: result.affectedRows ?? 0 };
    },
    control: async (command) => void (await pglite.exec(command)),
  });
  const inTransaction = (tx: Transaction) =>
    queryableOver(
      async ({ text, values }) => {
        const result = await tx.query(text, [...values]);
        return { rows: result.rows, affected: result.affectedRows ?? 0 };
      },
      (text) => tx.exec(text),
    );
  const direct = queryableOver(queue.statement, (text) => queue.exclusive(() => pglite.exec(text)));

  return {
    kind: 'pglite',
    ...direct,
    transaction: (work) => queue.exclusive(() => pglite.transaction((tx) => work(inTransaction(tx)))),
    ping: () => queue.exclusive(async () => void (await pglite.query('select 1'))),
    close: () => queue.exclusive(() => pglite.close()),
  };
}
