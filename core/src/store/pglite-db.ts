import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { queryableOver } from './queryable.ts';

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in-process, one connection.
 * PGlite runs a plain query and an open transaction's statements under different locks, so a
 * query from another request could land inside someone's transaction; every operation here
 * goes through one queue instead.
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

  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const over = (target: PGlite | Transaction) =>
    queryableOver(
      async ({ text, values }) => {
        const result = await target.query(text, [...values]);
        return { rows: result.rows, affected: result.affectedRows ?? 0 };
      },
      (text) => target.exec(text),
    );
  const direct = over(pglite);

  return {
    kind: 'pglite',
    many: (q) => serialise(() => direct.many(q)),
    one: (q) => serialise(() => direct.one(q)),
    maybeOne: (q) => serialise(() => direct.maybeOne(q)),
    execute: (q) => serialise(() => direct.execute(q)),
    transaction: (work) => serialise(() => pglite.transaction((tx) => work(over(tx)))),
    script: (text) => serialise(() => direct.script(text)),
    ping: () => serialise(async () => void (await pglite.query('select 1'))),
    close: () => serialise(() => pglite.close()),
  };
}
