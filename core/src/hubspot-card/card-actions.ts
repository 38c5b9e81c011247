import { z } from 'zod';
import { annotateCall, getCallFor } from '../domain/calls/call-queries.ts';
import { clickToCall } from '../domain/calls/click-to-call.ts';
import { AppError } from '../errors.ts';
import { signedRecordingUrl } from '../recordings/index.ts';
import type { Services } from '../services.ts';
import { sql } from '../store/sql.ts';
import type { CardPrincipal } from './card-principal.ts';
import { type CardCall, recordCalls } from './record-calls.ts';

const HubspotId = z.string().regex(/^\d+$/, 'A HubSpot record id is a number');

/** Which record the card is on: a contact, or a company/deal with the contacts associated to it. */
export const RecordQuerySchema = z.object({
  objectTypeId: z.string().regex(/^\d+-\d+$/, 'objectTypeId is HubSpot’s object type id, e.g. 0-1'),
  objectId: HubspotId,
  contactIds: z
    .string()
    .optional()
    .transform((ids) => (ids ? ids.split(',').filter(Boolean) : []))
    .pipe(z.array(HubspotId).max(100, 'At most 100 associated contacts')),
});

export const NoteBodySchema = z.strictObject({
  callId: z.uuid('Not a Parley call id'),
  note: z.string().trim().min(1, 'Write the note').max(5_000, 'Keep notes under 5,000 characters'),
});

export const CallBodySchema = z.strictObject({
  to: z.string().trim().min(3, 'Give the number to call').max(40),
  /** The HubSpot contact the card is on: the call is filed on its Parley contact. */
  contactId: HubspotId.optional(),
});

const CONTACT = '0-1';
/** A card is looked at, not kept: its links to recordings last the hour it is open. */
const CARD_LINK_SECONDS = 3600;

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'invalid_input', 'Some fields are not valid.', {
    fields: Object.fromEntries(
      parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message]),
    ),
  });
}

export async function callsOfRecord(
  services: Services,
  principal: CardPrincipal,
  query: z.output<typeof RecordQuerySchema>,
): Promise<CardCall[]> {
  const contacts = query.objectTypeId === CONTACT ? [query.objectId] : query.contactIds;
  return recordCalls(services.db, principal, contacts, (callId) =>
    signedRecordingUrl(services, { accountId: principal.accountId, callId }, CARD_LINK_SECONDS),
  );
}

/** "Add note": appended to what the call's notes say, so the CRM log (updated in place) keeps both. */
export async function addNote(
  services: Services,
  principal: CardPrincipal,
  body: z.output<typeof NoteBodySchema>,
) {
  const call = await getCallFor(services.db, principal, body.callId);
  const before = call.record?.notes?.trim();
  const notes = before ? `${before}\n\n${body.note}` : body.note;
  const saved = await annotateCall(services.db, principal, body.callId, { notes }, services.now());
  services.crm.worker?.kick();
  return { id: saved.id, notes: saved.record?.notes ?? notes };
}

/**
 * "Call" on the card: a card cannot hold a browser call, so Parley rings the member's own phone
 * first and then the customer (call-me-first), on the member's own line.
 */
export async function callFromCard(
  services: Services,
  principal: CardPrincipal,
  body: z.output<typeof CallBodySchema>,
) {
  const linked = body.contactId
    ? await services.db.maybeOne<{ contact_id: string }>(sql`select contact_id from contact_links
        where connection_id = ${principal.connectionId} and crm_id = ${body.contactId}`)
    : null;
  return clickToCall(services, principal, {
    to: body.to,
    mode: 'call_me_first',
    contactId: linked?.contact_id,
  });
}
