import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';
import { sql } from './sql.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: string;
  text: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: file.replace(/\.sql$/, ''),
      text: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock makes instances
 * starting together wait for one another instead of applying the same migration twice.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.script(`create table if not exists schema_migrations (
    version text primary key,
    applied_at timestamptz not null default now()
  )`);
  const applied: string[] = [];
  for (const migration of all) {
    const done = await db.transaction(async (tx) => {
      await tx.many(sql`select pg_advisory_xact_lock(hashtext('parley_migrations'))`);
      const row = await tx.maybeOne(
        sql`select version from schema_migrations where version = ${migration.version}`,
      );
      if (row) return false;
      await tx.script(migration.text);
      await tx.execute(sql`insert into schema_migrations (version) values (${migration.version})`);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
