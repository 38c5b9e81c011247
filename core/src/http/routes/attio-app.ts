import type { Request } from 'express';
import { z } from 'zod';
import { ACTING_MEMBER_HEADER, actingMember, requireApiToken } from '../../attio-app/acting-member.ts';
import { addCallNote } from '../../attio-app/call-notes.ts';
import { callsWithPerson } from '../../attio-app/person-calls.ts';
import { contactOfAttioRecord } from '../../attio-app/record-contact.ts';
import { getAccount } from '../../domain/accounts/accounts.ts';
import { clickToCall } from '../../domain/calls/click-to-call.ts';
import { AppError } from '../../errors.ts';
import { type E164, toE164 } from '../../phone/e164.ts';
import { signedRecordingUrl } from '../../recordings/signed-url.ts';
import type { Services } from '../../services.ts';
import { type Principal, route } from '../route.ts';
import { EmailSchema, IdParams, LimitQuery } from '../schemas.ts';

/**
 * The Parley app inside Attio (attio-app/). Its server functions call these with the workspace's
 * secret — an admin's API token — and name the Attio user they act for in a header.
 */

function actingEmail(headers: Request['headers']): string {
  const parsed = EmailSchema.safeParse(headers[ACTING_MEMBER_HEADER]);
  if (!parsed.success)
    throw new AppError(
      'invalid',
      'acting_member_required',
      `Name the Attio user's email in the ${ACTING_MEMBER_HEADER} header.`,
    );
  return parsed.data;
}

const RecordId = z.string().trim().min(1).max(100);

const CallBody = z.strictObject({
  to: z.string().trim().min(3, 'Enter the number to call').max(40),
  recordId: RecordId.optional(),
});

const PersonParams = z.object({ recordId: RecordId });

const PersonCallsQuery = z.strictObject({
  phones: z.string().max(1_000).optional(),
  limit: LimitQuery,
});

const NoteBody = z.strictObject({
  text: z.string().trim().min(1, 'Write the note').max(5_000, 'Keep notes under 5,000 characters'),
});

function acting({ principal, services, req }: { principal: Principal; services: Services; req: Request }) {
  return actingMember(services.db, principal, actingEmail(req.headers));
}

export const attioAppRoutes = [
  route({
    method: 'get',
    path: '/api/attio-app/installation',
    summary: 'Checks the Attio app’s workspace secret: the account it reaches and the admin who issued it',
    tag: 'attio-app',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      requireApiToken(principal);
      const account = await getAccount(services.db, principal.accountId);
      return { body: { account: { id: account.id, name: account.name } } };
    },
  }),
  route({
    method: 'post',
    path: '/api/attio-app/calls',
    summary:
      'Click to call from an Attio record, for the Attio user’s member: rings their phone, then the number',
    tag: 'attio-app',
    access: 'admin',
    body: CallBody,
    response: { status: 201 },
    async handler(ctx) {
      const { principal } = await acting(ctx);
      const contactId = ctx.body.recordId
        ? await contactOfAttioRecord(ctx.services.db, principal.accountId, ctx.body.recordId)
        : null;
      const call = await clickToCall(ctx.services, principal, {
        to: ctx.body.to,
        mode: 'call_me_first',
        ...(contactId ? { contactId } : {}),
      });
      return { status: 201, body: call };
    },
  }),
  route({
    method: 'get',
    path: '/api/attio-app/people/:recordId/calls',
    summary:
      'Calls with an Attio person (linked contact or any of their numbers), newest first, as the member sees them',
    tag: 'attio-app',
    access: 'admin',
    params: PersonParams,
    query: PersonCallsQuery,
    response: { status: 200 },
    async handler(ctx) {
      const { principal } = await acting(ctx);
      const account = await getAccount(ctx.services.db, principal.accountId);
      const phones = (ctx.query.phones ?? '')
        .split(',')
        .map((raw) => toE164(raw.trim(), account.defaultCountry))
        .filter((e164): e164 is E164 => e164 !== null);
      const contactId = await contactOfAttioRecord(ctx.services.db, principal.accountId, ctx.params.recordId);
      const calls = await callsWithPerson(
        ctx.services.db,
        principal,
        { contactId, phones },
        { limit: ctx.query.limit, recordingUrlFor: (link) => signedRecordingUrl(ctx.services, link) },
      );
      return { body: { calls } };
    },
  }),
  route({
    method: 'post',
    path: '/api/attio-app/calls/:id/notes',
    summary: 'Adds a note from Attio under the call’s notes, signed by the Attio user’s member',
    tag: 'attio-app',
    access: 'admin',
    params: IdParams,
    body: NoteBody,
    response: { status: 201 },
    async handler(ctx) {
      const { principal, name } = await acting(ctx);
      const call = await addCallNote(
        ctx.services.db,
        principal,
        ctx.params.id,
        { text: ctx.body.text, author: name },
        ctx.services.now(),
      );
      ctx.services.crm.worker?.kick();
      return { status: 201, body: { id: call.id, notes: call.record?.notes ?? null } };
    },
  }),
];
