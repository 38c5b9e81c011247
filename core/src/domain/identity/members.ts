import { AppError, fieldError } from '../../errors.ts';
import type { Role } from '../../http/route.ts';
import type { Queryable } from '../../store/db.ts';
import { StoreError } from '../../store/errors.ts';
import { sql } from '../../store/sql.ts';

export interface Member {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export interface MemberRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

export const toMember = (r: MemberRow): Member => ({
  id: r.id,
  accountId: r.account_id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
});

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertMember(
  tx: Queryable,
  input: { accountId: string; email: string; name: string; role: Role; passwordHash: string },
): Promise<Member> {
  try {
    const row = await tx.one<MemberRow>(sql`insert into members (account_id, email, name, role, password_hash)
      values (${input.accountId}, ${normaliseEmail(input.email)}, ${input.name}, ${input.role}, ${input.passwordHash})
      returning id, account_id, email, name, role, created_at`);
    return toMember(row);
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'conflict')
      throw fieldError(
        'email',
        'This email already has a Parley login: sign in instead, or use another address.',
        'email_taken',
      );
    throw error;
  }
}

export async function getMember(db: Queryable, accountId: string, memberId: string): Promise<Member> {
  const row =
    await db.maybeOne<MemberRow>(sql`select id, account_id, email, name, role, created_at from members
    where id = ${memberId} and account_id = ${accountId}`);
  if (!row) throw new AppError('not_found', 'member_not_found', 'No member with this id in your team.');
  return toMember(row);
}

export async function listMembers(db: Queryable, accountId: string): Promise<Member[]> {
  const rows = await db.many<MemberRow>(sql`select id, account_id, email, name, role, created_at from members
    where account_id = ${accountId} order by created_at`);
  return rows.map(toMember);
}
