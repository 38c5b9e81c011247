import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from './db.ts';
import { StoreError } from './errors.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { sql } from './sql.ts';
import type { TestStore } from './testing.ts';

/** One suite, every store: the same SQL must behave the same on PGlite and PostgreSQL. */
export function runStoreSuite(store: TestStore) {
  describe(`store: ${store.name}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = await store.open());
    });
    afterAll(() => cleanup());

    async function newAccount(name = 'Acme'): Promise<string> {
      const row = await db.one<{ id: string }>(sql`
        insert into accounts (name, plan, seats, seat_price_cents, default_country, time_zone, locale)
        values (${name}, 'starter', 1, 1900, 'FR', 'Europe/Paris', 'fr') returning id`);
      return row.id;
    }

    it('applies every migration once and is a no-op the second time', async () => {
      const all = await loadMigrations();
      const rows = await db.many<{ version: string }>(
        sql`select version from schema_migrations order by version`,
      );
      expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
    });

    it('round-trips uuids, timestamps, jsonb, text arrays and counts with the same JS types', async () => {
      const accountId = await newAccount();
      const row = await db.one<{ id: string; created_at: Date; phones: string[]; external_ids: unknown }>(sql`
        insert into contacts (account_id, name, phones, external_ids)
        values (${accountId}, 'Léa', ${['+33612345678', '+33187654321']}, ${JSON.stringify({ hubspot: '42' })})
        returning id, created_at, phones, external_ids`);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.created_at).toBeInstanceOf(Date);
      expect(row.phones).toEqual(['+33612345678', '+33187654321']);
      expect(row.external_ids).toEqual({ hubspot: '42' });
      const count = await db.one<{ n: number }>(
        sql`select count(*) as n from contacts where account_id = ${accountId}`,
      );
      expect(count.n).toBe(1);
      const found = await db.many<{ name: string }>(
        sql`select name from contacts where account_id = ${accountId} and phones @> ${['+33187654321']}::text[]`,
      );
      expect(found.map((f) => f.name)).toEqual(['Léa']);
    });

    it('rolls back a failed transaction entirely', async () => {
      const accountId = await newAccount('Rollback');
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`update accounts set name = 'changed' where id = ${accountId}`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const row = await db.one<{ name: string }>(sql`select name from accounts where id = ${accountId}`);
      expect(row.name).toBe('Rollback');
    });

    it('reports a unique violation as a conflict naming the constraint', async () => {
      const accountId = await newAccount();
      const insert = () =>
        db.execute(sql`insert into phone_numbers (account_id, e164, carrier, carrier_sid, country)
          values (${accountId}, '+33199001234', 'simulator', 'PN1', 'FR')`);
      await insert();
      const error = await insert().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe('conflict');
      expect((error as StoreError).detail.constraint).toBe('phone_numbers_e164_key');
    });

    it('reports a check violation as invalid', async () => {
      const error = await db
        .execute(sql`insert into accounts (name, plan, seats, seat_price_cents, default_country, time_zone, locale)
          values ('x', 'gold', 1, 0, 'FR', 'UTC', 'fr')`)
        .catch((e: unknown) => e);
      expect((error as StoreError).kind).toBe('invalid');
    });

    it('keeps concurrent transactions apart: each sees only its own uncommitted writes', async () => {
      const accountId = await newAccount('Counter');
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const { seats } = await tx.one<{ seats: number }>(
              sql`select seats from accounts where id = ${accountId} for update`,
            );
            await tx.execute(sql`update accounts set seats = ${seats + 1} where id = ${accountId}`);
          }),
        ),
      );
      const { seats } = await db.one<{ seats: number }>(
        sql`select seats from accounts where id = ${accountId}`,
      );
      expect(seats).toBe(21);
    });

    it.skipIf(store.name === 'pglite')(
      'lets a second worker skip rows a first worker holds (FOR UPDATE SKIP LOCKED) — skipped on PGlite: its transactions are serialised, so no second worker can run while the first holds rows',
      async () => {
        const accountId = await newAccount('Claims');
        for (let i = 0; i < 4; i++)
          await db.execute(sql`insert into contacts (account_id, name) values (${accountId}, ${`c${i}`})`);
        const claim = (tx: Queryable) =>
          tx.many<{ name: string }>(sql`select name from contacts where account_id = ${accountId}
            order by name limit 2 for update skip locked`);
        const [first, second] = await db.transaction(async (tx) => {
          const mine = await claim(tx);
          const theirs = await db.transaction(claim);
          return [mine, theirs];
        });
        expect(first?.map((r) => r.name)).toEqual(['c0', 'c1']);
        expect(second?.map((r) => r.name)).toEqual(['c2', 'c3']);
      },
    );

    it('composes fragments without mixing values into the SQL text', async () => {
      const accountId = await newAccount("O'Brien; drop table accounts;--");
      const filters = [sql`id = ${accountId}`, sql`name like ${'%Brien%'}`];
      const row = await db.one<{ name: string }>(
        sql`select name from accounts where ${sql.join(filters, ' and ')}`,
      );
      expect(row.name).toBe("O'Brien; drop table accounts;--");
    });
  });
}
