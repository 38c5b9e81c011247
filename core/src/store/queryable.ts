import type { Queryable } from './db.ts';
import { StoreError, toStoreError } from './errors.ts';
import { compile, type SqlFragment, type SqlQuery } from './sql.ts';

export interface RawResult {
  rows: unknown[];
  affected: number;
}

/** Builds the Queryable methods over one driver's `run`, so pg and PGlite share every behaviour. */
export function queryableOver(
  run: (query: SqlQuery) => Promise<RawResult>,
  runScript: (text: string) => Promise<unknown>,
): Queryable {
  const exec = async (fragment: SqlFragment): Promise<RawResult> => {
    const query = compile(fragment);
    try {
      return await run(query);
    } catch (error) {
      throw toStoreError(error);
    }
  };
  return {
    async many<Row>(fragment: SqlFragment) {
      return (await exec(fragment)).rows as Row[];
    },
    async one<Row>(fragment: SqlFragment) {
      const { rows } = await exec(fragment);
      if (rows.length !== 1)
        throw new StoreError('internal', `Expected one row, got ${rows.length}: ${compile(fragment).text}`);
      return rows[0] as Row;
    },
    async maybeOne<Row>(fragment: SqlFragment) {
      const { rows } = await exec(fragment);
      return (rows[0] as Row | undefined) ?? null;
    },
    async execute(fragment: SqlFragment) {
      return (await exec(fragment)).affected;
    },
    async script(text: string) {
      try {
        await runScript(text);
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}
