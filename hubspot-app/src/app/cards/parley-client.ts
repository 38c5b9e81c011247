import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';
import { PARLEY_URL } from './parley-url.ts';

export const CardCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  number: z.string(),
  startedAt: z.string(),
  member: z.string().nullable(),
  talkSeconds: z.number().nullable(),
  result: z.string().nullable(),
  disposition: z.string().nullable(),
  notes: z.string(),
  summary: z.string().nullable(),
  recordingUrl: z.string().nullable(),
});
export type CardCall = z.infer<typeof CardCallSchema>;

const CallsSchema = z.object({ calls: z.array(CardCallSchema) });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const NoteSchema = z.object({ id: z.string(), notes: z.string() });
const PlacedSchema = z.object({ to: z.string() });

export class ParleyError extends Error {
  override name = 'ParleyError';
}

/** Parley's answer read as the schema says, or Parley's own error message (`{ error: { message } }`). */
async function read<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorSchema.safeParse(body);
    throw new ParleyError(error.success ? error.data.error.message : `Parley answered ${response.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ParleyError('Parley answered something this card does not understand.');
  return parsed.data;
}

/** HubSpot adds the portal and the user to the query and signs the request; Parley checks both. */
export async function loadCalls(record: { objectTypeId: string; objectId: number }, contactIds: number[]) {
  const query = new URLSearchParams({ objectTypeId: record.objectTypeId, objectId: String(record.objectId) });
  if (contactIds.length > 0) query.set('contactIds', contactIds.join(','));
  const response = await hubspot.fetch(`${PARLEY_URL}/hubspot/card/calls?${query}`, { method: 'GET' });
  return (await read(response, CallsSchema)).calls;
}

export async function addNote(callId: string, note: string) {
  const response = await hubspot.fetch(`${PARLEY_URL}/hubspot/card/notes`, {
    method: 'POST',
    body: { callId, note },
  });
  return read(response, NoteSchema);
}

export async function placeCall(to: string, contactId: number | null) {
  const response = await hubspot.fetch(`${PARLEY_URL}/hubspot/card/calls`, {
    method: 'POST',
    body: contactId === null ? { to } : { to, contactId: String(contactId) },
  });
  return read(response, PlacedSchema);
}
