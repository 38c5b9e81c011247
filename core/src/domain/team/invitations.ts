import { hashPassword } from '../../crypto/passwords.ts';
import { hashToken, newSecretToken } from '../../crypto/tokens.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Role } from '../../http/route.ts';
import { invitationEmail, type Mailer } from '../../mail/index.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { StoreError } from '../../store/errors.ts';
import { sql } from '../../store/sql.ts';
import { getAccount, seatsUsed } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit.ts';
import { getMember, insertMember, normaliseEmail } from '../identity/members.ts';
import { createSession } from '../identity/sessions.ts';

const VALID_DAYS = 7;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  state: InvitationState;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  delivery: {
    status: 'queued' | 'sent' | 'failed';
    error: string | null;
    attempts: number;
    lastSentAt: Date | null;
  };
}

interface Row {
  id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  delivery_status: 'queued' | 'sent' | 'failed';
  delivery_error: string | null;
  delivery_attempts: number;
  last_sent_at: Date | null;
}

function stateOf(r: Row, now: Date): InvitationState {
  if (r.accepted_at) return 'accepted';
  if (r.revoked_at) return 'revoked';
  return r.expires_at <= now ? 'expired' : 'pending';
}

const toInvitation = (r: Row, now: Date): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  state: stateOf(r, now),
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
  delivery: {
    status: r.delivery_status,
    error: r.delivery_error,
    attempts: r.delivery_attempts,
    lastSentAt: r.last_sent_at,
  },
});

export interface InvitationDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: { info(obj: object, msg: string): void };
}

type Actor = { accountId: string; memberId: string };

async function findRow(db: Queryable, accountId: string, id: string, lock = false): Promise<Row> {
  const row = await db.maybeOne<Row>(
    sql`select * from invitations where id = ${id} and account_id = ${accountId} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw new AppError('not_found', 'invitation_not_found', 'No such invitation in this account.');
  return row;
}

function acceptUrl(publicUrl: string, token: string) {
  return `${publicUrl}/join?token=${encodeURIComponent(token)}`;
}

/**
 * Sends (or re-sends) the email for an invitation whose token was just (re)issued. The outbox
 * row keeps the message without the token, which only the inviting admin sees, once.
 */
async function deliver(
  deps: InvitationDeps,
  actor: Actor,
  invitation: { id: string; email: string; expiresAt: Date },
  token: string,
  now: Date,
) {
  const { id: invitationId, email, expiresAt } = invitation;
  const account = await getAccount(deps.db, actor.accountId);
  const inviter = await getMember(deps.db, actor.accountId, actor.memberId);
  const link = acceptUrl(deps.publicUrl, token);
  const message = invitationEmail({
    locale: account.locale,
    accountName: account.name,
    inviterName: inviter.name,
    acceptUrl: link,
    expiresAt,
    timeZone: account.timeZone,
  });
  const redacted = message.text
    .split(link)
    .join(acceptUrl(deps.publicUrl, '(shown once to the inviting admin)'));
  const outbox = await deps.db.one<{ id: string }>(sql`insert into email_outbox
      (account_id, invitation_id, to_email, subject, body_text, status)
    values (${actor.accountId}, ${invitationId}, ${email}, ${message.subject}, ${redacted}, 'queued') returning id`);
  const result = await deps.mailer.send({
    to: email,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
  if (result.status === 'queued')
    deps.log.info(
      { to: email, subject: message.subject, text: message.text },
      `invitation not emailed: ${result.reason}`,
    );
  const error = result.status === 'failed' ? result.error : null;
  const sentAt = result.status === 'sent' ? now : null;
  await deps.db.execute(sql`update email_outbox set status = ${result.status}, error = ${error}, sent_at = ${sentAt}
    where id = ${outbox.id} and account_id = ${actor.accountId}`);
  await deps.db.execute(sql`update invitations set delivery_status = ${result.status}, delivery_error = ${error},
      delivery_attempts = delivery_attempts + 1, last_sent_at = ${now}
    where id = ${invitationId} and account_id = ${actor.accountId}`);
  return { acceptUrl: link, delivery: result };
}

async function refuseOverSeatLimit(tx: Queryable, accountId: string, now: Date) {
  const account = await getAccount(tx, accountId, true);
  const used = await seatsUsed(tx, accountId, now);
  if (used.total >= account.seats)
    throw new AppError(
      'conflict',
      'seat_limit_reached',
      `${used.total} of ${account.seats} seats used: add a seat in Billing`,
      { seats: account.seats, used },
    );
}

export async function invite(
  deps: InvitationDeps,
  actor: Actor,
  input: { email: string; role: Role },
  now: Date,
) {
  const email = normaliseEmail(input.email);
  const token = newSecretToken('pi');
  const row = await deps.db.transaction(async (tx) => {
    const existing = await tx.maybeOne(sql`select 1 from members where email = ${email}`);
    if (existing)
      throw fieldError(
        'email',
        'This person already has a Parley login and cannot join a second team.',
        'already_member',
      );
    await refuseOverSeatLimit(tx, actor.accountId, now);
    // An expired invitation still holds the unique "pending" slot for its address; retire it.
    await tx.execute(sql`update invitations set revoked_at = ${now} where account_id = ${actor.accountId}
      and email = ${email} and accepted_at is null and revoked_at is null and expires_at <= ${now}`);
    try {
      const inserted =
        await tx.one<Row>(sql`insert into invitations (account_id, email, role, token_hash, invited_by, expires_at)
        values (${actor.accountId}, ${email}, ${input.role}, ${hashToken(token)}, ${actor.memberId},
          ${new Date(now.getTime() + VALID_DAYS * 86_400_000)}) returning *`);
      await recordAudit(tx, {
        accountId: actor.accountId,
        actorMemberId: actor.memberId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: inserted.id,
        details: { email, role: input.role },
      });
      return inserted;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'conflict')
        throw fieldError(
          'email',
          'An invitation to this address is already pending: resend it instead.',
          'invitation_pending',
        );
      throw error;
    }
  });
  const sent = await deliver(deps, actor, { id: row.id, email, expiresAt: row.expires_at }, token, now);
  return {
    invitation: toInvitation(await findRow(deps.db, actor.accountId, row.id), now),
    acceptUrl: sent.acceptUrl,
  };
}

/** A new token and a new week: the old link stops working, so a forwarded stale email is harmless. */
export async function resend(deps: InvitationDeps, actor: Actor, id: string, now: Date) {
  const token = newSecretToken('pi');
  const row = await deps.db.transaction(async (tx) => {
    const current = await findRow(tx, actor.accountId, id, true);
    if (current.accepted_at)
      throw new AppError('conflict', 'invitation_accepted', 'This invitation was already accepted.');
    if (current.revoked_at)
      throw new AppError(
        'conflict',
        'invitation_revoked',
        'This invitation was revoked: send a new one instead.',
      );
    if (current.expires_at <= now) await refuseOverSeatLimit(tx, actor.accountId, now);
    const renewed = await tx.one<Row>(sql`update invitations set token_hash = ${hashToken(token)},
      expires_at = ${new Date(now.getTime() + VALID_DAYS * 86_400_000)}
      where id = ${id} and account_id = ${actor.accountId} returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'invitation.resent',
      targetType: 'invitation',
      targetId: id,
    });
    return renewed;
  });
  const sent = await deliver(deps, actor, { id, email: row.email, expiresAt: row.expires_at }, token, now);
  return {
    invitation: toInvitation(await findRow(deps.db, actor.accountId, id), now),
    acceptUrl: sent.acceptUrl,
  };
}

export async function revoke(db: Db, actor: Actor, id: string, now: Date): Promise<Invitation> {
  return db.transaction(async (tx) => {
    const current = await findRow(tx, actor.accountId, id, true);
    if (current.accepted_at)
      throw new AppError(
        'conflict',
        'invitation_accepted',
        'This invitation was already accepted: remove the member instead.',
      );
    const row = await tx.one<Row>(sql`update invitations set revoked_at = coalesce(revoked_at, ${now})
      where id = ${id} and account_id = ${actor.accountId} returning *`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
    });
    return toInvitation(row, now);
  });
}

export async function listInvitations(db: Queryable, accountId: string, now: Date): Promise<Invitation[]> {
  const rows = await db.many<Row>(
    sql`select * from invitations where account_id = ${accountId} order by created_at desc`,
  );
  return rows.map((r) => toInvitation(r, now));
}

export async function getInvitation(db: Queryable, accountId: string, id: string, now: Date) {
  const invitation = toInvitation(await findRow(db, accountId, id), now);
  const emails = await db.many<{
    id: string;
    to_email: string;
    subject: string;
    body_text: string;
    status: string;
    error: string | null;
    created_at: Date;
    sent_at: Date | null;
  }>(sql`select id, to_email, subject, body_text, status, error, created_at, sent_at from email_outbox
    where invitation_id = ${id} and account_id = ${accountId} order by created_at desc`);
  return {
    ...invitation,
    emails: emails.map((e) => ({
      id: e.id,
      to: e.to_email,
      subject: e.subject,
      text: e.body_text,
      status: e.status,
      error: e.error,
      createdAt: e.created_at,
      sentAt: e.sent_at,
    })),
  };
}

async function rowByToken(tx: Queryable, token: string, now: Date, lock: boolean) {
  const row = await tx.maybeOne<Row & { account_id: string }>(
    sql`select * from invitations where token_hash = ${hashToken(token)} ${lock ? sql`for update` : sql``}`,
  );
  if (!row)
    throw new AppError(
      'not_found',
      'invitation_invalid',
      'This invitation link is not valid: ask your admin to resend it.',
    );
  const state = stateOf(row, now);
  if (state === 'accepted')
    throw new AppError(
      'gone',
      'invitation_used',
      'This invitation was already used: sign in with your email and password.',
    );
  if (state === 'revoked')
    throw new AppError(
      'gone',
      'invitation_revoked',
      'This invitation was withdrawn by an admin: ask them for a new one.',
    );
  if (state === 'expired')
    throw new AppError(
      'gone',
      'invitation_expired',
      'This invitation has expired: ask your admin to resend it.',
    );
  return row;
}

/** What the join page shows before the person sets a password. */
export async function lookupInvitation(db: Queryable, token: string, now: Date) {
  const row = await rowByToken(db, token, now, false);
  const account = await getAccount(db, row.account_id);
  const inviter = row.invited_by
    ? await db.maybeOne<{ name: string }>(
        sql`select name from members where id = ${row.invited_by} and account_id = ${row.account_id}`,
      )
    : null;
  return {
    email: row.email,
    role: row.role,
    accountName: account.name,
    invitedBy: inviter?.name ?? null,
    expiresAt: row.expires_at,
    locale: account.locale,
  };
}

export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
  now: Date,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await rowByToken(tx, input.token, now, true);
    const member = await insertMember(tx, {
      accountId: row.account_id,
      email: row.email,
      name: input.name,
      role: row.role,
      passwordHash,
    });
    await tx.execute(sql`update invitations set accepted_at = ${now}, accepted_member_id = ${member.id}
      where id = ${row.id} and account_id = ${row.account_id}`);
    await recordAudit(tx, {
      accountId: row.account_id,
      actorMemberId: member.id,
      action: 'invitation.accepted',
      targetType: 'member',
      targetId: member.id,
      details: { invitationId: row.id },
    });
    const session = await createSession(tx, { accountId: row.account_id, memberId: member.id }, now);
    return { member, session };
  });
}
