import type { SqlFragment } from './sql.ts';

export interface Queryable {
  /** All rows. Row types are declared by the caller next to the query that selects them. */
  many<Row>(query: SqlFragment): Promise<Row[]>;
  /** Exactly one row, or a StoreError('internal') naming the query's expectation. */
  one<Row>(query: SqlFragment): Promise<Row>;
  maybeOne<Row>(query: SqlFragment): Promise<Row | null>;
  /** Number of rows changed by an INSERT/UPDATE/DELETE. */
  execute(query: SqlFragment): Promise<number>;
  /** Runs a multi-statement script with no parameters (migrations). */
  script(text: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction. Inside it, use only the `tx` handed in: on the embedded
   * store all statements are serialised, so reaching for the outer `db` would wait forever.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
