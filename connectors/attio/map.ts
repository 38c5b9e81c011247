import { z } from 'zod';
import type { CallLog, CallResult, E164, Person } from '../core/connector.ts';
import { normaliseForCompare } from '../core/phone.ts';

/** The custom object Parley logs calls in, and its attributes (created by `calls-object.ts`). */
export const CALLS_OBJECT = 'parley_calls';
export const PARLEY_ID_ATTRIBUTE = 'parley_contact_id';

export const DIRECTION_TITLES = { inbound: 'Inbound', outbound: 'Outbound' } as const;
export const RESULT_TITLES: Readonly<Record<CallResult, string>> = {
  answered: 'Answered',
  missed: 'Missed',
  voicemail: 'Voicemail',
  abandoned: 'Abandoned',
  busy: 'Busy',
  failed: 'Failed',
  after_hours: 'After hours',
};

const Actor = z.object({ active_from: z.string() });
const RecordId = z.object({ workspace_id: z.string(), object_id: z.string(), record_id: z.string() });

/** A record as `records/query` and the assert endpoints return it; values stay loose until read. */
export const AttioRecord = z.object({
  id: RecordId,
  created_at: z.string(),
  web_url: z.string(),
  values: z.record(z.string(), z.array(z.unknown())),
});
export type AttioRecord = z.infer<typeof AttioRecord>;

const NameValue = Actor.extend({
  full_name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});
const EmailValue = Actor.extend({ email_address: z.string() });
/** The spec names the normalised field `phone_number`; the docs say `normalized_phone_number`. */
const PhoneValue = Actor.extend({
  original_phone_number: z.string(),
  phone_number: z.string().nullish(),
  normalized_phone_number: z.string().nullish(),
  country_code: z.string().nullish(),
});
const TextValue = Actor.extend({ value: z.string() });
const ReferenceValue = Actor.extend({ target_object: z.string(), target_record_id: z.string() });

function valuesOf<T extends z.ZodType>(record: AttioRecord, slug: string, schema: T): z.infer<T>[] {
  const out: z.infer<T>[] = [];
  for (const raw of record.values[slug] ?? []) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * When the person last changed: Attio keeps no `updated_at`, but every write makes a new value
 * with its own `active_from`, so the latest one is the last edit (removing a value without adding
 * one leaves no trace here; the `record.updated` webhook covers that case).
 */
export function modifiedAt(record: AttioRecord): string {
  let latest = record.created_at;
  for (const values of Object.values(record.values)) {
    for (const raw of values) {
      const parsed = Actor.safeParse(raw);
      if (parsed.success && parsed.data.active_from > latest) latest = parsed.data.active_from;
    }
  }
  return latest;
}

/** Every number a value can be read as: the normalised one first, then what was typed. */
export function phonesOf(record: AttioRecord, defaultCountry?: string): E164[] {
  const found = new Set<E164>();
  for (const phone of valuesOf(record, 'phone_numbers', PhoneValue)) {
    const normalised = phone.phone_number ?? phone.normalized_phone_number;
    const e164 =
      (normalised ? normaliseForCompare(normalised) : null) ??
      normaliseForCompare(phone.original_phone_number, phone.country_code ?? defaultCountry);
    if (e164) found.add(e164);
  }
  return [...found];
}

export function companyIdOf(record: AttioRecord): string | null {
  return valuesOf(record, 'company', ReferenceValue)[0]?.target_record_id ?? null;
}

export function nameOf(record: AttioRecord): string {
  const name = valuesOf(record, 'name', NameValue)[0];
  if (!name) return '';
  return name.full_name ?? [name.first_name, name.last_name].filter(Boolean).join(' ');
}

export function textOf(record: AttioRecord, slug: string): string | null {
  return valuesOf(record, slug, TextValue)[0]?.value ?? null;
}

export function toPerson(
  record: AttioRecord,
  options: { defaultCountry?: string; companyName?: string | null },
): Person {
  const parleyId = textOf(record, PARLEY_ID_ATTRIBUTE);
  return {
    ref: { crm: 'attio', objectType: 'people', id: record.id.record_id, url: record.web_url },
    kind: 'contact',
    name: nameOf(record),
    company: options.companyName ?? null,
    emails: valuesOf(record, 'email_addresses', EmailValue).map((email) => email.email_address),
    phones: phonesOf(record, options.defaultCountry),
    updatedAt: new Date(modifiedAt(record)),
    archived: false,
    ...(parleyId ? { parleyId } : {}),
  };
}

/** Attio's personal-name value; the last word is the last name, as Attio's own UI splits it. */
export function personalName(full: string) {
  const trimmed = full.trim();
  const cut = trimmed.lastIndexOf(' ');
  return {
    first_name: cut < 0 ? trimmed : trimmed.slice(0, cut),
    last_name: cut < 0 ? '' : trimmed.slice(cut + 1),
    full_name: trimmed,
  };
}

/**
 * A call as values of the calls object. Fields the call does not carry are left out, so a later
 * assert without them keeps what an earlier one wrote.
 */
export function callValues(call: CallLog): Record<string, unknown[]> {
  const values: Record<string, unknown[]> = {
    call_id: [call.id],
    direction: [DIRECTION_TITLES[call.direction]],
    result: [call.outcome ?? RESULT_TITLES[call.result]],
    started_at: [call.startedAt.toISOString()],
    duration_seconds: [call.durationSeconds],
    to_number: [call.to],
  };
  if (call.from) values.from_number = [call.from];
  if (call.contact) {
    values.person = [{ target_object: 'people', target_record_id: call.contact.id }];
  }
  if (call.ownerId) {
    values.owner = [{ referenced_actor_type: 'workspace-member', referenced_actor_id: call.ownerId }];
  }
  const texts = {
    notes: call.notes,
    summary: call.summary,
    transcript: call.transcript,
    recording_url: call.recordingUrl,
    disposition: call.disposition,
    member_email: call.memberEmail,
  };
  for (const [slug, text] of Object.entries(texts)) if (text) values[slug] = [text];
  return values;
}

/** Marks a note with Parley's id in its title, the only field Attio lets us find it by later. */
export function noteMarker(parleyId: string): string {
  return `[parley:${parleyId}]`;
}

export function noteTitle(body: string, parleyId: string): string {
  const firstLine = body.split('\n', 1)[0]?.trim() ?? '';
  const short = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
  return `${short} ${noteMarker(parleyId)}`.trim();
}
