import { AppError } from '../../errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { getAccount } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit.ts';
import type { ContactInput } from './formats/contact-input.ts';
import { parseContactsCsv } from './formats/csv.ts';
import type { ParseResult } from './formats/parse-result.ts';
import { parseVcards } from './formats/vcard.ts';

export type ImportFormat = 'csv' | 'vcard';

const CHUNK = 200;
// Row errors kept for the admin; beyond this the count still grows but the list stops.
const MAX_ERRORS_KEPT = 500;

export interface ContactImport {
  id: string;
  format: ImportFormat;
  fileName: string | null;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: { line: number; field?: string; message: string }[];
  warnings: string[];
  createdAt: Date;
  finishedAt: Date | null;
}

interface Row {
  id: string;
  format: ImportFormat;
  file_name: string | null;
  status: ContactImport['status'];
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: ContactImport['errors'];
  warnings: string[];
  created_at: Date;
  finished_at: Date | null;
}

const toImport = (r: Row): ContactImport => ({
  id: r.id,
  format: r.format,
  fileName: r.file_name,
  status: r.status,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  failed: r.failed,
  errors: r.errors,
  warnings: r.warnings,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/** A contact already in the account with one of the same numbers or emails is updated, not duplicated. */
async function upsertImported(tx: Queryable, accountId: string, source: ImportFormat, contact: ContactInput) {
  const existing = await tx.maybeOne<{
    id: string;
  }>(sql`select id from contacts where account_id = ${accountId}
    and (phones && ${contact.phones}::text[] or emails && ${contact.emails}::text[]) order by created_at limit 1 for update`);
  if (existing) {
    await tx.execute(sql`update contacts set name = ${contact.name}, company = coalesce(${contact.company ?? null}, company),
        phones = array(select distinct unnest(phones || ${contact.phones}::text[])),
        emails = array(select distinct unnest(emails || ${contact.emails}::text[])),
        updated_at = now()
      where id = ${existing.id} and account_id = ${accountId}`);
    return 'updated' as const;
  }
  await tx.execute(sql`insert into contacts (account_id, name, company, emails, phones, source)
    values (${accountId}, ${contact.name}, ${contact.company ?? null}, ${contact.emails}::text[], ${contact.phones}::text[], ${source})`);
  return 'created' as const;
}

async function run(db: Db, accountId: string, importId: string, format: ImportFormat, parsed: ParseResult) {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < parsed.rows.length; start += CHUNK) {
    const chunk = parsed.rows.slice(start, start + CHUNK);
    await db.transaction(async (tx) => {
      for (const { contact } of chunk) {
        if ((await upsertImported(tx, accountId, format, contact)) === 'created') created++;
        else updated++;
      }
      await tx.execute(sql`update contact_imports set processed = ${parsed.errors.length + start + chunk.length},
        created = ${created}, updated = ${updated} where id = ${importId} and account_id = ${accountId}`);
    });
  }
  await db.execute(sql`update contact_imports set status = 'done', finished_at = now(),
    processed = total where id = ${importId} and account_id = ${accountId}`);
}

/**
 * Parses at once (so a wrong file is refused in the response) and imports in chunks in the
 * background; `processed`/`total` on the import show progress. Bad rows are listed with their
 * line and never block the good ones.
 */
export async function startImport(
  db: Db,
  actor: { accountId: string; memberId: string },
  input: { format: ImportFormat; content: string; fileName?: string | undefined },
  log: { error(obj: object, msg: string): void },
): Promise<{ job: ContactImport; done: Promise<void> }> {
  const account = await getAccount(db, actor.accountId);
  const parse = input.format === 'csv' ? parseContactsCsv : parseVcards;
  const parsed = parse(input.content, { defaultCountry: account.defaultCountry });
  if (parsed.total === 0 && parsed.errors.length === 0)
    throw new AppError('invalid', 'empty_file', 'The file holds no contacts.', {
      fields: { content: 'The file holds no contacts.' },
    });
  if (parsed.rows.length === 0 && parsed.errors.length > 0 && parsed.total === 0) {
    const message = parsed.errors[0]?.message ?? 'The file cannot be read.';
    throw new AppError('invalid', 'unreadable_file', message, { fields: { content: message } });
  }
  const row = await db.transaction(async (tx) => {
    const inserted = await tx.one<Row>(sql`insert into contact_imports
        (account_id, format, file_name, status, total, processed, failed, errors, warnings, created_by)
      values (${actor.accountId}, ${input.format}, ${input.fileName ?? null}, 'running',
        ${parsed.rows.length + parsed.errors.length}, ${parsed.errors.length}, ${parsed.errors.length},
        ${JSON.stringify(parsed.errors.slice(0, MAX_ERRORS_KEPT))}, ${JSON.stringify(parsed.warnings)}, ${actor.memberId})
      returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'contacts.import_started',
      targetType: 'contact_import',
      targetId: inserted.id,
      details: { format: input.format, fileName: input.fileName ?? null, rows: parsed.rows.length },
    });
    return inserted;
  });
  const done = run(db, actor.accountId, row.id, input.format, parsed).catch(async (error: unknown) => {
    log.error({ err: error, importId: row.id }, 'contact import failed');
    await db
      .execute(sql`update contact_imports set status = 'failed', finished_at = now(),
        warnings = warnings || ${JSON.stringify([`The import stopped: ${error instanceof Error ? error.message : String(error)}`])}::jsonb
        where id = ${row.id} and account_id = ${actor.accountId}`)
      .catch(() => undefined);
  });
  return { job: toImport(row), done };
}

export async function getImport(db: Queryable, accountId: string, id: string): Promise<ContactImport> {
  const row = await db.maybeOne<Row>(
    sql`select * from contact_imports where id = ${id} and account_id = ${accountId}`,
  );
  if (!row) throw new AppError('not_found', 'import_not_found', 'No such contact import in this account.');
  return toImport(row);
}

export async function listImports(db: Queryable, accountId: string): Promise<ContactImport[]> {
  const rows = await db.many<Row>(
    sql`select * from contact_imports where account_id = ${accountId} order by created_at desc limit 50`,
  );
  return rows.map(toImport);
}
